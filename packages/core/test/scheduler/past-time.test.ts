import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { HOUR, MINUTE, START, useWorld } from './support/world.js';

const world = useWorld();
const DAY = 24 * HOUR;

describe('scheduler: a time already past', () => {
  it('refuses a time 3 days ago, saying how late and what to give instead, and publishes nothing', async () => {
    const scheduler = world.scheduler();
    const error = await refusal(() =>
      scheduler.schedule({ text: 'Happy Monday' }, [world.xTarget], new Date(START - 3 * DAY)),
    );
    expect(error.problems.map((problem) => [problem.path, problem.rule])).toEqual([
      [['when'], 'schedule.when_past'],
    ]);
    expect(error.problems[0]?.message).toContain('3 d in the past');
    expect(error.hint).toContain("'next-slot'");
    expect(await scheduler.list()).toEqual([]);
    await scheduler.tick();
    expect(world.xPosts()).toEqual([]);
  });

  it('refuses a wall time in the past too', async () => {
    const scheduler = world.scheduler();
    await refusal(() =>
      scheduler.schedule({ text: 'Happy Monday' }, [world.xTarget], {
        at: '2026-11-16T09:00',
        zone: 'Europe/Berlin',
      }),
    );
  });

  it('takes a time a moment ago (within 5 minutes) and publishes it at the next round', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Now' }, [world.xTarget], new Date(START - 2 * MINUTE));
    expect(entry?.status).toBe('scheduled');
    expect((await scheduler.tick()).finished.map((e) => e.status)).toEqual(['published']);
  });

  it('with maxLatenessMs, refuses what the policy would skip as missed and takes what it would publish', async () => {
    const scheduler = world.scheduler({ maxLatenessMs: HOUR });
    const error = await refusal(() =>
      scheduler.schedule({ text: 'Too late' }, [world.xTarget], new Date(START - 2 * HOUR)),
    );
    expect(error.problems[0]?.message).toContain('maxLatenessMs of 1 h');
    const [entry] = await scheduler.schedule(
      { text: 'Late' },
      [world.xTarget],
      new Date(START - 30 * MINUTE),
    );
    expect(entry?.status).toBe('scheduled');
  });

  it('refuses to move an entry to a time already past', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Later' }, [world.xTarget], new Date(START + HOUR));
    await refusal(() => scheduler.reschedule(entry?.id ?? '', new Date(START - DAY)));
    expect((await scheduler.get(entry?.id ?? ''))?.publishAt).toEqual(new Date(START + HOUR));
  });

  it('keeps a recurrence whose start is past: its first occurrence is the next one to come', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule({ text: 'Weekly tip' }, [world.xTarget], {
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      start: { at: '2026-11-02T09:00', zone: 'Europe/Berlin' },
    });
    expect(entry?.publishAt).toEqual(new Date('2026-11-23T08:00:00Z'));
  });
});
