import type { Kpi, PostMeasure } from '../kpis.js';
import { isoDate, zoneCalendar } from '../time-buckets.js';

/** What a reported value is, for formatting: a fraction shown as %, a count, or a plain decimal. */
export type ValueKind = 'rate' | 'count' | 'decimal';

/** What the report can chart: a rollup KPI or a per-post measure (canonical metric or post KPI). */
export type ReportMeasure = Kpi | PostMeasure;

const KPI_LABELS: Readonly<Record<Kpi, string>> = {
  engagementCount: 'Engagements',
  engagementRateByImpressions: 'Engagement rate (by impressions)',
  engagementRateByReach: 'Engagement rate (by reach)',
  engagementRateByFollowers: 'Engagement rate (by followers)',
  ctr: 'Click-through rate',
  shareRate: 'Share rate',
  saveRate: 'Save rate',
  followersStart: 'Followers at start',
  followersEnd: 'Followers at end',
  followerGrowth: 'Follower growth',
  followerGrowthRate: 'Follower growth rate',
  postsPerDay: 'Posts per day',
  postsPerWeek: 'Posts per week',
};

const RATES: ReadonlySet<string> = new Set([
  'engagementRateByImpressions',
  'engagementRateByReach',
  'engagementRateByFollowers',
  'ctr',
  'shareRate',
  'saveRate',
  'followerGrowthRate',
]);
const DECIMALS: ReadonlySet<string> = new Set(['postsPerDay', 'postsPerWeek']);

/** A person's name for a KPI or metric (`video_views` → `Video views`). */
export function measureLabel(measure: ReportMeasure): string {
  if (Object.hasOwn(KPI_LABELS, measure)) return KPI_LABELS[measure as Kpi];
  const words = measure.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** {@link measureLabel} for use inside a sentence (`engagement rate (by impressions)`). */
export function measureInSentence(measure: ReportMeasure): string {
  const label = measureLabel(measure);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** How values of `measure` are formatted. */
export function kindOf(measure: ReportMeasure): ValueKind {
  if (RATES.has(measure)) return 'rate';
  return DECIMALS.has(measure) ? 'decimal' : 'count';
}

/** The text shown wherever a value is missing; never 0. */
export const NO_DATA = 'no data';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A number as text with a true minus sign and no `-0`. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', MINUS);
}

/** Decimals that show a fraction of a percent without noise: 2 below 10 %, else 1. */
function percentDigits(value: number): number {
  return Math.abs(value * 100) < 10 ? 2 : 1;
}

/**
 * A value for tables and labels: a rate as a percentage (`2.60 %`), a count with thousands
 * separators (`12,345`), a decimal with two places; `null` or a non-finite number as
 * {@link NO_DATA}. Independent of the machine's locale, so the same input gives the same text.
 */
export function formatValue(value: number | null, kind: ValueKind): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  if (kind === 'rate') return `${fixed(value * 100, percentDigits(value))}${NBSP}%`;
  if (kind === 'decimal') return fixed(value, 2);
  return countFormat.format(value).replace('-', MINUS);
}

/** A share from 0 to 1 as a percentage with one decimal, or {@link NO_DATA}. */
export function formatShare(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return `${fixed(value * 100, 1)}${NBSP}%`;
}

/** Decimals an axis tick needs to tell ticks `step` apart (0 to 4): 2 for a step of 0.05. */
function tickDigits(step: number): number {
  return Math.max(0, Math.min(4, -Math.floor(Math.log10(step) + 1e-9)));
}

/** A signed difference of two rates in percentage points (`+0.60 pp`), or {@link NO_DATA}. */
export function formatPoints(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const text = fixed(value * 100, percentDigits(value));
  return `${value > 0 && text !== fixed(0, 2) ? '+' : ''}${text}${NBSP}pp`;
}

/** An axis tick of a difference in percentage points, with the decimals the step needs. */
export function formatPointsTick(value: number, step: number): string {
  return `${fixed(value * 100, tickDigits(step * 100))}${NBSP}pp`;
}

/** A signed relative change (`+30.0 %`), or {@link NO_DATA}. */
export function formatLift(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  const text = fixed(value * 100, 1);
  return `${value > 0 && text !== '0.0' ? '+' : ''}${text}${NBSP}%`;
}

/** A p-value with three decimals, `< 0.001` below that, or {@link NO_DATA}. */
export function formatPValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA;
  return value < 0.001 ? '<\u20090.001' : value.toFixed(3);
}

/**
 * An axis tick: like {@link formatValue} but with as many decimals as the tick step needs, and
 * compact counts (`12K`).
 */
export function formatTick(value: number, kind: ValueKind, step: number): string {
  if (kind === 'rate') return `${fixed(value * 100, tickDigits(step * 100))}${NBSP}%`;
  if (kind === 'decimal' || Math.abs(step) < 1) return fixed(value, tickDigits(step));
  return (Math.abs(value) >= 10_000 ? compactFormat.format(value) : countFormat.format(value)).replace(
    '-',
    MINUS,
  );
}

/** A duration in ms as minutes, hours or days (`21 min`, `3.5 h`, `2.0 d`), or {@link NO_DATA}. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return NO_DATA;
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.round(ms / 1000)}${NBSP}s`;
  if (minutes < 120) return `${Math.round(minutes)}${NBSP}min`;
  if (minutes < 48 * 60) return `${fixed(minutes / 60, 1)}${NBSP}h`;
  return `${fixed(minutes / 1440, 1)}${NBSP}d`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Short weekday names, Monday first (as the heatmap's rows). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `4 May` for a `YYYY-MM-DD` key; the key itself when it is not one. */
export function shortDate(key: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(key);
  if (match === null) return key;
  return `${Number(match[2])} ${MONTHS[Number(match[1]) - 1] ?? ''}`.trim();
}

/** `2026-05-04 14:05` (local wall time of `instant` in `timeZone`), plus the zone name. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = zoneCalendar(timeZone).local(instant.getTime());
  const minutes = Math.floor((instant.getTime() + local.offset) / 60_000);
  const minute = ((minutes % 60) + 60) % 60;
  const clock = `${String(local.hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return `${isoDate(local.dayNumber)} ${clock} (${timeZone})`;
}

/** The local date `YYYY-MM-DD` of an instant in `timeZone`. */
export function formatDate(instant: Date, timeZone: string): string {
  return isoDate(zoneCalendar(timeZone).local(instant.getTime()).dayNumber);
}

/** `09:00` for an hour of the day. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
