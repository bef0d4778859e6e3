import { readParams } from '@smmkit/testkit/simulator-kit';
import { type MastodonContext, statusExtra } from '../context.js';
import { renderStatus } from '../entities/status.js';
import { pagedJson } from '../pagination.js';
import { paramList } from '../request-params.js';
import { hashtagsOf } from '../status-text.js';

/**
 * Declares `GET /api/v1/timelines/tag/:hashtag` (https://docs.joinmastodon.org/methods/timelines/#tag):
 * public statuses with the hashtag, or with any of `any[]`, all of `all[]` and none of `none[]`,
 * newest first, paged with max_id / since_id / min_id and a `Link` header. Hashtags match without
 * regard to case. Anyone may read it without a token (the public preview servers have by default).
 */
export function registerTimelineRoutes(context: MastodonContext): void {
  const { sim } = context;
  sim.route(
    'GET',
    '/api/v1/timelines/tag/:hashtag',
    { bucket: 'api', auth: false },
    async ({ request, url, params, accountId, now }) => {
      const query = await readParams(request);
      const lower = (names: readonly string[] | undefined) => (names ?? []).map((name) => name.toLowerCase());
      const any = [String(params.hashtag).toLowerCase(), ...lower(paramList(query, 'any'))];
      const all = lower(paramList(query, 'all'));
      const none = lower(paramList(query, 'none'));
      const matching = sim.posts.filter((post) => {
        if (statusExtra(post).visibility !== 'public') return false;
        const tags = hashtagsOf(post.text);
        return (
          any.some((tag) => tags.has(tag)) &&
          all.every((tag) => tags.has(tag)) &&
          !none.some((tag) => tags.has(tag))
        );
      });
      return pagedJson(matching, url, query, {
        // "Defaults to 20 statuses. Max 40 statuses." (docs.joinmastodon.org/methods/timelines/#tag).
        defaultLimit: 20,
        keep: ['limit', 'any', 'all', 'none', 'local', 'remote', 'only_media'],
        render: (post) => renderStatus(context, post, { viewerId: accountId, now }),
      });
    },
  );
}
