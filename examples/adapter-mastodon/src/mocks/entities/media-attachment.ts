import type { SimulatedMedia } from '@smmkit/testkit';
import type { MastodonContext } from '../context.js';

/** A blurhash from the docs' examples: the simulator does not look at pixels. */
const BLURHASH = 'UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}';

/** A MediaAttachment's `type` (docs.joinmastodon.org/entities/MediaAttachment/#type), audio aside. */
type AttachmentType = 'image' | 'gifv' | 'video' | 'unknown';

/** Mastodon's attachment type for a simulated media kind: GIFs become looping `gifv` videos. */
const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = {
  image: 'image',
  gif: 'gifv',
  video: 'video',
};

/** The fixed dimensions of every original file and preview: the simulator does not decode files. */
const ORIGINAL = { width: 1280, height: 720, size: '1280x720', aspect: 16 / 9 };
const SMALL = { width: 400, height: 225, size: '400x225', aspect: 16 / 9 };

/**
 * A MediaAttachment (docs.joinmastodon.org/entities/MediaAttachment/). While the full-size file
 * is processing `url` is null and only the preview exists (ProcessingMediaAttachment,
 * docs.joinmastodon.org/methods/media/#v2, 202). Dimensions and durations in `meta` are fixed
 * placeholders: the simulator does not decode files.
 */
export function renderMediaAttachment(context: MastodonContext, media: SimulatedMedia) {
  context.sim.refreshMedia(media);
  const type = ATTACHMENT_TYPES[media.kind] ?? 'unknown';
  const base = `${context.instanceUrl}/system/media_attachments/files/${idPath(media.id)}`;
  // Mastodon transcodes GIFs and videos to MP4 and makes PNG previews of them.
  const extension = type === 'image' ? extensionOf(media.mimeType) : 'mp4';
  const previewExtension = type === 'image' ? extension : 'png';
  const focus = context.mediaFocus.get(media.id);
  const ready = media.state === 'ready';
  return {
    id: media.id,
    type,
    url: ready ? `${base}/original/${media.id}.${extension}` : null,
    preview_url: `${base}/small/${media.id}.${previewExtension}`,
    remote_url: null,
    preview_remote_url: null,
    meta: { ...metaFor(type, ready), ...(focus === undefined ? {} : { focus }) },
    description: media.altText ?? null,
    blurhash: BLURHASH,
  };
}

function metaFor(type: AttachmentType, ready: boolean): Record<string, unknown> {
  if (type === 'image') return { original: ORIGINAL, small: SMALL };
  if (!ready) return { small: SMALL };
  const duration = type === 'gifv' ? 2.5 : 12.5;
  return {
    length: type === 'gifv' ? '0:00:02.50' : '0:00:12.50',
    duration,
    fps: 30,
    ...ORIGINAL,
    original: { width: 1280, height: 720, frame_rate: '30/1', duration, bitrate: 1_000_000 },
    small: SMALL,
  };
}

/** Paperclip's id partition: `000/000/123` style groups of three digits. */
function idPath(id: string): string {
  return (
    id
      .padStart(Math.ceil(id.length / 3) * 3, '0')
      .match(/\d{3}/g)
      ?.join('/') ?? id
  );
}

function extensionOf(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? 'bin';
  return subtype === 'jpeg' ? 'jpeg' : subtype.replace(/[^a-z0-9]/gi, '');
}
