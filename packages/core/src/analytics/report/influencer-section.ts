import type { Influencer } from '../influencers.js';
import { formatValue } from './format.js';
import { html, type SafeHtml } from './html.js';
import { researchSection } from './research-section-frame.js';
import { cell, table } from './tables.js';

/** The influencer list, best first; `null` when there is no author. */
export function influencerSection(influencers: readonly Influencer[] | undefined): SafeHtml | null {
  if (influencers === undefined || influencers.length === 0) return null;
  const rows = influencers.map(
    (influencer) =>
      html`<tr><th scope="row">${influencer.label} (${influencer.platform})</th>${cell(formatValue(influencer.mentions, 'count'), true)}${cell(formatValue(influencer.followers, 'count'), true)}${cell(formatValue(influencer.reach, 'count'), true)}${cell(formatValue(influencer.interactions, 'count'), true)}${cell(formatValue(influencer.engagementRate, 'rate'), true)}${cell(formatValue(influencer.score, 'count'), true)}</tr>`,
  );
  return researchSection(
    'influencers',
    'Influencers',
    html`<p class="lead">Authors of mentions and listened posts, by score = reach (followers × mentions) + interactions on their posts about the brand.</p>${table(
      'Top authors, best first',
      ['Author', 'Mentions', 'Followers', 'Reach', 'Interactions', 'Engagement rate', 'Score'],
      rows,
      [false, true, true, true, true, true, true],
    )}`,
  );
}
