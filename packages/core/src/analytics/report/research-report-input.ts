import type { AudienceSplit } from '../audience.js';
import type { CompetitorBenchmark } from '../competitors.js';
import type { Influencer } from '../influencers.js';
import type { ShareOfVoice } from '../share-of-voice.js';

/** The competitor section's data: the benchmark table and, when brands were given, share of voice. */
export interface ReportCompetitors {
  /** `Analytics.benchmark`'s result. */
  readonly benchmark: CompetitorBenchmark;
  /** `shareOfVoice`'s result, when there is one. */
  readonly shareOfVoice?: ShareOfVoice | undefined;
}

/**
 * The report's sections beyond the app's own posts; each is shown only when it has data. Part of
 * `ReportInput`.
 */
export interface ResearchReportInput {
  /** Own accounts against tracked ones, and share of voice. */
  readonly competitors?: ReportCompetitors | undefined;
  /** The top authors of mentions and listened posts (`rankInfluencers`), best first. */
  readonly influencers?: readonly Influencer[] | undefined;
  /** Audience splits (`Analytics.audience`), one bar chart each. */
  readonly audience?: readonly AudienceSplit[] | undefined;
}
