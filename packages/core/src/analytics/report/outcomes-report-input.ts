import type { GoalProgress } from '../goals.js';
import type { RoiReport } from '../roi.js';

/** The report's goal and ROI sections; each is shown only when given. Part of `ReportInput`. */
export interface OutcomesReportInput {
  /** Goals (`Analytics.goals`), shown first in the report. */
  readonly goals?: readonly GoalProgress[] | undefined;
  /** What the money bought (`Analytics.roi`). */
  readonly roi?: RoiReport | undefined;
}
