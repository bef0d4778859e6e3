import {
  AmbiguousOutcomeError,
  type CheckedPost,
  type Media,
  type PublishContext,
  type PublishResult,
  type PublishWarning,
  ValidationError,
} from '@smmkit/core';
import {
  type HttpClient,
  type MediaPolling,
  systemClock,
  textWithLink,
  unfinishedWaitReason,
} from '@smmkit/core/adapter-kit';
import { creatorProblems, queryCreatorInfo } from './creator-info.js';
import type { TikTokPostOptions, TikTokPrivacyLevel } from './post-options.js';
import { tiktokPostRef, tiktokPostUrl } from './post-ref.js';
import { initPhotoPost, initVideoPost } from './publish-init.js';
import { fetchPublishStatus, type PublishOutcome, waitForPublish } from './publish-status.js';
import { isPhotoPost } from './validate.js';
import { type TikTokVideoUpload, uploadTikTokVideo } from './video-upload.js';

/** What publishing needs from the settings. */
export interface TikTokPublishSettings {
  /** How long and how often to read a publish's status. */
  readonly polling: MediaPolling;
  /** Bytes per uploaded chunk. */
  readonly chunkSizeBytes: number;
  /** The app has not passed TikTok's audit: direct posts go to private accounts only. */
  readonly unaudited: boolean;
}

/**
 * Publishes a checked post on TikTok:
 *
 * 1. a direct post first asks creator info (required by TikTok before every direct post) and
 *    refuses, with a `ValidationError` before anything is uploaded, a privacy level the creator
 *    does not offer, a public account when the app is unaudited, a video longer than the creator
 *    may post, and interactions the creator turned off;
 * 2. the init: a video (`video/init/`, or `inbox/video/init/` for a draft) as `FILE_UPLOAD` or
 *    `PULL_FROM_URL`, or photos (`content/init/`);
 * 3. a `FILE_UPLOAD` sends its chunks, with upload progress, resending a chunk answered with a
 *    5xx or not at all (when the last one still gets no 201 after an attempt TikTok may have
 *    taken, or an answer neither 201 nor 206, TikTok's status tells whether the file arrived: see
 *    `uploadVideo`; a 206 there is a `MediaProcessingError`, nothing published);
 * 4. the status is read until TikTok is done (see `waitForPublish`).
 *
 * The result has the public post id and URL when TikTok gave them. TikTok moderates a post before
 * it is public, and the public id may come minutes or hours after `PUBLISH_COMPLETE`: then the
 * post is published but `ref.platformPostId` is its publish id, with no URL, and the warning
 * `public_id_pending` says so; `adapter.getPublishStatus(result.ref, context)` finds the public
 * post later. A `SELF_ONLY` post (all an unaudited app may post) ends the same way, but its
 * warning says it has no public id while it stays private: only the creator can make it public.
 * A publish TikTok is still processing when the wait runs out, or when the publish is aborted,
 * or whose status TikTok would not give, ends the same way with the warning
 * `publish_processing_pending` (TikTok has it: sending it again would post it twice), and an inbox
 * draft with `sent_to_inbox` (the creator finishes it in the app).
 *
 * @param http - the adapter's HTTP client
 * @param settings - polling and chunk size
 * @param checked - the post and its parsed options
 * @param context - the publish context
 * @returns the result
 * @throws ValidationError when the creator's settings rule the post out
 */
export async function publishToTikTok(
  http: HttpClient,
  settings: TikTokPublishSettings,
  { post, options }: CheckedPost<TikTokPostOptions>,
  context: PublishContext,
): Promise<PublishResult> {
  const clock = context.clock ?? systemClock;
  const photo = isPhotoPost(post);
  let username: string | undefined;
  if (options.mode === 'direct') {
    const creator = await queryCreatorInfo(http, context);
    const problems = creatorProblems(post, options, creator, { unaudited: settings.unaudited });
    if (problems.length > 0)
      throw new ValidationError(problems, "post for tiktok (the creator's settings)", { platform: 'tiktok' });
    username = creator.creator_username ?? context.account.handle;
  }
  context.onProgress?.({ stage: 'publish' });
  const started = photo
    ? await initPhotoPost(http, post, options, context)
    : await initVideoPost(http, post, options, settings.chunkSizeBytes, context);
  const video = post.media?.[0];
  if (started.upload !== undefined && video !== undefined)
    await uploadVideo(http, { ...started.upload, publishId: started.publishId }, video, context);
  const outcome = await waitForPublish(
    http,
    { ...settings.polling, publishId: started.publishId, mode: options.mode },
    context,
  );
  const warnings: PublishWarning[] = [];
  if (options.mode === 'inbox' && !photo && textWithLink(post.text, post.link).trim() !== '') {
    warnings.push({
      code: 'caption_not_sent',
      message:
        'TikTok inbox drafts carry no caption: the creator writes it in the app when finishing the post.',
    });
  }
  return resultOf(outcome, {
    accountId: context.account.accountId,
    publishId: started.publishId,
    username,
    kind: photo ? 'photo' : 'video',
    now: clock.now(),
    warnings,
    timeoutMs: settings.polling.timeoutMs,
    privacyLevel: options.privacyLevel,
  });
}

/**
 * Sends the video's chunks. When the last chunk's resends end without a 201 after an attempt
 * whose answer was lost or a 5xx, or it is answered with a status TikTok does not document for it
 * (the post may exist either way: `uploadTikTokVideo`), asks
 * TikTok for the publish's status: it has the whole file when the status has moved past the upload
 * or counts every byte (`uploaded_bytes`), and the publish goes on to its wait as if the answer
 * had come. Otherwise the error stays an `AmbiguousOutcomeError`, naming the publish id to look up
 * with `adapter.getPublishStatus` (a post only its creator sees, or one TikTok still moderates, is
 * not among the public posts reconciliation reads).
 */
async function uploadVideo(
  http: HttpClient,
  upload: TikTokVideoUpload,
  video: Media,
  context: PublishContext,
): Promise<void> {
  try {
    await uploadTikTokVideo(http, upload, video, context);
  } catch (error) {
    if (!AmbiguousOutcomeError.isInstance(error)) throw error;
    const status = await fetchPublishStatus(http, upload.publishId, context).catch(() => undefined);
    const arrived =
      status !== undefined &&
      (status.status !== 'PROCESSING_UPLOAD' || status.uploaded_bytes === upload.plan.videoSize);
    if (arrived) return;
    throw new AmbiguousOutcomeError(
      `${error.message} TikTok's publish id is ${upload.publishId}: adapter.getPublishStatus tells whether it went out.`,
      {
        platform: 'tiktok',
        operation: error.operation,
        ...(error.cause === undefined ? {} : { cause: error.cause }),
      },
    );
  }
}

interface ResultFacts {
  readonly accountId: string;
  readonly publishId: string;
  readonly username: string | undefined;
  readonly kind: 'video' | 'photo';
  readonly now: number;
  readonly warnings: PublishWarning[];
  /** How long the wait for TikTok lasted at most. */
  readonly timeoutMs: number;
  /** The privacy level the post was sent with (none for an inbox draft). */
  readonly privacyLevel: TikTokPrivacyLevel | undefined;
}

function resultOf(outcome: PublishOutcome, facts: ResultFacts): PublishResult {
  const { accountId, publishId, warnings } = facts;
  const pending = (code: string, message: string): PublishResult => ({
    ref: tiktokPostRef(accountId, publishId),
    warnings: [...warnings, { code, message }],
  });
  if (outcome.state === 'pending') {
    const why = unfinishedWaitReason(outcome, {
      platformName: 'TikTok',
      subject: `publish ${publishId} (${outcome.status})`,
      timeoutMs: facts.timeoutMs,
    });
    return pending(
      'publish_processing_pending',
      `${why}; TikTok goes on publishing it, so do not send it again. ref.platformPostId is the publish id: look the post up later with adapter.getPublishStatus.`,
    );
  }
  if (outcome.state === 'inbox') {
    return pending(
      'sent_to_inbox',
      `TikTok sent the post to the creator's inbox (publish ${publishId}): it goes live when they finish it in the TikTok app.`,
    );
  }
  const publicId = outcome.publicIds[0];
  if (publicId === undefined) {
    return {
      ...pending(
        'public_id_pending',
        facts.privacyLevel === 'SELF_ONLY'
          ? privatePostMessage(publishId)
          : `TikTok published the post (PUBLISH_COMPLETE) but has not given its public id yet: it moderates posts first, which can take minutes to hours. ref.platformPostId is the publish id ${publishId} until then: look the public post up later with adapter.getPublishStatus.`,
      ),
      publishedAt: new Date(facts.now),
    };
  }
  const url = facts.username === undefined ? undefined : tiktokPostUrl(facts.username, publicId, facts.kind);
  return {
    ref: tiktokPostRef(accountId, publicId, url),
    ...(url === undefined ? {} : { url }),
    publishedAt: new Date(facts.now),
    warnings,
  };
}

/**
 * Why a `SELF_ONLY` post has no public id, and will not get one by waiting. TikTok gives a post's
 * id in `publicaly_available_post_id` once the post is publicly available ("If the post was
 * created for public viewership, it must undergo TikTok's moderation process", and the id comes
 * after it: https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status); a
 * `SELF_ONLY` post is seen by its creator alone, and it becomes public only when the creator
 * changes its privacy in the TikTok app (https://developers.tiktok.com/doc/content-sharing-guidelines,
 * "Private Viewership"). ASSUMED: TikTok does not say outright that the list stays empty for a
 * `SELF_ONLY` post; the field's name and these two pages are all it documents.
 */
function privatePostMessage(publishId: string): string {
  return `TikTok published the post (PUBLISH_COMPLETE) as SELF_ONLY: only the creator sees it, and TikTok gives the id of publicly available posts only, so it has no public id, URL or metrics. It gets them only if the creator makes the post public in the TikTok app. ref.platformPostId is the publish id ${publishId}: adapter.getPublishStatus gives the public post once that happens.`;
}
