import { evaluateGoals } from './goal-progress.js';
import type { Goal, GoalOptions, GoalProgress } from './goals.js';
import { computeRoi, type RoiReport } from './roi.js';
import type { RoiOptions } from './roi-inputs.js';
import type { SampleStore } from './sample-store.js';

/** The aggregator's view of outcomes: goals and what the money bought. Part of `Analytics`. */
export interface OutcomeAnalytics {
  /**
   * Each goal's value so far, progress, projection to the deadline (least-squares trend with a
   * Student-t prediction interval) and status, as of `options.asOf` (default now). Formulas:
   * docs/analytics.md, "Goals".
   *
   * @throws ValidationError for an invalid goal (unknown metric, a target ≤ 0, a deadline not
   *   after the start, an unknown zone, a campaign scope on a level metric) or option
   *
   * @example
   * ```ts
   * const [progress] = analytics.goals(
   *   [{ name: '60k impressions in May', metric: 'impressions', target: 60_000,
   *      start: new Date('2026-05-01Z'), deadline: new Date('2026-06-01Z') }],
   *   { asOf: new Date('2026-05-15Z') },
   * );
   * progress?.status; // 'on_track' | 'at_risk' | …
   * progress?.projection?.value; // projected impressions by 1 June
   * ```
   */
  goals(goals: readonly Goal[], options?: GoalOptions): GoalProgress[];
  /**
   * Conversions, conversion rate, cost per conversion, ROAS and ROI per platform, campaign and
   * post, attributing conversions by the UTM parameters smmkit's links carry, and the platforms
   * ranked by value per unit spent. Formulas: docs/analytics.md, "ROI".
   *
   * @throws ValidationError for an invalid conversion, spend entry or link
   *
   * @example
   * ```ts
   * const roi = analytics.roi({
   *   conversions: parseConversionsCsv(csv),
   *   spend: [{ platform: 'x', amount: 400 }, { platform: 'linkedin', amount: 600 }],
   *   currency: 'EUR',
   * });
   * roi.bestPlatform; // 'linkedin'
   * roi.byPlatform.map((row) => [row.platform, row.roas]);
   * ```
   */
  roi(options: RoiOptions): RoiReport;
}

/** The {@link OutcomeAnalytics} methods over the aggregator's sample store. */
export function outcomeAnalytics(store: SampleStore): OutcomeAnalytics {
  return {
    goals: (goals, options) => evaluateGoals(store, goals, options),
    roi: (options) => computeRoi(store, options),
  };
}
