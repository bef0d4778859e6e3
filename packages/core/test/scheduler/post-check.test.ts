import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createXAdapter } from '@smmkit/adapter-x';
import { describe, expect, it } from 'vitest';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import type { Target } from '../../src/models/target.js';
import { createPublisher, type Publisher } from '../../src/publisher/publisher.js';
import { createScheduler } from '../../src/scheduler/scheduler.js';
import { refusal } from './support/refusal.js';
import { HOUR, START, useWorld } from './support/world.js';

const world = useWorld();
const at = new Date(START + HOUR);
const tooLongForX = { text: 'a'.repeat(400) };
const instagram: Target = { platform: 'instagram', accountId: '17841400000000001' };

describe('scheduler: a post no target can take is refused when it is planned', () => {
  it('refuses a 400-character X post with the ValidationError publish gives, and stores nothing', async () => {
    const scheduler = world.scheduler();
    const error = await refusal(() => scheduler.schedule(tooLongForX, [world.xTarget], at));

    // The same refusal publish() gives for that target, before anything is sent.
    const publisher = createPublisher({
      adapters: [createXAdapter({ baseUrl: world.x.baseUrl, fetch: world.clock.fetch })],
      tokens: () => staticTokenProvider('unused'),
      clock: world.clock,
    });
    const [outcome] = await publisher.publish(tooLongForX, [world.xTarget]);
    expect(outcome?.status).toBe('failed');
    expect(error.message).toBe(outcome?.status === 'failed' ? outcome.error.message : '');
    expect(error.problems.map((problem) => problem.rule)).toContain('text.max_length');

    expect(await scheduler.list()).toEqual([]);
    world.time.set(at.getTime());
    await scheduler.tick();
    expect(world.xPosts()).toEqual([]);
  });

  it('refuses a text-only Instagram post and a draft too (a draft cannot be edited later)', async () => {
    const scheduler = world.scheduler({ adapters: [createInstagramAdapter()] });
    const error = await refusal(() => scheduler.schedule({ text: 'No picture' }, [instagram], at));
    expect(error.platform).toBe('instagram');
    await refusal(() => scheduler.schedule(tooLongForX, [world.xTarget], at, { draft: true }));
    expect(await scheduler.list()).toEqual([]);
  });

  it('names every target that refuses the post at once, each under its place in targets', async () => {
    const scheduler = world.scheduler({ adapters: [createInstagramAdapter()] });
    const error = await refusal(() =>
      scheduler.schedule(tooLongForX, [world.mastodonTarget, world.xTarget, instagram], at),
    );
    const places = new Set(error.problems.map((problem) => problem.path.slice(0, 2).join('.')));
    expect([...places]).toEqual(['targets.1', 'targets.2']);
    expect(await scheduler.list()).toEqual([]);
  });

  it('checks again at approve: an entry stored unchecked that X refuses is not approved', async () => {
    // Planned through a publisher that cannot check posts (written by hand, or an older version).
    const { check: _unused, ...unchecking } = createPublisher({
      adapters: [],
      tokens: () => staticTokenProvider('unused'),
      clock: world.clock,
    });
    const planner = createScheduler({
      store: world.store(),
      publisher: unchecking as Publisher,
      clock: world.clock,
    });
    const [entry] = await planner.schedule(tooLongForX, [world.xTarget], at, {
      approval: 'required',
      by: 'ana',
    });
    expect(entry?.status).toBe('awaiting_approval');

    const scheduler = world.scheduler();
    const error = await refusal(() => scheduler.approve(entry?.id ?? '', { by: 'client' }));
    expect(error.problems.map((problem) => problem.rule)).toContain('text.max_length');
    expect((await scheduler.get(entry?.id ?? ''))?.status).toBe('awaiting_approval');
  });
});
