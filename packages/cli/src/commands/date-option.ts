import { CliError, EXIT } from '../output/exit-codes.js';

/** One day in milliseconds: the default windows of `calendar` and `report` are counted in days. */
export const DAY_MS = 86_400_000;

/** A `--from`/`--to` date: `2026-05-01` (midnight UTC) or an ISO instant; `fallback` when absent. */
export function dateOf(value: string | undefined, fallback: Date, option: string): Date {
  if (value === undefined) return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new CliError(EXIT.usage, `${option} ${value} is not a date (2026-05-01 or an ISO instant)`);
  return date;
}
