import type { SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import type { RouteContext } from '@smmkit/testkit/simulator-kit';
import { type LinkedInSimContext, mayActAs, mayDoFor, pathKey, postExtra } from '../context.js';
import { renderPost } from '../entities.js';
import {
  accessDenied,
  badRequest,
  commentaryTooLong,
  linkedInError,
  notFound,
  postForbidden,
  roleForbiddenField,
  throttled,
} from '../errors.js';
import { readJsonObject } from '../json-body.js';
import { parseLittleText } from '../little-text.js';
import { restliPage, restRoute } from '../rest-route.js';
import { memberUrnOf, storePost } from '../store-post.js';

/** Posts API visibilities (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api). */
const VISIBILITIES = new Set(['PUBLIC', 'CONNECTIONS', 'LOGGED_IN']);
/**
 * The longest commentary LinkedIn takes: 3,000 characters of the text it shows (mentions as their
 * name, escapes removed), counted in code points. ASSUMED: the limit is the widely cited one and
 * the one LinkedIn's refusal names (see `commentaryTooLong`); how it counts is not documented.
 */
const MAX_COMMENTARY_LENGTH = 3000;
/** Poll API durations (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/poll-post-api). */
const POLL_DURATIONS = new Set(['ONE_DAY', 'THREE_DAYS', 'SEVEN_DAYS', 'FOURTEEN_DAYS']);

/**
 * The most posts one page of "Find Posts by Authors" holds: `count` defaults to 10 and "maximum
 * allowed count is 100" (Posts API,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
const MAX_POSTS_COUNT = 100;

/** Declares the Posts API: create, get one, find by author, delete. */
export function registerPostRoutes(context: LinkedInSimContext): void {
  const { sim } = context;

  // POST /rest/posts → 201, empty body, the URN in x-restli-id (Posts API, "Create a Post").
  restRoute(context, 'POST', '/posts', { bucket: 'api' }, (route) => createPost(context, route));

  // GET /rest/posts/{encoded URN} (Posts API, "Get Posts by URN").
  restRoute(context, 'GET', '/posts/:urn', { bucket: 'api' }, ({ params }) => {
    const post = sim.posts.get(pathKey(params.urn));
    if (post === undefined || postExtra(post).kind !== 'post') return notFound('post');
    return Response.json(renderPost(post));
  });

  // GET /rest/posts?q=author&author={URN}&start&count&sortBy (Posts API, "Find Posts by Authors"),
  // newest first: by LAST_MODIFIED (the default) or CREATED, the same instant here as no post is
  // edited. Seeded posts are stored after their time (a public account's, days back), so the
  // order is their time's, then their URN's. Only the member's own posts, or an organization's
  // the member has a role on, with the read scope for it (see mayFindPostsOf); else 403. Then
  // `start`/`count` are checked (restliPage): a refused caller learns nothing of them (the
  // order of the two checks is assumed).
  restRoute(context, 'GET', '/posts', { bucket: 'api' }, ({ url, accountId, scopes }) => {
    if (url.searchParams.get('q') !== 'author') return badRequest('/q', 'must be author');
    const author = url.searchParams.get('author') ?? '';
    if (!mayFindPostsOf(context, accountId, scopes, author))
      return accessDenied('partnerApiPostsExternal.FINDER-author');
    const posts = sim.posts
      .filter((post) => post.accountId === author && postExtra(post).kind === 'post')
      .reverse()
      .sort((a, b) => b.createdAt - a.createdAt);
    return restliPage(url, posts, renderPost, MAX_POSTS_COUNT);
  });

  // DELETE /rest/posts/{encoded URN} → 204 (Posts API, "Delete Posts"); only its author may: the
  // member, or a member whose role on the organization may write its posts (ROLES_FOR.writePosts);
  // another organization's post is refused with postForbidden.
  // "Post deletions are idempotent. Deletion requests for a previously deleted UGC Post will
  // return a 204 code - No Content" (same page): a post deleted before answers 204 again, to its
  // author. A URN that never named a post is 404 (ASSUMED: the page documents no answer for it).
  restRoute(context, 'DELETE', '/posts/:urn', { bucket: 'api' }, ({ params, accountId }) => {
    const urn = pathKey(params.urn);
    const stored = sim.posts.get(urn);
    const post = stored !== undefined && postExtra(stored).kind === 'post' ? stored : undefined;
    const author = post?.accountId ?? context.deletedPosts.get(urn);
    if (author === undefined) return notFound('post');
    if (!mayActAs(context, accountId, author, 'writePosts'))
      return isOrganization(author) ? postForbidden(urn) : accessDenied('partnerApiPostsExternal.DELETE');
    if (post !== undefined) sim.posts.delete(urn);
    context.deletedPosts.set(urn, author);
    return new Response(null, { status: 204 });
  });
}

async function createPost(
  context: LinkedInSimContext,
  { request, accountId, scopes, now }: RouteContext,
): Promise<Response> {
  const { sim } = context;
  const body = await readJsonObject(request);
  const author = typeof body.author === 'string' ? body.author : '';
  if (!/^urn:li:(person|organization):/.test(author))
    return badRequest('/author', 'must be a person or organization URN');
  // The scope first, then the member's role on an organization author (ROLES_FOR.writePosts; the
  // order is ASSUMED).
  if (!mayWriteAs(scopes, author, { feed: false })) return accessDenied('partnerApiPostsExternal.CREATE');
  if (!mayActAs(context, accountId, author, 'writePosts'))
    return isOrganization(author)
      ? roleForbiddenField('REQUEST_BODY', '/author')
      : accessDenied('partnerApiPostsExternal.CREATE');
  const visibility = body.visibility;
  if (typeof visibility !== 'string' || !VISIBILITIES.has(visibility))
    return badRequest('/visibility', 'must be PUBLIC, CONNECTIONS or LOGGED_IN');
  if (visibility === 'CONNECTIONS' && author.startsWith('urn:li:organization:'))
    return badRequest('/visibility', 'CONNECTIONS is only for member authors');
  if (body.lifecycleState !== 'PUBLISHED') return badRequest('/lifecycleState', 'must be PUBLISHED');
  const distribution = body.distribution as Record<string, unknown> | undefined;
  if (distribution?.feedDistribution !== 'MAIN_FEED')
    return badRequest('/distribution/feedDistribution', 'is required');
  const commentary = typeof body.commentary === 'string' ? body.commentary : '';
  const shownLength = [...parseLittleText(commentary).text].length;
  if (shownLength > MAX_COMMENTARY_LENGTH)
    return commentaryTooLong(commentary, shownLength, MAX_COMMENTARY_LENGTH);
  const reshare = readReshare(context, body.reshareContext);

  const content = readContent(context, author, body.content);
  // Posts only: the author's comments are stored beside them, and a post may say what a comment did.
  const duplicate = sim.posts.filter(
    (post) =>
      post.accountId === author &&
      commentary !== '' &&
      postExtra(post).kind === 'post' &&
      postExtra(post).commentary === commentary,
  )[0];
  if (duplicate !== undefined)
    return linkedInError(422, `Content is a duplicate of ${duplicate.id}`, { code: 'DUPLICATE_POST' });
  // One post counts against the member's and the app's daily limits, or, when either is used up, neither.
  const daily = context.dailyPosts.takeAll([
    { key: accountId, bucket: 'posts_member' },
    { key: 'app', bucket: 'posts_app' },
  ]);
  if (daily.some((decision) => !decision.allowed)) return throttled();

  for (const [index, media] of content.media.entries()) media.altText = content.altTexts[index];
  const post = storePost(context, {
    author,
    commentary,
    visibility,
    reshareDisabled: body.isReshareDisabledByAuthor === true,
    reshare,
    createdAt: now,
    ...content.stored,
    media: content.media,
  });
  return new Response(null, { status: 201, headers: { 'x-restli-id': post.id } });
}

/**
 * A create's `reshareContext`, checked: `parent` names a share or UGC post the simulator keeps
 * (Posts API, https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api:
 * `reshareContext.parent`, with `root` read-only). The 400's wording for another URN type is
 * ASSUMED. Throws LinkedIn's 400 when it is wrong.
 */
function readReshare(
  context: LinkedInSimContext,
  reshareContext: unknown,
): { readonly parent: string; readonly root: string } | undefined {
  if (reshareContext === undefined) return undefined;
  const parent = (reshareContext as { parent?: unknown } | null)?.parent;
  if (typeof parent !== 'string' || !/^urn:li:(share|ugcPost):/.test(parent))
    throw badRequest('/reshareContext/parent', 'must be a share or ugcPost URN');
  const original = context.sim.posts.get(parent);
  if (original === undefined) throw badRequest('/reshareContext/parent', `${parent} does not exist`);
  return { parent, root: postExtra(original).reshare?.root ?? parent };
}

/** The content of a create, checked: media must be the author's and `AVAILABLE`. */
interface ReadContent {
  readonly media: SimulatedMedia[];
  readonly altTexts: (string | undefined)[];
  readonly stored: Partial<Pick<SimulatedPost, 'pollOptions'>> & {
    readonly content?: string;
    readonly pollQuestion?: string;
    readonly pollDuration?: string;
    readonly articleSource?: string;
    readonly title?: string;
  };
}

/** A create's `content`, checked; throws LinkedIn's 400 for the first thing wrong in it. */
function readContent(context: LinkedInSimContext, author: string, content: unknown): ReadContent {
  if (content === undefined) return { media: [], altTexts: [], stored: {} };
  if (typeof content !== 'object' || content === null) throw badRequest('/content', 'must be an object');
  const record = content as Record<string, unknown>;
  const kinds = Object.keys(record);
  if (kinds.length !== 1)
    throw badRequest('/content', 'must hold exactly one of media, multiImage, poll, article');
  const media = record.media as Record<string, unknown> | undefined;
  if (media !== undefined) {
    const asset = usableAsset(context, author, media.id, '/content/media/id');
    const title = typeof media.title === 'string' ? media.title : undefined;
    if (asset.kind === 'document' && (title === undefined || title.trim() === ''))
      throw badRequest('/content/media/title', 'is required for a document');
    return {
      media: [asset],
      altTexts: [typeof media.altText === 'string' ? media.altText : undefined],
      stored: { content: 'media', ...(title === undefined ? {} : { title }) },
    };
  }
  const multiImage = record.multiImage as { images?: unknown } | undefined;
  if (multiImage !== undefined) {
    const images = Array.isArray(multiImage.images) ? (multiImage.images as Record<string, unknown>[]) : [];
    // MultiImage API: 2 to 20 images (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api).
    if (images.length < 2 || images.length > 20)
      throw badRequest('/content/multiImage/images', 'must have 2 to 20 images');
    const assets: SimulatedMedia[] = [];
    for (const [index, image] of images.entries()) {
      const asset = usableAsset(context, author, image.id, `/content/multiImage/images/${index}/id`);
      if (asset.kind !== 'image' && asset.kind !== 'gif')
        throw badRequest(`/content/multiImage/images/${index}/id`, 'must be an image');
      assets.push(asset);
    }
    return {
      media: assets,
      altTexts: images.map((image) => (typeof image.altText === 'string' ? image.altText : undefined)),
      stored: { content: 'multiImage' },
    };
  }
  const poll = record.poll as Record<string, unknown> | undefined;
  if (poll !== undefined) {
    const options = Array.isArray(poll.options) ? (poll.options as { text?: unknown }[]) : [];
    const texts = options.map((option) => (typeof option.text === 'string' ? option.text : ''));
    if (texts.length < 2 || texts.length > 4)
      throw badRequest('/content/poll/options', 'must have 2 to 4 options');
    if (texts.some((text) => text === '' || [...text].length > 30))
      throw badRequest('/content/poll/options', 'each option needs 1 to 30 characters');
    const question = typeof poll.question === 'string' ? poll.question : '';
    if (question === '' || [...question].length > 140)
      throw badRequest('/content/poll/question', 'needs 1 to 140 characters');
    const duration = (poll.settings as { duration?: unknown } | undefined)?.duration;
    if (typeof duration !== 'string' || !POLL_DURATIONS.has(duration))
      throw badRequest(
        '/content/poll/settings/duration',
        'must be ONE_DAY, THREE_DAYS, SEVEN_DAYS or FOURTEEN_DAYS',
      );
    return {
      media: [],
      altTexts: [],
      stored: { content: 'poll', pollOptions: texts, pollQuestion: question, pollDuration: duration },
    };
  }
  const article = record.article as Record<string, unknown> | undefined;
  if (article !== undefined) {
    if (typeof article.source !== 'string' || !/^https?:\/\//.test(article.source))
      throw badRequest('/content/article/source', 'must be a URL');
    const title = typeof article.title === 'string' ? article.title : undefined;
    return {
      media: [],
      altTexts: [],
      stored: {
        content: 'article',
        articleSource: article.source,
        ...(title === undefined ? {} : { title }),
      },
    };
  }
  throw badRequest('/content', `unknown content ${kinds[0] ?? ''}`);
}

/** The uploaded asset `id` names, when it is the author's and processed; else throws LinkedIn's 400. */
function usableAsset(
  context: LinkedInSimContext,
  author: string,
  id: unknown,
  field: string,
): SimulatedMedia {
  const asset = typeof id === 'string' ? context.sim.media.get(id) : undefined;
  if (asset === undefined || asset.accountId !== author)
    throw badRequest(field, 'is not an uploaded asset of the author');
  context.sim.refreshMedia(asset);
  if (asset.state !== 'ready')
    throw badRequest(
      field,
      `is not AVAILABLE (${asset.state === 'failed' ? 'PROCESSING_FAILED' : 'PROCESSING'})`,
    );
  return asset;
}

/**
 * Scopes that allow reading comments and reactions: the `*_social` ones and the newer
 * `*_social_feed` ones (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api;
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 */
export const SOCIAL_READ = [
  'r_member_social',
  'r_member_social_feed',
  'r_organization_social',
  'r_organization_social_feed',
];

/**
 * Whether a token granted `scopes` may write as `actor`: a member's writes need `w_member_social`
 * ("Post, comment and like posts on behalf of an authenticated member"), an organization's
 * `w_organization_social` ("Post, comment and react on posts on behalf of an organization"), each
 * scope for its own kind of actor only
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api,
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/reactions-api).
 * Comments and reactions also take the newer `_feed` variant of each (`feed: true`).
 *
 * @param scopes - the token's scopes (testkit's `RouteContext.scopes`)
 * @param actor - the member or organization URN written as
 * @param feed - whether the `_feed` variant will do
 * @returns whether the write is allowed
 *
 * @example
 * ```ts
 * if (!mayWriteAs(scopes, actor, { feed: true })) return accessDenied('comments.CREATE');
 * ```
 */
export function mayWriteAs(
  scopes: readonly string[],
  actor: string,
  { feed }: { readonly feed: boolean },
): boolean {
  const scope = actor.startsWith('urn:li:organization:') ? 'w_organization_social' : 'w_member_social';
  return hasScope(scopes, scope, ...(feed ? [`${scope}_feed`] : []));
}

/**
 * Whether the member `accountId`, its token granted `scopes`, may list the posts of `author`
 * (Posts API, "Permissions",
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api):
 *
 * - an organization's with `r_organization_social` ("Retrieve organizations' posts, comments, and
 *   likes"), restricted to organizations on which the member has a role that allows it
 *   (`ROLES_FOR.readPosts`: ADMINISTRATOR, DIRECT_SPONSORED_CONTENT_POSTER or CONTENT_ADMIN);
 * - a member's with `r_member_social` (restricted: "Retrieve posts, comments, and likes on behalf
 *   of an authenticated member"), and only the member's own: "The authorized member must be the
 *   author of the personal posts"
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/integrations/community-management/shares/social-access-control).
 *
 * LinkedIn refuses anything else with 403 ACCESS_DENIED naming
 * `partnerApiPostsExternal.FINDER-author`, as developers report it.
 */
function mayFindPostsOf(
  context: LinkedInSimContext,
  accountId: string,
  scopes: readonly string[],
  author: string,
): boolean {
  if (author.startsWith('urn:li:organization:'))
    return mayDoFor(context, accountId, author, 'readPosts') && hasScope(scopes, 'r_organization_social');
  // Seeded members' accounts are keyed by a bare id; their posts, like every member's, by URN.
  const account = context.sim.accounts.get(accountId);
  const member = account === undefined ? accountId : memberUrnOf(account);
  return author === member && hasScope(scopes, 'r_member_social');
}

/** Whether `urn` names an organization (`urn:li:organization:…`). */
export function isOrganization(urn: string): boolean {
  return urn.startsWith('urn:li:organization:');
}

/** Whether the token, granted `granted` (testkit's `RouteContext.scopes`), has one of `scopes`. */
export function hasScope(granted: readonly string[], ...scopes: readonly string[]): boolean {
  return scopes.some((scope) => granted.includes(scope));
}
