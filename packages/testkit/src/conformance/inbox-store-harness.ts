import { type Engagement, parseEngagement } from '@smmkit/core';
import type { InboxSource, InboxStore } from '@smmkit/core/inbox';

/** What the inbox store cases get: fresh stores, and two handles on one store's storage. */
export interface InboxStoreHarness {
  /** A new, empty store (closed after the test). */
  store(): Promise<InboxStore>;
  /**
   * Two handles on one new, empty store: two connections to one file when the store has them
   * (another process's view), else the same store twice. Concurrency cases race them.
   */
  pair(): Promise<readonly [InboxStore, InboxStore]>;
}

/** The instant the cases start from: 2026-05-01 07:00 UTC. */
export const INBOX_T0 = Date.UTC(2026, 4, 1, 7, 0, 0);

/** The instant `minutes` after {@link INBOX_T0} (before it when negative). */
export function at(minutes: number): Date {
  return new Date(INBOX_T0 + minutes * 60_000);
}

/** The X account the sample engagements belong to. */
export const BRAND = { platform: 'x', accountId: '2244994945' } as const;

/** The account's main listing. */
export const BRAND_SOURCE: InboxSource = { ...BRAND, source: 'account' };

/**
 * A mention of {@link BRAND} by a fan, created `minutes` after {@link INBOX_T0}, with `fields`
 * on top (another platform, kind, text, …).
 */
export function sampleEngagement(
  id: string,
  minutes = 0,
  fields: Readonly<Record<string, unknown>> = {},
): Engagement {
  return parseEngagement({
    ...BRAND,
    id,
    kind: 'mention',
    author: { id: '1001', handle: 'fan' },
    text: `@brand hello ${id}`,
    createdAt: at(minutes),
    raw: { id },
    ...fields,
  });
}
