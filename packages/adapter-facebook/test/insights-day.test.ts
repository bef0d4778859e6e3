import { describe, expect, it } from 'vitest';
import { insightsDayEndAfter, insightsDayStart } from '../src/insights-day.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('the Pacific days of Page Insights', () => {
  it('keeps years before 100 as they are (Date.UTC would read them as 1900–1999)', () => {
    expect(iso(insightsDayStart(Date.parse('0050-06-01T12:00:00Z')))).toMatch(/^0050-06-01T/);
  });

  it('finds the day of an instant near the last one a Date holds without throwing', () => {
    const late = 8.64e15 - 3 * 86_400_000;
    expect(insightsDayEndAfter(late)).toBeGreaterThan(late);
  });
});
