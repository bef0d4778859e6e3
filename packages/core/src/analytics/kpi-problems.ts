import type { ValidationProblem } from '../errors/validation-error.js';
import { cutShort } from '../models/issue-message.js';
import { KPIS } from './kpis.js';

const KNOWN_KPIS: ReadonlySet<unknown> = new Set(KPIS);

/**
 * What is wrong with a KPI name as given: one problem (rule `analytics.kpi`) when it is not one
 * of {@link KPIS}, saying the value given and every valid name, so a guess such as
 * `'engagementRate'` can be fixed without opening the docs.
 *
 * @param kpi - the name as passed
 * @param path - where it is in the options (`['kpi']`, `['kpis', 0]`)
 * @returns the problems, empty when `kpi` is a KPI
 */
export function unknownKpiProblems(kpi: unknown, path: readonly (string | number)[]): ValidationProblem[] {
  if (KNOWN_KPIS.has(kpi)) return [];
  const shown = cutShort(String(kpi));
  return [
    {
      path,
      rule: 'analytics.kpi',
      message: `unknown KPI "${shown}"; the KPIs are ${KPIS.join(', ')}`,
      actual: shown,
    },
  ];
}
