import { addPresent } from './metric-slots.js';

/**
 * The readings of one account metric over time. An account sample is placed at `periodStart`
 * for `day` values (the day it covers) and at `observedAt` for `lifetime` values (a count as of
 * that moment). Per `day` period the latest observation wins; `lifetime` readings are points of
 * a history (the followers count read daily), so each distinct `observedAt` is kept and a
 * duplicate of the same instant replaces the earlier one.
 */
export class AccountSeries {
  private readonly lifetimeSlots = new Map<number, number>();
  private readonly daySlots = new Map<number, number>();
  private readonly times: number[] = [];
  private readonly values: number[] = [];
  private readonly observed: number[] = [];
  private readonly isDay: boolean[] = [];
  private sortedTimes = new Float64Array(0);
  private sortedValues = new Float64Array(0);
  private sortedIsDay = new Uint8Array(0);
  private dirty = false;
  /** False once a reading arrived placed before an earlier one, so sorting is needed. */
  private ordered = true;

  /** How many readings are kept. */
  get size(): number {
    return this.times.length;
  }

  /**
   * Records a reading; returns false when an older observation of the same `day` arrived late
   * and was ignored.
   */
  put(period: 'lifetime' | 'day', time: number, observedAt: number, value: number): boolean {
    const slots = period === 'day' ? this.daySlots : this.lifetimeSlots;
    const slot = slots.get(time);
    if (slot !== undefined) {
      if (observedAt < (this.observed[slot] ?? Number.NEGATIVE_INFINITY)) return false;
      this.values[slot] = value;
      this.observed[slot] = observedAt;
    } else {
      slots.set(time, this.times.length);
      if (time < (this.times[this.times.length - 1] ?? Number.NEGATIVE_INFINITY)) this.ordered = false;
      this.times.push(time);
      this.values.push(value);
      this.observed.push(observedAt);
      this.isDay.push(period === 'day');
    }
    this.dirty = true;
    return true;
  }

  /** Rebuilds the time-ordered copies after new readings (queries are many, writes come in batches). */
  private sort(): void {
    if (!this.dirty) return;
    if (this.ordered) {
      // Readings usually arrive in time order: copy them as they are.
      this.sortedTimes = Float64Array.from(this.times);
      this.sortedValues = Float64Array.from(this.values);
      this.sortedIsDay = Uint8Array.from(this.isDay, (day) => (day ? 1 : 0));
    } else {
      const order = this.times.map((_, i) => i);
      order.sort((a, b) => (this.times[a] ?? 0) - (this.times[b] ?? 0));
      this.sortedTimes = Float64Array.from(order, (i) => this.times[i] ?? Number.NaN);
      this.sortedValues = Float64Array.from(order, (i) => this.values[i] ?? Number.NaN);
      this.sortedIsDay = Uint8Array.from(order, (i) => (this.isDay[i] === true ? 1 : 0));
    }
    this.dirty = false;
  }

  /** The times of the readings, in order. */
  readingTimes(): Float64Array {
    this.sort();
    return this.sortedTimes;
  }

  /** Index in time order of the latest reading placed before `end`, or -1; see {@link timeAt}, {@link valueAt}. */
  latestBefore(end: number): number {
    this.sort();
    const times = this.sortedTimes;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[mid] ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index in time order of the first reading placed in `[start, end)`, or -1. */
  firstIn(start: number, end: number): number {
    const index = this.latestBefore(start) + 1;
    const time = this.sortedTimes[index];
    return time === undefined || time >= end ? -1 : index;
  }

  /** The time of the reading at `index` in time order. */
  timeAt(index: number): number {
    return this.sortedTimes[index] ?? Number.NaN;
  }

  /** The value of the reading at `index` in time order (`NaN` for -1). */
  valueAt(index: number): number {
    return this.sortedValues[index] ?? Number.NaN;
  }

  /** True when some readings are `day` values (flows such as daily follows or page impressions). */
  hasDayValues(): boolean {
    return this.daySlots.size > 0;
  }

  /**
   * The `day` value placed in `[start, end)` when there is exactly one; `NaN` when there are
   * none or several (for counts of unique people, which days do not add up to).
   */
  singleDay(start: number, end: number): number {
    let found = Number.NaN;
    let count = 0;
    const times = this.sortedTimes;
    for (let i = this.latestBefore(start) + 1; i < times.length && (times[i] ?? end) < end; i++) {
      if (this.sortedIsDay[i] !== 1) continue;
      if (++count > 1) return Number.NaN;
      found = this.sortedValues[i] ?? Number.NaN;
    }
    return found;
  }

  /** Σ of the `day` values placed in `[start, end)`; `NaN` when there are none. */
  sumDays(start: number, end: number): number {
    let sum = Number.NaN;
    const times = this.sortedTimes;
    for (let i = this.latestBefore(start) + 1; i < times.length && (times[i] ?? end) < end; i++) {
      if (this.sortedIsDay[i] !== 1) continue;
      sum = addPresent(sum, this.sortedValues[i] ?? 0);
    }
    return sum;
  }
}
