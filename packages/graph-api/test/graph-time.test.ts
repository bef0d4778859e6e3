import { describe, expect, it } from 'vitest';
import { parseGraphTime } from '../src/index.js';
import { graphTime } from '../src/mocks/index.js';

describe('parseGraphTime', () => {
  it('reads the times Graph writes, with and without a colon in the offset', () => {
    expect(parseGraphTime('2026-12-04T17:15:38+0000')?.toISOString()).toBe('2026-12-04T17:15:38.000Z');
    expect(parseGraphTime('2026-12-04T19:15:38+0200')?.toISOString()).toBe('2026-12-04T17:15:38.000Z');
    expect(parseGraphTime('2026-12-04T12:15:38-0500')?.toISOString()).toBe('2026-12-04T17:15:38.000Z');
    expect(parseGraphTime('2026-12-04T17:15:38+00:00')?.toISOString()).toBe('2026-12-04T17:15:38.000Z');
  });

  it('reads back what the simulator writes', () => {
    const at = Date.parse('2026-11-22T12:00:00.000Z');
    expect(parseGraphTime(graphTime(at))?.getTime()).toBe(at);
  });

  it('gives undefined for an absent or unreadable time', () => {
    expect(parseGraphTime(undefined)).toBeUndefined();
    expect(parseGraphTime('yesterday')).toBeUndefined();
  });
});
