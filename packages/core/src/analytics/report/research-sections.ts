import { audienceSection, chartedSplits } from './audience-section.js';
import { competitorSection, hasCompetitorData } from './competitor-section.js';
import type { SafeHtml } from './html.js';
import { influencerSection } from './influencer-section.js';
import type { ResearchReportInput } from './research-report-input.js';

/** True when a research section has something to show. */
export function hasResearchData(input: ResearchReportInput): boolean {
  return (
    hasCompetitorData(input.competitors) ||
    (input.influencers?.length ?? 0) > 0 ||
    chartedSplits(input.audience).length > 0
  );
}

/** The competitor, influencer and audience sections, each only when it has data. */
export function researchSections(input: ResearchReportInput): (SafeHtml | null)[] {
  return [
    competitorSection(input.competitors),
    influencerSection(input.influencers),
    audienceSection(input.audience),
  ];
}
