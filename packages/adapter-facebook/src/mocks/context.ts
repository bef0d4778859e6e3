import { type GraphRoute, graphError, requirePermissions } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator, SimulatedMedia } from '@smmkit/testkit';
import type { FacebookUsers } from './auth-users.js';

/** What the Facebook simulator's routes share. */
export interface FacebookContext {
  /** The simulator state: Pages are accounts, the Page token is the account's token. */
  readonly sim: PlatformSimulator;
  /** Registers a Graph route (any version, parameters from anywhere, budgets and usage headers). */
  readonly route: GraphRoute;
  /** The people, their Page roles, granted permissions and Page tokens. */
  readonly users: FacebookUsers;
}

/**
 * What publishing on a Page takes with its Page token, as the reference of each publishing edge
 * lists it: `pages_manage_posts`, `pages_read_engagement` and `pages_show_list`
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed/,
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/,
 * https://developers.facebook.com/docs/graph-api/reference/page/videos/,
 * https://developers.facebook.com/docs/video-api/guides/reels-publishing). The posts guide also
 * names `publish_video` for videos (https://developers.facebook.com/docs/pages-api/posts); the
 * video references do not, so the simulator does not ask for it.
 */
export const PUBLISHING_PERMISSIONS: readonly string[] = [
  'pages_manage_posts',
  'pages_read_engagement',
  'pages_show_list',
];

/**
 * The tasks that let a person publish on a Page: `CREATE_CONTENT` (the publishing references
 * above: "A Page access token requested by a person who can perform the CREATE_CONTENT task").
 */
export const PUBLISHING_TASKS: readonly string[] = ['CREATE_CONTENT'];

/**
 * What deleting a Page post takes with its Page token: `pages_manage_posts`, "create, edit and
 * delete your Page posts" (https://developers.facebook.com/docs/permissions/reference/pages_manage_posts).
 * The posts guide lists more for the whole guide (https://developers.facebook.com/docs/pages-api/posts,
 * "Before you start"); the simulator asks for the fewer.
 */
export const DELETING_PERMISSIONS: readonly string[] = ['pages_manage_posts'];

/**
 * The tasks of which deleting a Page post takes one: `CREATE_CONTENT` (publish content as the Page)
 * or `MANAGE` (assign and manage the Page's tasks), the tasks over the Page's own content
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed/, Requirements;
 * https://developers.facebook.com/docs/pages-api/posts, "Before you start"). `MODERATE` is for
 * comments, and `ANALYZE` and `ADVERTISE` touch no posts, so none of them deletes one (ASSUMED:
 * the docs name the tasks, not which one Graph checks on a delete).
 */
export const DELETING_TASKS: readonly string[] = ['CREATE_CONTENT', 'MANAGE'];

/**
 * The tasks of which reading a Page's posts, mentions and comments takes one: "CREATE_CONTENT,
 * MANAGE, or MODERATE" (https://developers.facebook.com/docs/graph-api/reference/page/feed/,
 * https://developers.facebook.com/docs/graph-api/reference/page/tagged).
 */
export const READING_TASKS: readonly string[] = ['CREATE_CONTENT', 'MANAGE', 'MODERATE'];

/**
 * What reading a Page's posts takes: `pages_read_engagement` and `pages_read_user_content`
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed/, Reading; `/posts` is the
 * feed's edge of the Page's own posts). Reading the comments of a post takes "the same
 * permissions required to view the parent object"
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments).
 */
export const READING_PERMISSIONS: readonly string[] = ['pages_read_engagement', 'pages_read_user_content'];

/**
 * Refuses the call unless the user behind `token` has granted every one of `permissions` now and,
 * when `tasks` are given, can perform one of them on the Page. A Page token that no user got (the
 * Page's own token of `addPage`) may do everything, so tests that do not play Facebook Login are
 * not asked for permissions.
 *
 * Each route names the permissions and tasks of its own reference page; where Meta's pages
 * disagree the simulator asks for the fewer, so it never refuses what Graph would answer. A
 * missing task is Graph's "(#200) The user does not have sufficient administrative permission for
 * this action on this page." (HTTP 403; the docs name the tasks, not the refusal: ASSUMED).
 *
 * @param context - the simulator's users
 * @param token - the token of the request
 * @param permissions - what the endpoint needs
 * @param tasks - the tasks of which the user must have one, if the endpoint names any
 * @throws Response `missingPermission` naming the first permission not granted, or the missing-task refusal
 *
 * @example
 * ```ts
 * requireUserGrants(context, request.token, ['pages_manage_posts', 'pages_read_engagement'], ['CREATE_CONTENT']);
 * ```
 */
export function requireUserGrants(
  context: FacebookContext,
  token: string | undefined,
  permissions: readonly string[],
  tasks?: readonly string[],
): void {
  const behind = context.users.behind(token);
  if (behind === undefined) return;
  requirePermissions(behind.granted, permissions);
  if (tasks !== undefined && !tasks.some((task) => behind.tasks.includes(task)))
    throw graphError(
      {
        message:
          '(#200) The user does not have sufficient administrative permission for this action on this page.',
        code: 200,
      },
      403,
    );
}

/**
 * The MIME type of a photo fetched from `url`, read from its extension; JPEG when it has none
 * the simulator knows (Meta accepts JPEG, PNG, GIF, BMP and TIFF;
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/).
 */
export function photoMimeType(url: string): string {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase();
  if (extension === 'png') return 'image/png';
  if (extension === 'gif') return 'image/gif';
  if (extension === 'bmp') return 'image/bmp';
  if (extension === 'tif' || extension === 'tiff') return 'image/tiff';
  return 'image/jpeg';
}

/** An uploaded photo that belongs to `pageId` and is not in a post yet, or `undefined`. */
export function unpublishedPhoto(
  context: FacebookContext,
  id: string,
  pageId: string,
): SimulatedMedia | undefined {
  const media = context.sim.media.get(id);
  return media?.accountId === pageId ? media : undefined;
}

/**
 * Whether the token of a request, whose account is `accountId`, is a user's: the simulator's
 * users are not accounts (Pages are), so a valid token of no Page is a user token.
 *
 * @example
 * ```ts
 * if (pageId !== accountId) return isUserToken(context, accountId) ? needsPageToken() : unsupportedRequest('POST', pageId);
 * ```
 */
export function isUserToken(context: FacebookContext, accountId: string): boolean {
  return context.sim.accounts.get(accountId) === undefined;
}

/**
 * Graph's answer to a post on a Page (its feed or photos) made with a user token: HTTP 403,
 * code 200. Posting takes the Page access token with `pages_manage_posts` and
 * `pages_read_engagement` (https://developers.facebook.com/docs/pages-api/posts, "Before you
 * start"); Meta's docs do not print the refusal, so its message is the one developers quote from
 * Graph (ASSUMED verbatim, with its 403).
 *
 * @example
 * ```ts
 * if (isUserToken(context, accountId)) return needsPageToken();
 * ```
 */
export function needsPageToken(): Response {
  return graphError(
    {
      message:
        '(#200) If posting to a group, requires app being installed in the group, and either publish_to_groups permission with user token, or both pages_read_engagement and pages_manage_posts permission with page token; If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
      code: 200,
    },
    403,
  );
}
