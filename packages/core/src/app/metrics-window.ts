import type { ValidationProblem } from '../errors/validation-error.js';
import type { PublishedPostRecord } from './metrics-store.js';

const DAY_MS = 86_400_000;

/** How to write "the last 7 days" as the `Date` a window option takes. */
const LAST_7_DAYS = 'for the last 7 days: new Date(Date.now() - 7 * 86_400_000)';

/**
 * How old a post may be for the facade to still read its metrics, by default: 30 days. A post's
 * counts grow mostly in its first days (ASSUMED: no platform documents the curve), while every
 * round spends budget on every post it reads, so reading old posts again buys little. 30 days
 * also covers what the platforms document: X serves non-public and organic metrics "only for
 * Posts created within the last 30 days" (https://docs.x.com/x-api/fundamentals/metrics), and
 * Instagram's media insights lag "up to 48 hours" and are kept for up to 2 years
 * (https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights),
 * so a post read within its first 30 days has settled figures, kept in the metrics store after.
 */
export const DEFAULT_METRICS_MAX_POST_AGE_MS = 30 * DAY_MS;

/**
 * The oldest publication time a collection at `nowMs` reads, for posts at most `maxAgeMs` old.
 *
 * @param nowMs - when the collection starts, in ms since the epoch
 * @param maxAgeMs - the oldest age read, in ms (`Infinity` for every post)
 * @returns the window's start, or `undefined` when it starts before any date (every post is read)
 */
export function windowStart(nowMs: number, maxAgeMs: number): Date | undefined {
  const start = new Date(nowMs - maxAgeMs);
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/**
 * The records a collection reads: those published at or after `since`, and those without a
 * publication time (their age is unknown, so they are read rather than dropped unseen).
 *
 * @param posts - the metrics store's records
 * @param since - the oldest publication time still read; `undefined` reads every record
 * @returns the records in the window, in their order
 */
export function postsSince(
  posts: readonly PublishedPostRecord[],
  since: Date | undefined,
): PublishedPostRecord[] {
  if (since === undefined) return [...posts];
  const from = since.getTime();
  return posts.filter((post) => post.publishedAt === undefined || post.publishedAt.getTime() >= from);
}

/**
 * What is wrong with `smm.collectMetrics`'s `since`: it must be a valid `Date` (a duration such
 * as `'7d'` is not taken, so that it reads like `report({ since })`).
 *
 * @param since - the option as passed
 * @returns the problems, empty when it is absent or valid
 */
export function collectSinceProblems(since: unknown): ValidationProblem[] {
  return dateOptionProblems(since, 'since', 'the oldest publication time whose posts are read', LAST_7_DAYS);
}

/**
 * What is wrong with `smm.report`'s `since` and `until`: each must be a valid `Date`, as
 * `collectMetrics`'s `since` (a duration such as `'7d'` is not taken).
 *
 * @param window - the options as passed
 * @returns the problems, `since`'s first, empty when both are absent or valid
 */
export function reportWindowProblems(window: {
  readonly since?: unknown;
  readonly until?: unknown;
}): ValidationProblem[] {
  return [
    ...dateOptionProblems(
      window.since,
      'since',
      "the start of the report's window: posts published at or after it",
      LAST_7_DAYS,
    ),
    ...dateOptionProblems(
      window.until,
      'until',
      "the end of the report's window: posts published before it",
      'up to now: new Date()',
    ),
  ];
}

/**
 * One problem (rule `options.<key>`) when an option that takes a `Date` was given something else.
 *
 * @param value - the option as passed
 * @param key - its name
 * @param meaning - what it is, for the message
 * @param example - how to write one, for the message
 */
function dateOptionProblems(
  value: unknown,
  key: string,
  meaning: string,
  example: string,
): ValidationProblem[] {
  if (value === undefined || isValidDate(value)) return [];
  return [
    {
      path: [key],
      rule: `options.${key}`,
      message: `${key} must be a valid Date: ${meaning} (${example})`,
      ...shown(value),
    },
  ];
}

/**
 * What is wrong with `metrics.maxPostAgeMs` of `createSmmkit`: it must be a positive number of
 * ms, or `Infinity` to read every post.
 *
 * @param maxPostAgeMs - the option as passed
 * @returns the problems, empty when it is absent or valid
 */
export function maxPostAgeProblems(maxPostAgeMs: unknown): ValidationProblem[] {
  if (maxPostAgeMs === undefined || (typeof maxPostAgeMs === 'number' && maxPostAgeMs > 0)) return [];
  return [
    {
      path: ['metrics', 'maxPostAgeMs'],
      rule: 'options.max_post_age',
      message:
        'metrics.maxPostAgeMs must be a positive number of ms (30 days: 30 * 86_400_000), or Infinity to read every post',
      ...shown(maxPostAgeMs),
    },
  ];
}

/** What a problem may show of a bad value: a number, or a string cut short; nothing else. */
function shown(value: unknown): { readonly actual?: number | string } {
  if (typeof value === 'number') return { actual: value };
  if (typeof value === 'string') return { actual: value.slice(0, 40) };
  return {};
}

/** A valid `Date`, also one made in another realm (a `vm` context, an iframe), as `report` takes. */
function isValidDate(value: unknown): value is Date {
  return (
    Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime())
  );
}
