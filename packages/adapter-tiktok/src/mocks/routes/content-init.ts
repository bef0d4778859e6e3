import { invalidParams, jsonObject, ok, recordField } from '../answers.js';
import type { Publication, TikTokSimContext } from '../context.js';
import { directPostRefusal, inboxRefusal, missingScope, unverifiedUrl } from '../init-rules.js';
import { mediaArrived } from '../publications.js';
import { publicPostId } from './video-init.js';

const MAX_PHOTOS = 35;
const TITLE_MAX = 90;
const DESCRIPTION_MAX = 4000;

/**
 * `POST /v2/post/publish/content/init/` with `media_type: PHOTO`
 * (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post), 6 per minute per
 * token: `post_mode` `DIRECT_POST` (scope `video.publish`, a privacy level the creator offers) or
 * `MEDIA_UPLOAD` (a draft, scope `video.upload`); a title of at most 90 characters, a description
 * of at most 4 000; 1–35 photos pulled from verified HTTPS URLs, the cover index among them.
 * TikTok has the photos once the init is answered.
 */
export function registerContentInitRoute(context: TikTokSimContext): void {
  context.sim.route(
    'POST',
    '/v2/post/publish/content/init/',
    { bucket: 'content_init' },
    async ({ request, accountId, scopes, now }) => {
      const body = await jsonObject(request);
      if (body === undefined)
        return invalidParams('The request body is not valid JSON.', context.logIds.next());
      const direct = body.post_mode === 'DIRECT_POST';
      if (!direct && body.post_mode !== 'MEDIA_UPLOAD')
        return invalidParams('post_mode must be DIRECT_POST or MEDIA_UPLOAD.', context.logIds.next());
      const refused = missingScope(context, scopes, direct ? 'video.publish' : 'video.upload');
      if (refused !== undefined) return refused;
      if (body.media_type !== 'PHOTO')
        return invalidParams('media_type must be PHOTO.', context.logIds.next());
      const postInfo = recordField(body, 'post_info');
      const source = recordField(body, 'source_info');
      const title = typeof postInfo.title === 'string' ? postInfo.title : '';
      const description = typeof postInfo.description === 'string' ? postInfo.description : '';
      if (title.length > TITLE_MAX)
        return invalidParams(`post_info.title exceeds ${TITLE_MAX} characters.`, context.logIds.next());
      if (description.length > DESCRIPTION_MAX)
        return invalidParams(
          `post_info.description exceeds ${DESCRIPTION_MAX} characters.`,
          context.logIds.next(),
        );
      if (source.source !== 'PULL_FROM_URL')
        return invalidParams('Photos can only be PULL_FROM_URL.', context.logIds.next());
      const images = Array.isArray(source.photo_images) ? (source.photo_images as unknown[]) : [];
      if (images.length < 1 || images.length > MAX_PHOTOS)
        return invalidParams(`photo_images must hold 1 to ${MAX_PHOTOS} URLs.`, context.logIds.next());
      const cover = source.photo_cover_index ?? 0;
      if (!Number.isInteger(cover) || (cover as number) < 0 || (cover as number) >= images.length)
        return invalidParams('photo_cover_index is out of range.', context.logIds.next());
      for (const url of images) {
        const unverified = unverifiedUrl(context, url);
        if (unverified !== undefined) return unverified;
      }
      const policy = direct
        ? directPostRefusal(context, accountId, postInfo.privacy_level, now)
        : inboxRefusal(context, accountId, now);
      if (policy !== undefined) return policy;

      const n = context.sim.nextId();
      const id = `p_${direct ? 'pub' : 'inbox'}_url~v2.${n}`;
      const publication: Publication = {
        id,
        accountId,
        kind: 'photo',
        mode: direct ? 'direct' : 'inbox',
        source: 'PULL_FROM_URL',
        createdAt: now,
        mediaAt: undefined,
        postId: publicPostId(n),
        content: {
          text: description,
          title,
          privacyLevel: typeof postInfo.privacy_level === 'string' ? postInfo.privacy_level : undefined,
          mediaKinds: images.map(() => 'image' as const),
          mimeType: 'image/jpeg',
        },
        failReason: context.failures.shift(),
        cancelled: false,
      };
      context.publications.set(id, publication);
      mediaArrived(context, publication, now);
      return ok({ publish_id: id }, context.logIds.next());
    },
  );
}
