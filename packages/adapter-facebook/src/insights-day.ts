import { timeBucket } from '@smmkit/core/adapter-kit';

/**
 * The days of Page Insights `period=day` values. Each value's `end_time` is the end of a day in
 * Pacific time: Meta's Page Insights guide (https://developers.facebook.com/docs/platforminsights/page,
 * "Get Page Metrics") says that with `since` set to January 1, 2018 the first `end_time` is
 * January 2, 2018 at 08:00 GMT (midnight PST), and its example answer has
 * `"end_time": "2020-03-10T07:00:00+0000"` (midnight PDT, two days after the 2020 spring-forward).
 * The guide does not name the zone: America/Los_Angeles is ASSUMED from those two examples, whose
 * offsets follow US daylight saving time. A day is therefore 23 hours on the spring-forward day
 * and 25 hours on the fall-back day, never "end − 24 h" there. The days are core's DST-correct
 * day buckets in that zone.
 */
const INSIGHTS_TIME_ZONE = 'America/Los_Angeles';

/**
 * The start of the Page Insights day that `instant` falls in: the last Pacific midnight at or
 * before it.
 *
 * @param instant - ms since the Unix epoch
 * @returns the day's start, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayStart(Date.parse('2026-03-08T20:00:00Z'))).toISOString(); // '2026-03-08T08:00:00.000Z'
 * ```
 */
export function insightsDayStart(instant: number): number {
  return timeBucket('day', instant, INSIGHTS_TIME_ZONE).start;
}

/**
 * The start of the Page Insights day that ends at `end` (a `period=day` value's `end_time`): the
 * last Pacific midnight before it, 23, 24 or 25 hours earlier.
 *
 * @param end - the day's `end_time`, ms since the Unix epoch
 * @returns the day's start, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayStartBefore(Date.parse('2026-03-09T07:00:00Z'))).toISOString(); // '2026-03-08T08:00:00.000Z'
 * ```
 */
export function insightsDayStartBefore(end: number): number {
  return insightsDayStart(end - 1);
}

/**
 * The end of the Page Insights day that `instant` falls in: the first Pacific midnight after it.
 *
 * @param instant - ms since the Unix epoch
 * @returns the day's end, ms since the Unix epoch
 *
 * @example
 * ```ts
 * new Date(insightsDayEndAfter(Date.parse('2026-11-01T12:00:00Z'))).toISOString(); // '2026-11-02T08:00:00.000Z'
 * ```
 */
export function insightsDayEndAfter(instant: number): number {
  return timeBucket('day', instant, INSIGHTS_TIME_ZONE).end;
}
