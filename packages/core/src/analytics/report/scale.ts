/** A linear axis: its domain rounded outwards to "nice" ticks (steps of 1, 2 or 5 × 10ⁿ). */
export interface NiceAxis {
  /** Smallest value of the axis (≤ every value charted). */
  readonly min: number;
  /** Largest value of the axis (≥ every value charted). */
  readonly max: number;
  /** Distance between ticks. */
  readonly step: number;
  /** Tick values from `min` to `max`. */
  readonly ticks: readonly number[];
}

/** Rounds away floating-point noise (0.30000000000000004 → 0.3). */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * A nice axis covering `values` and 0 (bars and rates read from a zero baseline), with about
 * `count` ticks. With no spread it spans 0 to 1 (or to the single value).
 */
export function niceAxis(values: readonly number[], count = 5): NiceAxis {
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high === low) high = low === 0 ? 1 : low + Math.abs(low);
  const raw = (high - low) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const step = clean((normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10) * magnitude);
  low = clean(Math.floor(low / step + 1e-9) * step);
  high = clean(Math.ceil(high / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step / 1e6; i++) ticks.push(clean(low + i * step));
  return { min: low, max: high, step, ticks };
}

/** Maps `[domain.min, domain.max]` onto `[from, to]`. */
export function linear(domain: { readonly min: number; readonly max: number }, from: number, to: number) {
  const span = domain.max - domain.min;
  return (value: number): number =>
    span === 0 ? (from + to) / 2 : from + ((value - domain.min) / span) * (to - from);
}

/** A coordinate with one decimal and no `-0`, so the markup is short and the same on every run. */
export function coord(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** Shortens `text` to `max` characters with an ellipsis (the full text goes in a `<title>`). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
