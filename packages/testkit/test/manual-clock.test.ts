import { describe, expect, it } from 'vitest';
import { fastForwardClock } from '../src/simulator/fast-forward-clock.js';
import { manualClock } from '../src/simulator/sim-clock.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');

describe('manualClock', () => {
  // An untyped script's `manualClock(new Date())` made now() a Date: a fast-forward clock over it
  // never moved to a sleep's end, so a publisher paused by a 429 re-paused forever.
  it('refuses a Date as its start, saying to pass epoch milliseconds', () => {
    expect(() => manualClock(new Date(START) as unknown as number)).toThrow(TypeError);
    expect(() => fastForwardClock(manualClock(new Date(START) as unknown as number))).toThrow(
      /manualClock\(start\) takes milliseconds .*got a Date; pass epoch milliseconds: date\.getTime\(\)/,
    );
  });

  it('refuses a set() or advance() that is not a finite number, and keeps its time', () => {
    const time = manualClock(START);
    expect(() => time.set(new Date(START + 60_000) as unknown as number)).toThrow(/set\(ms\) .*got a Date/);
    expect(() => time.advance(Number.NaN)).toThrow(/advance\(ms\) .*got NaN/);
    expect(time.now()).toBe(START);
  });
});
