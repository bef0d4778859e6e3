import type { RateBudgetRule } from '@smmkit/testkit/simulator-kit';

/**
 * Mastodon's default rate limits per account (docs.joinmastodon.org/api/rate-limits):
 * - `api`: every `/api/*` request, 300 per 5 minutes;
 * - `media`: `POST /api/v1/media` and `/api/v2/media`, 30 per 30 minutes;
 * - `delete`: `DELETE /api/v1/statuses/:id`, 30 per 30 minutes.
 *
 * The real server counts media uploads and deletions against `api` too; the simulator counts
 * each request against one bucket only (its route's), so a test can exhaust one budget without
 * the other. Windows here start with the first request; Rack::Attack aligns them to multiples of
 * the period since the epoch.
 */
export const MASTODON_BUDGETS: Readonly<Record<'api' | 'media' | 'delete', RateBudgetRule>> = {
  api: { limit: 300, windowMs: 5 * 60_000, kind: 'fixed' },
  media: { limit: 30, windowMs: 30 * 60_000, kind: 'fixed' },
  delete: { limit: 30, windowMs: 30 * 60_000, kind: 'fixed' },
};
