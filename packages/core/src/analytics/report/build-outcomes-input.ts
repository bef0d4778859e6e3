import type { Analytics } from '../analytics.js';
import type { Goal, GoalOptions } from '../goals.js';
import type { PostFilter } from '../post-filter.js';
import type { RoiOptions } from '../roi-inputs.js';
import type { OutcomesReportInput } from './outcomes-report-input.js';

/** The goal and ROI sections `buildReportInput` can add. */
export interface OutcomesReportOptions {
  /** Goals to show at the top of the report, evaluated as of `goalOptions.asOf`. */
  readonly goals?: readonly Goal[] | undefined;
  /** When to evaluate the goals (default: the report's `until`, else now) and the interval's confidence. */
  readonly goalOptions?: GoalOptions | undefined;
  /**
   * An ROI section: `Analytics.roi` with these conversions, spend and links over the report's
   * window, platforms and accounts.
   */
  readonly roi?: Omit<RoiOptions, keyof PostFilter> | undefined;
}

/**
 * The goal and ROI parts of a report's input.
 *
 * @throws ValidationError for an invalid goal, conversion, spend entry or link
 */
export function buildOutcomesInput(
  analytics: Analytics,
  options: OutcomesReportOptions & PostFilter,
): OutcomesReportInput {
  const filter: PostFilter = {
    since: options.since,
    until: options.until,
    platforms: options.platforms,
    accounts: options.accounts,
  };
  return {
    ...(options.goals === undefined
      ? {}
      : {
          goals: analytics.goals(options.goals, {
            ...options.goalOptions,
            asOf: options.goalOptions?.asOf ?? options.until,
          }),
        }),
    ...(options.roi === undefined ? {} : { roi: analytics.roi({ ...options.roi, ...filter }) }),
  };
}
