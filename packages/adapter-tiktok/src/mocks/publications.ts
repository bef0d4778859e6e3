import type { SimulatedPost } from '@smmkit/testkit';
import type { Publication, TikTokSimContext } from './context.js';

/** What the simulator keeps of a post besides the neutral fields. */
export interface TikTokPostExtra {
  /**
   * The publish that made it, or `undefined` for a video its creator posted in the TikTok app (a
   * seed: `seedPublicAccount`, `seedFanPosts`).
   */
  readonly publishId: string | undefined;
  /** A photo post's title. */
  readonly title: string;
  /** Its privacy level. */
  readonly privacyLevel: string | undefined;
  /** A video or a photo post. */
  readonly kind: 'video' | 'photo';
  /** When it becomes public (processing and moderation done), simulated ms. */
  readonly publicAt: number;
}

/** A publish's status as `status/fetch` answers it. */
export interface StatusAnswer {
  readonly status: string;
  readonly fail_reason?: string;
  readonly publicaly_available_post_id: readonly string[];
  readonly uploaded_bytes?: number;
  readonly downloaded_bytes?: number;
}

/**
 * TikTok has all of a publish's media (the last chunk arrived, or a pull was accepted): its
 * processing starts now, and a direct post that will not fail is stored under the public id it
 * will have, public once processed and moderated.
 */
export function mediaArrived(context: TikTokSimContext, publication: Publication, now: number): void {
  publication.mediaAt = now;
  if (publication.mode !== 'direct' || publication.failReason !== undefined) return;
  const { sim } = context;
  const { content } = publication;
  const media = content.mediaKinds.map((kind) =>
    sim.addMedia({
      accountId: publication.accountId,
      kind,
      mimeType: content.mimeType,
      sizeBytes: publication.upload?.videoSize ?? 0,
    }),
  );
  const extra: TikTokPostExtra = {
    publishId: publication.id,
    title: content.title,
    privacyLevel: content.privacyLevel,
    kind: publication.kind,
    publicAt: now + context.processingMs + context.moderationMs,
  };
  sim.addPost({
    id: publication.postId,
    accountId: publication.accountId,
    text: content.text,
    media,
    createdAt: now,
    extra: { ...extra },
  });
}

/**
 * The status of a publish at `now`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status):
 * `PROCESSING_UPLOAD` until every chunk is in and while a file is processed,
 * `PROCESSING_DOWNLOAD` while a pulled one is, then `FAILED` (with the scripted `fail_reason`,
 * or `publish_cancelled`), `SEND_TO_USER_INBOX` for a draft, or `PUBLISH_COMPLETE` with the
 * public id once moderation is over. A `SELF_ONLY` post never lists one: TikTok gives the ids of
 * publicly available posts (`publicaly_available_post_id`), and a `SELF_ONLY` post is seen by its
 * creator alone until they change its privacy in the app
 * (https://developers.tiktok.com/doc/content-sharing-guidelines, "Private Viewership"; ASSUMED
 * from the field's name, as no page says outright that the list stays empty).
 */
export function statusOf(context: TikTokSimContext, publication: Publication, now: number): StatusAnswer {
  const upload = publication.upload;
  const bytes = upload === undefined ? {} : { uploaded_bytes: upload.receivedBytes };
  if (publication.cancelled)
    return { status: 'FAILED', fail_reason: 'publish_cancelled', publicaly_available_post_id: [], ...bytes };
  const { mediaAt } = publication;
  if (mediaAt === undefined || now < mediaAt + context.processingMs) {
    const status = publication.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD';
    return { status, publicaly_available_post_id: [], ...bytes };
  }
  if (publication.failReason !== undefined)
    return {
      status: 'FAILED',
      fail_reason: publication.failReason,
      publicaly_available_post_id: [],
      ...bytes,
    };
  if (publication.mode === 'inbox')
    return { status: 'SEND_TO_USER_INBOX', publicaly_available_post_id: [], ...bytes };
  const post = context.sim.posts.get(publication.postId);
  const visible = post !== undefined && isPublic(post, now) && post.extra.privacyLevel !== 'SELF_ONLY';
  return {
    status: 'PUBLISH_COMPLETE',
    publicaly_available_post_id: visible ? [publication.postId] : [],
    ...bytes,
  };
}

/**
 * Whether a stored post is one of the creator's TikTok posts the Display API shows: a video or
 * photo post made by a publish or seeded (the `kind` both store), never a comment (a reply) nor a
 * plain post another tool added without TikTok's fields
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-list: "the given user's public TikTok
 * video posts").
 */
export function isTikTokPost(post: SimulatedPost): boolean {
  const { kind } = post.extra;
  return post.inReplyToId === undefined && (kind === 'video' || kind === 'photo');
}

/** Whether a stored post is public at `now` (processed and moderated). */
export function isPublic(post: SimulatedPost, now: number): boolean {
  const publicAt = post.extra.publicAt;
  return typeof publicAt !== 'number' || publicAt <= now;
}

/** Whether the publish is over (published, in the inbox, or failed): it can no longer be cancelled. */
export function isDone(context: TikTokSimContext, publication: Publication, now: number): boolean {
  return !statusOf(context, publication, now).status.startsWith('PROCESSING_');
}

/**
 * The status answer as TikTok writes it: the public ids as bare JSON numbers (TikTok's ids are
 * int64), which a plain `JSON.parse` reads inexactly.
 */
export function statusBody(answer: StatusAnswer, logId: string): string {
  const marked = {
    data: {
      ...answer,
      publicaly_available_post_id: answer.publicaly_available_post_id.map((id) => `#${id}#`),
    },
    error: { code: 'ok', message: '', log_id: logId },
  };
  return JSON.stringify(marked).replace(/"#(\d+)#"/g, '$1');
}
