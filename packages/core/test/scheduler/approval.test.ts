import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, names, START, useWorld } from './support/world.js';

const world = useWorld();
const at = new Date(START + HOUR);

describe('scheduler: approvals', () => {
  it('publishes an entry only after it was approved, keeping who asked, who approved and when', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'For the client' }, [world.xTarget], at, {
      approval: 'required',
      by: 'ana',
    });
    expect(entry?.status).toBe('awaiting_approval');
    expect(entry?.approval).toEqual({ requestedBy: 'ana', requestedAt: new Date(START) });

    world.time.set(START + 10 * MINUTE);
    const approved = await scheduler.approve(entry?.id ?? '', { by: 'client@example.com', note: 'Lovely' });
    expect(approved.status).toBe('scheduled');
    expect(approved.approval).toEqual({
      requestedBy: 'ana',
      requestedAt: new Date(START),
      decision: 'approved',
      decidedBy: 'client@example.com',
      decidedAt: new Date(START + 10 * MINUTE),
      note: 'Lovely',
    });

    world.time.set(at.getTime());
    expect((await scheduler.tick()).finished.map((e) => e.status)).toEqual(['published']);
    expect(world.xPosts()).toHaveLength(1);
    expect(names(scheduler)).toEqual(['scheduled', 'approved', 'due', 'published']);
  });

  it('takes a draft through submit and approval', async () => {
    const scheduler = world.scheduler();
    const [draft] = await scheduler.schedule({ text: 'Draft' }, [world.xTarget], at, {
      draft: true,
      approval: 'required',
    });
    expect(draft?.status).toBe('draft');
    await expect(scheduler.approve(draft?.id ?? '', { by: 'client' })).rejects.toThrow(
      /is draft; only awaiting_approval entries can be approved/,
    );
    const submitted = await scheduler.submit(draft?.id ?? '', { by: 'ana' });
    expect(submitted.status).toBe('awaiting_approval');
    expect(submitted.approval?.requestedBy).toBe('ana');
    expect((await scheduler.approve(draft?.id ?? '', { by: 'client' })).status).toBe('scheduled');
  });

  it('schedules a submitted draft at once when it needs no approval', async () => {
    const scheduler = world.scheduler();
    const [draft] = await scheduler.schedule({ text: 'Draft' }, [world.xTarget], at, { draft: true });
    expect((await scheduler.submit(draft?.id ?? '', { by: 'ana' })).status).toBe('scheduled');
  });

  it('never publishes a rejected entry, and keeps why', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Off brand' }, [world.xTarget], at, {
      approval: 'required',
    });
    const rejected = await scheduler.reject(entry?.id ?? '', { by: 'client', note: 'Not our tone' });
    expect(rejected.status).toBe('rejected');
    expect(rejected.approval).toMatchObject({
      decision: 'rejected',
      decidedBy: 'client',
      note: 'Not our tone',
    });
    await expect(scheduler.approve(entry?.id ?? '', { by: 'client' })).rejects.toThrow(/is rejected/);

    world.time.set(at.getTime() + HOUR);
    const round = await scheduler.tick();
    expect(round.claimed).toEqual([]);
    expect(round.notApproved).toEqual([]);
    expect(world.xPosts()).toEqual([]);
  });

  it('does not publish an entry still awaiting approval at its time, and says why', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Nobody looked' }, [world.xTarget], at, {
      approval: 'required',
      by: 'ana',
    });
    world.time.set(at.getTime() - 1);
    expect((await scheduler.tick()).notApproved).toEqual([]);

    world.time.set(at.getTime());
    const { notApproved, claimed } = await scheduler.tick();
    expect(claimed).toEqual([]);
    expect(notApproved.map((e) => [e.id, e.status, e.error?.code])).toEqual([
      [entry?.id, 'failed', 'not_approved'],
    ]);
    expect(notApproved[0]?.error?.message).toMatch(
      /^Not published: the entry was not approved by its time 2026-11-22T13:00:00.000Z; it was still awaiting approval \(approval was asked by ana\)/,
    );
    expect(world.xPosts()).toEqual([]);
    expect(names(scheduler)).toContain('not-approved');
    // Too late to approve now.
    await expect(scheduler.approve(entry?.id ?? '', { by: 'client' })).rejects.toThrow(/is failed/);
  });

  it('fails a due draft as not approved too, and lets it be planned again for later', async () => {
    const scheduler = world.scheduler();
    const [draft] = await scheduler.schedule({ text: 'Forgotten draft' }, [world.xTarget], at, {
      draft: true,
    });
    world.time.set(at.getTime());
    expect((await scheduler.tick()).notApproved[0]?.error?.message).toMatch(/it was still a draft/);
    const again = await scheduler.reschedule(draft?.id ?? '', new Date(at.getTime() + HOUR));
    expect(again.status).toBe('draft');
    expect(again.error).toBeUndefined();
  });

  it('lets one of two concurrent decisions win', async () => {
    const one = world.scheduler();
    const two = world.scheduler();
    const [entry] = await one.schedule({ text: 'Contested' }, [world.xTarget], at, { approval: 'required' });
    const decisions = await Promise.allSettled([
      one.approve(entry?.id ?? '', { by: 'client' }),
      two.reject(entry?.id ?? '', { by: 'legal', note: 'No' }),
    ]);
    expect(decisions.map((d) => d.status).sort()).toEqual(['fulfilled', 'rejected']);
    const stored = await one.get(entry?.id ?? '');
    expect(['scheduled', 'rejected']).toContain(stored?.status);
  });
});
