import { goalsSection } from './goals-section.js';
import type { SafeHtml } from './html.js';
import type { OutcomesReportInput } from './outcomes-report-input.js';
import { roiSection } from './roi-section.js';

/** True when a goal or ROI section has something to show. */
export function hasOutcomeData(input: OutcomesReportInput): boolean {
  return (input.goals?.length ?? 0) > 0 || input.roi !== undefined;
}

/** The goals section, shown first in the report when goals are given. */
export function goalSections(input: OutcomesReportInput, timeZone: string): SafeHtml | null {
  return input.goals === undefined ? null : goalsSection(input.goals, timeZone);
}

/** The ROI section, when given. */
export function roiSections(input: OutcomesReportInput): SafeHtml | null {
  return input.roi === undefined ? null : roiSection(input.roi);
}
