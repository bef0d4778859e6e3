import { describe, expect, it } from 'vitest';
import { fingerprintToken, recordDigest } from '../../src/publisher/outbox-fingerprint.js';
import type { OutboxRecord } from '../../src/scheduler/outbox.js';

const startedAt = new Date('2026-11-22T12:00:00.123Z');
const record = (fields: Partial<OutboxRecord>): OutboxRecord => ({
  key: 'entry-1:x:2244994945',
  platform: 'x',
  accountId: '2244994945',
  startedAt,
  status: 'sending',
  ...fields,
});

describe('outbox fingerprint', () => {
  it("reads back the post's digest from a record begun with it", () => {
    const fingerprint = fingerprintToken('0123456789abcdef', startedAt);
    expect(recordDigest(record({ fingerprint }))).toBe('0123456789abcdef');
  });

  it('compares nothing for a record re-opened since (another start), or one without a fingerprint it wrote', () => {
    const fingerprint = fingerprintToken('0123456789abcdef', startedAt);
    expect(
      recordDigest(record({ fingerprint, startedAt: new Date(startedAt.getTime() + 1) })),
    ).toBeUndefined();
    expect(recordDigest(record({}))).toBeUndefined();
    expect(recordDigest(record({ fingerprint: '0123456789abcdef' }))).toBeUndefined();
  });
});
