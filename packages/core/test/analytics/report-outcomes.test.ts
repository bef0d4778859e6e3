import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/analytics/report/html.js';
import { renderReport } from '../../src/analytics/report/render-report.js';
import { HOSTILE_GOAL, outcomesReportInput } from './outcomes-fixtures.js';
import { emptyReportInput, HOSTILE } from './report-fixtures.js';

/** The markup of the section with `id`, up to its closing tag. */
function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThanOrEqual(0);
  return page.slice(start, page.indexOf('</section>', start));
}

/** The table row whose header cell is `header`. */
function rowOf(markup: string, header: string): string {
  const match = new RegExp(
    `<tr><th scope="row"[^>]*>${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>`,
  ).exec(markup);
  expect(match, `row ${header}`).not.toBeNull();
  const start = match?.index ?? 0;
  return markup.slice(start, markup.indexOf('</tr>', start));
}

const NB = '\u00a0';

describe('report: goals and ROI', () => {
  const input = outcomesReportInput();
  const page = renderReport(input, { title: 'May' });

  it('puts the goals first, before every other section', () => {
    const sections = [...page.matchAll(/<section id="([^"]+)"/g)].map((match) => match[1]);
    expect(sections[0]).toBe('goals');
    expect(sections).toContain('roi');
  });

  it('shows each goal’s figures and status, and "no data" where there is none', () => {
    const goals = sectionOf(page, 'goals');
    const impressions = input.goals?.[0];
    expect(impressions?.status).toBe('on_track');
    const row = rowOf(goals, 'Impressions on X in May');
    expect(row).toContain('<td class="num">200,000</td>');
    expect(row).toContain('<td class="num">108,250</td>');
    expect(row).toContain(`<td class="num">54.1${NB}%</td>`);
    expect(row).toContain('status-on_track');
    // Followers were never read: no value, no projection, and the reason in words.
    const followers = rowOf(goals, '5,000 followers');
    expect(followers.match(/<td class="num nodata">no data<\/td>/g)).toHaveLength(4);
    expect(followers).toContain('status-no_data');
    expect(goals).toContain('No status yet: no post or account in its scope has a value of followers yet.');
    // One bullet chart per goal.
    expect(goals.match(/<svg class="chart goal-chart"/g)).toHaveLength(4);
  });

  it('shows the ROI per platform and campaign, with "no data" for divisions by zero', () => {
    const roi = sectionOf(page, 'roi');
    // X: 12 conversions, 400 link clicks, 600 spent, 1,200 of value.
    const x = rowOf(roi.slice(roi.indexOf('By platform')), 'x');
    expect(x).toContain(`<td class="num">3.00${NB}%</td>`);
    expect(x).toContain('<td class="num">50.00</td>');
    expect(roi).toContain('By platform (amounts in EUR)');
    expect(x).toContain('<td class="num">2.00×</td>');
    expect(x).toContain(`<td class="num">100.0${NB}%</td>`);
    // TikTok has conversions but no spend and no clicks: its cost figures are "no data".
    const tiktok = rowOf(roi.slice(roi.indexOf('By platform')), 'tiktok');
    expect(tiktok.match(/<td class="num nodata">no data<\/td>/g)).toHaveLength(6);
    expect(roi).toContain('linkedin returns the most per unit spent: 4.00×');
    expect(roi).toContain('4 more conversions');
    expect(roi).not.toMatch(/NaN|Infinity/);
  });

  it('escapes hostile goal and campaign names', () => {
    expect(page).not.toContain(HOSTILE_GOAL);
    expect(page).toContain(escapeHtml(HOSTILE_GOAL));
    expect(sectionOf(page, 'roi')).toContain(`<th scope="row">${escapeHtml(HOSTILE.campaign)}</th>`);
    expect(page).not.toMatch(/<script|<b onmouseover|\son\w+="/i);
  });

  it('leaves both sections out when not asked for', () => {
    const plain = renderReport(emptyReportInput());
    expect(plain).not.toContain('<section id="goals"');
    expect(plain).not.toContain('<section id="roi"');
  });
});
