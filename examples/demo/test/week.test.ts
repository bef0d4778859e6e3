import type { ScheduleEntry } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { runWeek } from '../src/week.ts';
import { NEEDS_APPROVAL, PEOPLE, REVIEW_AT } from '../src/week-plan.ts';

const POLL_MS = 15 * 60_000;
const iso = (entries: readonly ScheduleEntry[]): string[] => entries.map((e) => e.publishAt.toISOString());

describe('pnpm demo: the week on the scheduler', () => {
  it('publishes the queued, recurring and approved posts at their wall times, and nothing rejected or unapproved', async () => {
    const lines: string[] = [];
    const report = await runWeek({ print: (line) => lines.push(line) });
    const output = lines.join('\n');
    const labelled = (label: string, platform?: string): ScheduleEntry[] =>
      report.entries.filter(
        (entry) =>
          (report.labels.get(entry.id) ?? report.labels.get(entry.seriesId ?? '')) === label &&
          (platform === undefined || entry.targets.some((target) => target.platform === platform)),
      );
    expect(report.unexpected).toEqual([]);

    // Queue slots: each post took each account's next free slot in its audience's zone — X at
    // 09:00 and 17:30 in Berlin (summer time, UTC+2), Mastodon at 08:30 in New York (UTC-4).
    const queued = (platform: string) =>
      ['queue 1', 'queue 2', 'queue 3', 'queue 4'].flatMap((label) => iso(labelled(label, platform)));
    expect(queued('x')).toEqual([
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-03-31T15:30:00.000Z',
      '2026-04-01T07:00:00.000Z',
    ]);
    expect(queued('mastodon')).toEqual([
      '2026-03-30T12:30:00.000Z',
      '2026-03-31T12:30:00.000Z',
      '2026-04-01T12:30:00.000Z',
      '2026-04-02T12:30:00.000Z',
    ]);

    // The recurring post went out Monday, Wednesday and Friday at 12:00 in New York, to both
    // accounts, and its next occurrence waits in the store for the Monday after.
    const lunch = labelled('lunch tip');
    expect(lunch.map((e) => [e.publishAt.toISOString(), e.status])).toEqual([
      ['2026-03-30T16:00:00.000Z', 'published'],
      ['2026-04-01T16:00:00.000Z', 'published'],
      ['2026-04-03T16:00:00.000Z', 'published'],
      ['2026-04-06T16:00:00.000Z', 'scheduled'],
    ]);
    expect(lunch.every((e) => e.targets.length === 2)).toBe(true);

    // Approvals: the draft was submitted by the planner and approved by the client, then published;
    // the teaser was rejected with the client's note; the Easter post, undecided, failed at its time.
    const [sale] = labelled(NEEDS_APPROVAL.approved.label);
    expect(sale?.status).toBe('published');
    expect(sale?.approval).toMatchObject({
      requestedBy: PEOPLE.planner,
      decision: 'approved',
      decidedBy: PEOPLE.client,
      decidedAt: new Date(REVIEW_AT),
    });
    expect(sale?.publishAt.toISOString()).toBe('2026-04-02T08:00:00.000Z');
    const [teaser] = labelled(NEEDS_APPROVAL.rejected.label);
    expect(teaser?.status).toBe('rejected');
    expect(teaser?.approval).toMatchObject({
      decision: 'rejected',
      decidedBy: PEOPLE.client,
      note: NEEDS_APPROVAL.rejected.note,
    });
    const [easter] = labelled(NEEDS_APPROVAL.undecided.label);
    expect(easter?.status).toBe('failed');
    expect(easter?.error?.code).toBe('not_approved');
    expect(easter?.error?.message).toMatch(/not approved by its time/);

    // What the platforms hold: each published target once, at its time (within one poll of the
    // worker), and nothing of the rejected or unapproved entries.
    const published = report.entries.filter((e) => e.status === 'published');
    expect(published).toHaveLength(12);
    for (const platform of report.platforms) {
      const posts = platform.sim.posts.filter((p) => p.accountId === platform.accountId);
      const results = published.flatMap((entry) =>
        (entry.results ?? [])
          .filter((result) => result.platform === platform.id)
          .map((result) => ({ entry, result })),
      );
      expect(posts, platform.id).toHaveLength(results.length);
      for (const { entry, result } of results) {
        expect(result.status).toBe('published');
        const post = posts.find((p) => p.id === result.ref?.platformPostId);
        expect(post?.text, `${platform.id} ${entry.id}`).toBe(entry.post.text);
        expect(post?.createdAt).toBeGreaterThanOrEqual(entry.publishAt.getTime());
        expect(post?.createdAt).toBeLessThan(entry.publishAt.getTime() + POLL_MS);
      }
      for (const left of [NEEDS_APPROVAL.rejected.post.text, NEEDS_APPROVAL.undecided.post.text]) {
        expect(posts.some((p) => p.text === left)).toBe(false);
      }
    }
    expect(report.events).toMatchObject({
      submitted: 1,
      approved: 1,
      rejected: 1,
      'not-approved': 1,
      published: 12,
    });

    // Output: the calendar in Berlin, New York entries with their own wall time, outcomes and why.
    expect(output).toMatch(/Mon 30 Mar\s+09:00\s+x\s+published\s+queue 1/);
    expect(output).toMatch(/14:30 \(08:30 New York\)\s+mastodon\s+published\s+queue 1/);
    expect(output).toMatch(/18:00 \(12:00 New York\)\s+mastodon\+x\s+published\s+lunch tip/);
    expect(output).toMatch(/rejected\s+teaser by client@linen\.example: Too vague/);
    expect(output).toMatch(/Sat 4 Apr\s+09:00\s+x\s+failed\s+easter hours not_approved/);
    expect(output).toMatch(/approved\s+sale\s+by client@linen\.example/);
    expect(output).toMatch(
      /12 published, 1 rejected, 1 not approved by its time; "lunch tip" next on Mon 6 Apr 12:00/,
    );
  });
});
