import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import type { Target } from '../../src/models/target.js';
import { fakeAdapter, fakeCapabilities } from '../fixtures/capabilities.js';
import { doomedWorker } from './support/crash.js';
import { HOUR, MINUTE, names, START, useWorld } from './support/world.js';

const world = useWorld();
const page: Target = { platform: 'fake', accountId: 'page-1' };
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;

/**
 * A platform that holds posts for later, with Facebook's window for scheduled Page posts: 10
 * minutes to 30 days ahead (scheduled_publish_time,
 * https://developers.facebook.com/docs/pages-api/posts).
 */
function schedulingPlatform() {
  let made = 0;
  const publish = vi.fn<Publish>(async (_checked, ctx) => {
    made += 1;
    return {
      ref: { platform: 'fake', accountId: 'page-1', platformPostId: `post-${made}` },
      scheduledFor: ctx.scheduledFor,
      warnings: [],
    };
  });
  const adapter = fakeAdapter({
    publish,
    capabilities: {
      ...fakeCapabilities,
      nativeScheduling: { minLeadSeconds: 600, maxLeadSeconds: 30 * 86_400 },
    },
  });
  return { publish, adapter };
}

describe('scheduler: native scheduling', () => {
  it('hands a native entry to the platform at once, to go live at its time, and never publishes it again', async () => {
    const { publish, adapter } = schedulingPlatform();
    const scheduler = world.scheduler({ adapters: [adapter] });
    const [entry] = await scheduler.schedule({ text: 'Goes live at 13:00' }, [page], new Date(START + HOUR), {
      native: true,
    });
    expect(publish.mock.calls[0]?.[1].scheduledFor).toEqual(new Date(START + HOUR));
    expect(entry?.status).toBe('published');
    expect(entry?.native).toBe(true);
    expect(entry?.results?.[0]).toMatchObject({ status: 'published', scheduledFor: new Date(START + HOUR) });
    expect(names(scheduler)).toEqual(['scheduled', 'published']);

    world.time.set(START + HOUR);
    expect((await scheduler.tick()).claimed).toEqual([]);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('hands an entry over when it is approved, not before', async () => {
    const { publish, adapter } = schedulingPlatform();
    const scheduler = world.scheduler({ adapters: [adapter] });
    const [entry] = await scheduler.schedule({ text: 'Needs a yes' }, [page], new Date(START + HOUR), {
      native: true,
      approval: 'required',
    });
    expect(entry?.status).toBe('awaiting_approval');
    expect(publish).not.toHaveBeenCalled();
    const approved = await scheduler.approve(entry?.id ?? '', { by: 'client' });
    expect(approved.status).toBe('published');
    expect(approved.approval?.decidedBy).toBe('client');
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('fails a native entry for a platform without native scheduling, saying what to do', async () => {
    const scheduler = world.scheduler();
    const [entry] = await scheduler.schedule(
      { text: 'X cannot hold it' },
      [world.xTarget],
      new Date(START + HOUR),
      {
        native: true,
      },
    );
    expect(entry?.status).toBe('failed');
    expect(entry?.results?.[0]?.error?.code).toBe('unsupported_capability');
    expect(entry?.results?.[0]?.error?.message).toMatch(/publish without scheduledFor at the time instead/);
    expect(world.xPosts()).toEqual([]);
  });

  it("fails a native entry whose time is inside the platform's minimum lead", async () => {
    const { publish, adapter } = schedulingPlatform();
    const scheduler = world.scheduler({ adapters: [adapter] });
    const [entry] = await scheduler.schedule({ text: 'Too soon' }, [page], new Date(START + 5 * MINUTE), {
      native: true,
    });
    expect(entry?.status).toBe('failed');
    expect(entry?.error?.message).toMatch(
      /is 5 min from now; fake schedules posts from 10 min to 30 days ahead/,
    );
    expect(publish).not.toHaveBeenCalled();
  });

  it('does not leave a post the platform holds marked cancelled by another process during the hand-off', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { publish, adapter } = schedulingPlatform();
    const held = publish.getMockImplementation();
    publish.mockImplementation(async (checked, ctx) => {
      await gate;
      if (held === undefined) throw new Error('no platform');
      return held(checked, ctx);
    });
    const planner = world.scheduler({ adapters: [adapter] });
    const other = world.scheduler({ adapters: [adapter] });
    const planning = planner.schedule({ text: 'Launch' }, [page], new Date(START + HOUR), {
      native: true,
      id: 'n1',
    });
    await vi.waitFor(() => expect(publish).toHaveBeenCalled());
    expect((await other.cancel('n1')).status).toBe('cancelled');
    release();
    const [entry] = await planning;
    expect(entry?.status).toBe('published');
    expect(entry?.results?.[0]?.scheduledFor).toEqual(new Date(START + HOUR));
    expect((await world.store().get('n1'))?.status).toBe('published');
    expect(names(planner)).toContain('published');
  });

  it('does not hand off an entry another process cancelled before the hand-off started', async () => {
    const { publish, adapter } = schedulingPlatform();
    const other = world.scheduler({ adapters: [adapter] });
    const store = world.store();
    let cancelFirst = true;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        if (name !== 'get') return value.bind(target);
        return async (id: string) => {
          if (cancelFirst) {
            cancelFirst = false;
            await other.cancel(id);
          }
          return store.get(id);
        };
      },
    });
    const planner = world.scheduler({ adapters: [adapter], store: racing });
    const [entry] = await planner.schedule({ text: 'Launch' }, [page], new Date(START + HOUR), {
      native: true,
    });
    expect(entry?.status).toBe('cancelled');
    expect(publish).not.toHaveBeenCalled();
  });

  it('publishes at its time, without sending again, an entry whose hand-off died before it was written down', async () => {
    const { publish, adapter } = schedulingPlatform();
    // The planning process dies right after the platform took the post, before the entry says so.
    const doomed = doomedWorker(world.store(), world.clock, { afterStoreCall: 'settle' });
    const planner = world.scheduler({ adapters: [adapter], store: doomed.store });
    void planner.schedule({ text: 'Handed off, then a crash' }, [page], new Date(START + HOUR), {
      native: true,
    });
    await vi.waitFor(() => expect(doomed.dead()).toBe(true));
    const [stuck] = await world.store().list();
    expect(stuck?.status).toBe('scheduled');

    const worker = world.scheduler({ adapters: [adapter] });
    world.time.set(START + HOUR);
    const { finished } = await worker.tick();
    expect(finished.map((e) => e.status)).toEqual(['published']);
    expect(finished[0]?.results?.[0]).toMatchObject({
      ref: { platformPostId: 'post-1' },
      scheduledFor: new Date(START + HOUR),
    });
    expect(publish).toHaveBeenCalledTimes(1);
  });
});
