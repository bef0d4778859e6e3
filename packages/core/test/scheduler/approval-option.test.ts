import { describe, expect, it } from 'vitest';
import { refusal } from './support/refusal.js';
import { HOUR, START, useWorld } from './support/world.js';

const world = useWorld();
const at = new Date(START + HOUR);

describe('scheduler: approval option values', () => {
  it("refuses approval: true instead of publishing the entry unreviewed, and shows approval: 'required'", async () => {
    const scheduler = world.scheduler();
    const error = await refusal(() =>
      scheduler.schedule({ text: 'For the client' }, [world.xTarget], at, { approval: true as never }),
    );
    expect(error.problems.map((problem) => [problem.path, problem.rule])).toEqual([
      [['approval'], 'schedule.approval'],
    ]);
    expect(error.problems[0]?.message).toContain('not true');
    expect(error.hint).toContain("approval: 'required'");

    // Nothing was planned, so nothing goes out when the time comes.
    expect(await scheduler.list()).toEqual([]);
    world.time.set(at.getTime());
    await scheduler.tick();
    expect(world.xPosts()).toEqual([]);
  });

  it('refuses any other approval value and a draft that is not a boolean, every problem at once', async () => {
    const scheduler = world.scheduler();
    const error = await refusal(() =>
      scheduler.schedule({ text: 'For the client' }, [world.xTarget], at, {
        approval: 'yes' as never,
        draft: 'true' as never,
      }),
    );
    expect(error.problems.map((problem) => problem.path)).toEqual([['approval'], ['draft']]);
    expect(await scheduler.list()).toEqual([]);
  });

  it("still takes approval: 'required' and no approval at all", async () => {
    const scheduler = world.scheduler();
    const [waiting] = await scheduler.schedule({ text: 'Review me' }, [world.xTarget], at, {
      approval: 'required',
      by: 'ana',
    });
    const [planned] = await scheduler.schedule({ text: 'Go' }, [world.mastodonTarget], at, {
      approval: undefined,
    });
    expect([waiting?.status, planned?.status]).toEqual(['awaiting_approval', 'scheduled']);
  });
});
