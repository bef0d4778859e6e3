import { describeScheduleStore } from '@smmkit/testkit/conformance';
import { describe, expect, it } from 'vitest';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';

describeScheduleStore('memoryScheduleStore', memoryScheduleStore, { targetClaims: true, slotClaims: true });

describe('memoryScheduleStore: what only memory can keep', () => {
  const withBytes = (bytes: Uint8Array) =>
    parseScheduleEntry({
      id: 'photo',
      post: { media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'bytes', bytes } }] },
      targets: [{ platform: 'x', accountId: '2244994945' }],
      publishAt: '2026-05-01T09:00:00+02:00',
      timeZone: 'Europe/Berlin',
      status: 'scheduled',
    });

  it('keeps media bytes as a copy: changing the caller’s bytes later never changes the post', async () => {
    const store = memoryScheduleStore();
    const bytes = new Uint8Array([1, 2, 3]);
    await store.add([withBytes(bytes)]);
    bytes[0] = 9;
    const source = (await store.get('photo'))?.post.media?.[0]?.source;
    expect(source?.type === 'bytes' ? [...source.bytes] : undefined).toEqual([1, 2, 3]);
  });

  it('refuses an entry that is not valid, naming the problem', async () => {
    const store = memoryScheduleStore();
    const entry = { ...withBytes(new Uint8Array(1)), timeZone: 'Mars/Base' };
    await expect(store.add([entry])).rejects.toThrow(/timeZone/);
    await expect(store.get('photo')).resolves.toBeUndefined();
  });
});
