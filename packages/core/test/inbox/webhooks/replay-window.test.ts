import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEBHOOK_MAX_AGE_MS,
  isWithinReplayWindow,
} from '../../../src/inbox/webhooks/replay-window.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');

describe('isWithinReplayWindow', () => {
  it('accepts a delivery signed up to maxAgeMs ago, and refuses an older one', () => {
    expect(isWithinReplayWindow(new Date(NOW - DEFAULT_WEBHOOK_MAX_AGE_MS), NOW)).toBe(true);
    expect(isWithinReplayWindow(new Date(NOW - DEFAULT_WEBHOOK_MAX_AGE_MS - 1), NOW)).toBe(false);
  });

  it('refuses a time too far ahead as well', () => {
    expect(isWithinReplayWindow(new Date(NOW + 60_000), NOW, 30_000)).toBe(false);
    expect(isWithinReplayWindow(new Date(NOW + 30_000), NOW, 30_000)).toBe(true);
  });

  it('never accepts an invalid date', () => {
    expect(isWithinReplayWindow(new Date(Number.NaN), NOW)).toBe(false);
  });
});
