import { Temporal } from 'temporal-polyfill';

/** A stretch of time in which a zone's UTC offset does not change: between two transitions. */
interface SteadyStretch {
  /** First instant (epoch ms) of the stretch; -Infinity before a zone's first transition. */
  readonly fromMs: number;
  /** The next transition (epoch ms), excluded; Infinity when the zone has no more. */
  readonly toMs: number;
  /** The offset in ms (UTC+1 is 3_600_000). */
  readonly offsetMs: number;
  /** The offset as `±HH:mm`. */
  readonly offset: string;
}

/**
 * A wall time this far from a transition cannot be in its gap or overlap: offsets differ by at
 * most 26 hours (UTC-12 to UTC+14), and a gap or overlap is as long as the offset change.
 */
const MARGIN_MS = 2 * 86_400_000;
/** Stretches remembered per zone (a few years of DST changes). */
const PER_ZONE = 32;

const stretches = new Map<string, SteadyStretch[]>();

/**
 * The single instant a wall time names when it lies well inside a stretch of unchanging offset
 * (no DST change within two days), or `undefined` near a transition, where the caller must let
 * Temporal disambiguate. This is a cache, not zone math: every offset and transition comes from
 * Temporal's zone data; it saves the scheduler a zone lookup per candidate when it scans a year
 * of queue slots or recurrence occurrences.
 *
 * @param wallMs - the wall time's fields read as if they were UTC (`Date.UTC(…)`)
 */
export function steadyInstant(
  wallMs: number,
  zone: string,
): { readonly ms: number; readonly offset: string } | undefined {
  const inside = (s: SteadyStretch): boolean => {
    const ms = wallMs - s.offsetMs;
    return ms - MARGIN_MS >= s.fromMs && ms + MARGIN_MS < s.toMs;
  };
  const known = stretches.get(zone) ?? [];
  let stretch = known.find(inside);
  if (stretch === undefined) {
    // The wall time read as UTC is within 14 hours of the instant it names.
    const found = stretchAt(wallMs, zone);
    known.push(found);
    if (known.length > PER_ZONE) known.shift();
    stretches.set(zone, known);
    if (!inside(found)) return undefined;
    stretch = found;
  }
  return { ms: wallMs - stretch.offsetMs, offset: stretch.offset };
}

function stretchAt(ms: number, zone: string): SteadyStretch {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const previous = zoned.getTimeZoneTransition('previous');
  const next = zoned.getTimeZoneTransition('next');
  // `previous` is the transition before `ms`; when `ms` is itself a transition, the offset
  // changed at `ms`, so the stretch starts there.
  let fromMs = previous === null ? Number.NEGATIVE_INFINITY : previous.epochMilliseconds;
  if (previous !== null && previous.offsetNanoseconds !== zoned.offsetNanoseconds) fromMs = ms;
  return {
    fromMs,
    toMs: next === null ? Number.POSITIVE_INFINITY : next.epochMilliseconds,
    offsetMs: zoned.offsetNanoseconds / 1_000_000,
    offset: zoned.offset,
  };
}
