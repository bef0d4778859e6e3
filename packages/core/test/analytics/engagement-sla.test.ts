import { describe, expect, it } from 'vitest';
import { engagementSla, type SlaEngagement } from '../../src/analytics/engagement-sla.js';
import type { EngagementResponse } from '../../src/analytics/post-meta.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Engagement } from '../../src/models/engagement.js';

const MINUTE = 60_000;
const start = Date.parse('2026-05-01T09:00:00Z');

const engagement = (
  platform: string,
  id: string,
  kind: SlaEngagement['kind'] = 'comment',
  extra: Partial<SlaEngagement> = {},
): SlaEngagement => ({ platform, id, kind, createdAt: new Date(start), ...extra });

const response = (platform: string, engagementId: string, afterMinutes: number, resolved?: boolean) =>
  ({
    platform,
    engagementId,
    respondedAt: new Date(start + afterMinutes * MINUTE),
    ...(resolved === undefined ? {} : { resolved }),
  }) satisfies EngagementResponse;

describe('engagementSla', () => {
  it('counts one post that engages two accounts once for each, answered by the account that replied', () => {
    const [ana, ben] = [
      engagement('x', '1790', 'mention', { accountId: 'ana' }),
      engagement('x', '1790', 'mention', { accountId: 'ben' }),
    ];
    const byBen = { ...response('x', '1790', 10), accountId: 'ben' };
    const one = engagementSla([ana, ben], [byBen], { targetMs: 30 * MINUTE });
    expect(one.overall).toMatchObject({ inbound: 2, answered: 1, responseRate: 0.5 });
    expect(one.unmatchedResponses).toBe(0);
    // A response that names no account answers every copy, as before accounts were told apart.
    const any = engagementSla([ana, ben], [response('x', '1790', 10)], { targetMs: 30 * MINUTE });
    expect(any.overall).toMatchObject({ inbound: 2, answered: 2 });
    const elsewhere = { ...response('x', '1790', 10), accountId: 'cy' };
    expect(engagementSla([ana, ben], [elsewhere], { targetMs: MINUTE }).unmatchedResponses).toBe(1);
    // An engagement that names no account takes a response from any account.
    const unnamed = engagementSla([engagement('x', '1790', 'mention')], [byBen], { targetMs: MINUTE });
    expect(unnamed.overall).toMatchObject({ inbound: 1, answered: 1 });
    expect(unnamed.unmatchedResponses).toBe(0);
  });

  it('computes median and p90 first-response times by linear interpolation', () => {
    const engagements = ['1', '2', '3', '4', '5'].map((id) => engagement('x', id));
    const responses = [10, 20, 30, 40, 100].map((m, i) => response('x', String(i + 1), m));
    const { overall } = engagementSla(engagements, responses, { targetMs: 30 * MINUTE });
    expect(overall.firstResponseMedianMs).toBe(30 * MINUTE);
    // h = (5 − 1)·0.9 = 3.6 → 40 + 0.6·(100 − 40) = 76 minutes.
    expect(overall.firstResponseP90Ms).toBeCloseTo(76 * MINUTE, 6);
    expect(overall.withinTargetShare).toBe(3 / 5);
  });

  it('interpolates the median of an even count and uses the earliest response', () => {
    const engagements = [engagement('x', 'a'), engagement('x', 'b')];
    const responses = [response('x', 'a', 50), response('x', 'a', 10), response('x', 'b', 20)];
    const { overall } = engagementSla(engagements, responses, { targetMs: MINUTE });
    expect(overall.firstResponseMedianMs).toBe(15 * MINUTE);
    expect(overall.answered).toBe(2);
  });

  it('counts unanswered engagements as missing the target and in the rates', () => {
    const engagements = [
      engagement('x', '1'),
      engagement('x', '2'),
      engagement('x', '3'),
      engagement('x', '4'),
    ];
    const responses = [response('x', '1', 5, true), response('x', '2', 90), response('x', '3', 10, false)];
    const { overall } = engagementSla(engagements, responses, { targetMs: 60 * MINUTE });
    expect(overall).toMatchObject({ inbound: 4, answered: 3, resolved: 1 });
    expect(overall.withinTargetShare).toBe(2 / 4);
    expect(overall.responseRate).toBe(3 / 4);
    expect(overall.resolutionRate).toBe(1 / 4);
  });

  it('splits figures by platform and matches responses on platform and id', () => {
    const engagements = [engagement('x', '1'), engagement('instagram', '1'), engagement('instagram', '2')];
    const responses = [response('instagram', '1', 5), response('linkedin', '9', 1)];
    const report = engagementSla(engagements, responses, { targetMs: 10 * MINUTE });
    expect(Object.keys(report.byPlatform)).toEqual(['instagram', 'x']);
    expect(report.byPlatform.x).toMatchObject({ inbound: 1, answered: 0, firstResponseMedianMs: null });
    expect(report.byPlatform.x?.withinTargetShare).toBe(0);
    expect(report.byPlatform.instagram).toMatchObject({ inbound: 2, answered: 1, withinTargetShare: 0.5 });
    expect(report.overall.inbound).toBe(3);
    expect(report.unmatchedResponses).toBe(1);
  });

  it('leaves out reactions, the account’s own items and duplicates', () => {
    const engagements = [
      engagement('x', '1', 'mention'),
      engagement('x', '1', 'mention'), // the same item read twice
      engagement('x', '2', 'reaction'),
      engagement('x', '3', 'reply', { outgoing: true }),
      engagement('x', '4', 'reply', { accountId: '2244994945', author: { id: '2244994945' } }),
      engagement('x', '5', 'direct_message', { accountId: '2244994945', author: { id: '42' } }),
    ];
    expect(engagementSla(engagements, [], { targetMs: MINUTE }).overall.inbound).toBe(2);
  });

  it('accepts core Engagement objects', () => {
    const core: Engagement = {
      platform: 'instagram',
      accountId: '17841400000000000',
      id: '17890000000000000',
      kind: 'comment',
      author: { id: '17850000000000000', handle: 'fan' },
      text: 'Love it!',
      createdAt: new Date(start),
      raw: {},
    };
    const report = engagementSla([core], [response('instagram', core.id, 3)], { targetMs: MINUTE });
    expect(report.overall.firstResponseMedianMs).toBe(3 * MINUTE);
  });

  it('counts a response stamped before the engagement as 0 ms', () => {
    const report = engagementSla([engagement('x', '1')], [response('x', '1', -2)], { targetMs: 0 });
    expect(report.overall.firstResponseMedianMs).toBe(0);
    expect(report.overall.withinTargetShare).toBe(1);
  });

  it('returns nulls, not 0 or NaN, for empty input', () => {
    const report = engagementSla([], [], { targetMs: MINUTE });
    expect(report.overall).toEqual({
      inbound: 0,
      answered: 0,
      resolved: 0,
      firstResponseMedianMs: null,
      firstResponseP90Ms: null,
      responseRate: null,
      withinTargetShare: null,
      resolutionRate: null,
    });
    expect(report.byPlatform).toEqual({});
  });

  it('rejects a bad target and invalid dates', () => {
    const bad = { ...engagement('x', '1'), createdAt: new Date('nope') };
    expect(() => engagementSla([bad], [], { targetMs: -1 })).toThrow(ValidationError);
    expect(() => engagementSla([bad], [], { targetMs: -1 })).toThrow(/2 problems/);
  });
});
