import { compareText } from './compare-text.js';
import { deepCopy } from './deep-copy.js';
import type { Outbox, OutboxRecord } from './outbox.js';

/**
 * An {@link Outbox} in a `Map`, for one process (the in-memory schedule store's outbox). Every
 * call runs to its end without awaiting, so JavaScript's single thread makes each one atomic;
 * records are copied in and out.
 *
 * @returns the outbox
 */
export function memoryOutbox(): Outbox {
  const records = new Map<string, OutboxRecord>();

  return {
    begin: async (intent) => {
      const existing = records.get(intent.key);
      if (existing !== undefined) return deepCopy(existing);
      records.set(intent.key, { ...deepCopy(intent), status: 'sending' });
      return undefined;
    },
    retry: async (key, startedAt, fingerprint) => {
      const existing = records.get(key);
      if (existing?.status !== 'failed') return false;
      const { settlement: _dropped, fingerprint: _before, ...intent } = existing;
      records.set(key, {
        ...intent,
        startedAt: new Date(startedAt.getTime()),
        ...(fingerprint === undefined ? {} : { fingerprint }),
        status: 'sending',
      });
      return true;
    },
    settle: async (key, settlement) => {
      const existing = records.get(key);
      if (existing?.status === 'published') return;
      records.set(key, {
        // A key nobody began is kept too (a settlement is never lost); its intent is then what the
        // settlement tells: the post's platform and account when there is a ref, the settling time.
        ...(existing ?? {
          key,
          platform: settlement.ref?.platform ?? '',
          accountId: settlement.ref?.accountId ?? '',
          startedAt: new Date(settlement.settledAt.getTime()),
        }),
        status: settlement.status,
        settlement: deepCopy(settlement),
      });
    },
    record: async (key) => {
      const existing = records.get(key);
      return existing === undefined ? undefined : deepCopy(existing);
    },
    unresolved: async () =>
      [...records.values()]
        .filter((record) => record.status === 'sending' || record.status === 'unknown')
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || compareText(a.key, b.key))
        .map(deepCopy),
  };
}
