import {
  graphError,
  invalidParameter,
  type RuploadProgress,
  registerRupload,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import { PUBLISHING_PERMISSIONS, PUBLISHING_TASKS, requireUserGrants } from '../context.js';
import { type Publication, readPublication } from '../publication.js';
import { type FacebookVideoContext, storeVideoPost } from '../video-posts.js';

/** A reel between `upload_phase=start` and `finish`. */
interface ReelSession {
  readonly pageId: string;
  /** Its bytes on the upload host. */
  readonly upload: RuploadProgress;
  /** Set when the reel was given as a hosted `file_url`. */
  hosted: boolean;
}

/** The budget bucket of published reels: 30 per Page in a rolling 24 hours. */
export const REELS_BUCKET = 'reels';

/**
 * "Reels API is limited to 30 API-published posts within a 24-hour moving period", enforced on
 * `POST /{page-id}/video_reels` (https://developers.facebook.com/docs/video-api/guides/reels-publishing).
 */
export const REELS_BUDGET = { limit: 30, windowMs: 24 * 60 * 60_000, kind: 'sliding' } as const;

/**
 * The Reels Publishing API (https://developers.facebook.com/docs/video-api/guides/reels-publishing)
 * for the Page's own token, with `PUBLISHING_PERMISSIONS` granted (both phases):
 *
 * - `POST /{v}/{page-id}/video_reels` with `upload_phase=start` → `{video_id, upload_url}`, the
 *   upload URL on the rupload host;
 * - `POST {rupload}/video-upload/{v}/{video-id}` with `Authorization: OAuth <token>`, and either a
 *   `file_url` header (a hosted file) or the bytes with `offset` (the bytes received so far) and
 *   `file_size` headers → `{success: true}`;
 * - `POST /{v}/{page-id}/video_reels` with `upload_phase=finish`, `video_id`, `description`, `title`
 *   and `video_state`: `PUBLISHED`, `SCHEDULED` with `scheduled_publish_time` (10 minutes to 30 days
 *   ahead), or `DRAFT` (the default, ASSUMED) → `{success: true}`; before the upload is complete
 *   it is refused (ASSUMED wording). Published reels count against 30 per Page in a rolling 24
 *   hours: the 31st is refused with code 613 (ASSUMED code and wording). The finished reel is
 *   stored as a post under its Page post id (see `storeVideoPost`); its status is answered by the
 *   video node route.
 *
 * @param context - the video context
 * @param rupload - the upload host's simulator
 *
 * @example
 * ```ts
 * registerReelRoutes(context, ruploadHost);
 * ```
 */
export function registerReelRoutes(context: FacebookVideoContext, rupload: PlatformSimulator): void {
  const { sim } = context;
  const sessions = sim.resettable(new Map<string, ReelSession>());

  context.route('POST', '/:version/:pageId/video_reels', {}, ({ path, params, accountId, token, now }) => {
    const pageId = path.pageId ?? '';
    if (pageId !== accountId) return unsupportedRequest('POST', pageId);
    requireUserGrants(context, token, PUBLISHING_PERMISSIONS, PUBLISHING_TASKS);
    const phase = params.get('upload_phase');
    if (phase === 'start') {
      const videoId = sim.nextId();
      sessions.set(videoId, { pageId, upload: { received: 0, fileSize: undefined }, hosted: false });
      return Response.json({
        video_id: videoId,
        upload_url: `${rupload.baseUrl}/video-upload/${path.version}/${videoId}`,
      });
    }
    if (phase !== 'finish')
      return invalidParameter('The parameter upload_phase is required (start or finish)');
    const videoId = params.get('video_id') ?? '';
    const session = sessions.get(videoId);
    if (session === undefined || session.pageId !== pageId) return unsupportedRequest('POST', videoId);
    const { received, fileSize } = session.upload;
    if (!session.hosted && (fileSize === undefined || received < fileSize))
      return invalidParameter(`The video ${videoId} has not been uploaded completely`);
    const publication = reelPublication(params.get('video_state'), params.get('scheduled_publish_time'), now);
    if (!publication.unpublished) {
      const decision = sim.limiter.take(pageId, REELS_BUCKET);
      if (decision !== undefined && !decision.allowed)
        return graphError({
          message: '(#613) A Page can publish 30 reels through the API in 24 hours',
          code: 613,
        });
    }
    sessions.delete(videoId);
    const description = params.get('description') ?? '';
    storeVideoPost(
      context,
      {
        videoId,
        pageId,
        kind: 'reel',
        description,
        title: params.get('title'),
        sizeBytes: received,
        publication,
      },
      now,
    );
    return Response.json({ success: true });
  });

  registerRupload(rupload, {
    paths: ['/video-upload/:version/:videoId'],
    idParam: 'videoId',
    graph: sim,
    find: (id, pageId) => {
      const session = sessions.get(id);
      return session?.pageId === pageId ? session : undefined;
    },
    hosted: (session) => {
      session.hosted = true;
    },
    success: { success: true },
  });
}

/** `video_state` (with `scheduled_publish_time` for `SCHEDULED`) as a publication; throws Graph's refusal. */
function reelPublication(state: string | undefined, scheduled: string | undefined, now: number): Publication {
  switch (state?.toUpperCase()) {
    case 'PUBLISHED':
      return { unpublished: false, scheduledAt: undefined };
    case 'SCHEDULED':
      if (scheduled === undefined)
        throw invalidParameter('video_state SCHEDULED needs scheduled_publish_time');
      return readPublication('false', scheduled, now);
    default:
      return { unpublished: true, scheduledAt: undefined };
  }
}
