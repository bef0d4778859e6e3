import type { MastodonContext } from '../context.js';
import * as limits from '../limits.js';
import { URL_LENGTH } from '../status-text.js';

/**
 * Declares GET /api/v2/instance, where clients read the server's limits
 * (docs.joinmastodon.org/methods/instance/#v2). Public: no token needed.
 */
export function registerInstanceRoutes(context: MastodonContext): void {
  // docs.joinmastodon.org/entities/Instance/ — the fields clients use, with a default server's values
  // and the simulator's `maxCharacters`.
  context.sim.route('GET', '/api/v2/instance', { bucket: 'api', auth: false }, () =>
    Response.json({
      domain: context.host,
      title: 'Mastodon (smmkit simulator)',
      version: '4.3.0',
      source_url: 'https://github.com/mastodon/mastodon',
      description: 'A simulated Mastodon server for tests.',
      usage: { users: { active_month: 0 } },
      thumbnail: { url: `${context.instanceUrl}/packs/media/images/preview.png` },
      languages: ['en'],
      configuration: {
        urls: { streaming: `wss://${context.host}` },
        accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
        statuses: {
          max_characters: context.maxCharacters,
          max_media_attachments: limits.MAX_MEDIA,
          characters_reserved_per_url: URL_LENGTH,
        },
        media_attachments: {
          supported_mime_types: Object.keys(limits.SUPPORTED_MEDIA_TYPES),
          description_limit: limits.DESCRIPTION_LIMIT,
          image_size_limit: limits.IMAGE_SIZE_LIMIT,
          image_matrix_limit: 33_177_600,
          video_size_limit: limits.VIDEO_SIZE_LIMIT,
          video_frame_rate_limit: 120,
          video_matrix_limit: 8_294_400,
        },
        polls: {
          max_options: limits.POLL_LIMITS.maxOptions,
          max_characters_per_option: limits.POLL_LIMITS.maxOptionChars,
          min_expiration: limits.POLL_LIMITS.minSeconds,
          max_expiration: limits.POLL_LIMITS.maxSeconds,
        },
        translation: { enabled: false },
      },
      registrations: { enabled: false, approval_required: false, message: null },
      contact: { email: `admin@${context.host}`, account: null },
      rules: [],
    }),
  );
}
