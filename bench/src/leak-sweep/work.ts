/**
 * What a probe makes an adapter do, and everything a user sees of it: publishing a post (once
 * through `adapter.publish`, once through the publisher, whose outcome and every event are kept)
 * and the adapter's other calls (metrics, engagement, replies, deletes, reconciliation reads),
 * each on a post published first.
 */
import type {
  Adapter,
  Post,
  PostRef,
  PublishResult,
  RequestContext,
  Target,
  TokenProvider,
} from '@smmkit/core';
import { createPublisher, PUBLISHER_EVENT_NAMES } from '@smmkit/core/publisher';
import type { Artifact } from './inspect-artifact.ts';
import { type ProbeWorld, postFor } from './probe-world.ts';

/** An adapter call other than publish, made on a post published first. */
export interface AdapterCall {
  /** The method, for the report (`getPostMetrics`). */
  readonly name: keyof Adapter;
  /** Calls it (only when the adapter has it). */
  readonly call: (adapter: Adapter, ref: PostRef, context: RequestContext) => Promise<unknown> | undefined;
}

/** A probe's work. */
export type Work =
  | { readonly kind: 'publish'; readonly label: string; readonly post: Post }
  | { readonly kind: 'call'; readonly label: string; readonly post: Post; readonly call: AdapterCall };

/** The token providers a probe uses; a fresh one per channel, so a latched failure of one does not hide the other. */
export interface ProbeTokens {
  /** The provider of the account. */
  readonly provider: () => TokenProvider;
  /** The publisher's `tokens` option, when the probe replaces it. */
  readonly publisherOption?: ((target: Target) => TokenProvider) | undefined;
}

/** Every adapter call the sweep makes besides publish. */
export const ADAPTER_CALLS: readonly AdapterCall[] = [
  { name: 'getPostMetrics', call: (adapter, ref, context) => adapter.getPostMetrics?.([ref], context) },
  { name: 'getAccountMetrics', call: (adapter, _ref, context) => adapter.getAccountMetrics?.(context) },
  {
    name: 'listEngagements',
    call: (adapter, _ref, context) => {
      const pages = adapter.listEngagements?.({}, context);
      return pages === undefined ? undefined : firstPage(pages);
    },
  },
  {
    name: 'findRecentPosts',
    call: (adapter, _ref, context) =>
      adapter.findRecentPosts?.(
        { since: new Date((context.clock?.now() ?? Date.now()) - 3_600_000) },
        context,
      ),
  },
  { name: 'reply', call: (adapter, ref, context) => adapter.reply?.(ref, 'Thanks!', context) },
  { name: 'delete', call: (adapter, ref, context) => adapter.delete?.(ref, context) },
];

/** The calls of {@link ADAPTER_CALLS} `adapter` has. */
export function callsOf(adapter: Adapter): AdapterCall[] {
  return ADAPTER_CALLS.filter((call) => typeof adapter[call.name] === 'function');
}

async function firstPage(pages: AsyncIterable<unknown>): Promise<unknown> {
  for await (const page of pages) return page;
  return undefined;
}

/**
 * Does `work` on `world`, calling `arm` when the probed step is next (at once for a publish,
 * after the setup publish for another call), and returns what a user sees.
 */
export async function runWork(
  world: ProbeWorld,
  work: Work,
  tokens: ProbeTokens,
  arm: () => void,
): Promise<Artifact[]> {
  const adapter = world.simulated.adapter;
  const account = { platform: world.platform.id, accountId: world.simulated.accountId };
  const context = (): RequestContext => ({ account, tokens: tokens.provider(), clock: world.clock });
  const artifacts: Artifact[] = [];

  if (work.kind === 'call') {
    let published: PublishResult;
    try {
      published = await adapter.publish(postFor(world, work.post), context());
    } catch (error) {
      // Nothing to call the method on; what the failed setup shows a user is still looked at.
      return [{ label: 'adapter.publish (setup) threw', root: 'error', value: error }];
    }
    arm();
    try {
      const returned = await work.call.call(adapter, published.ref, context());
      artifacts.push({ label: `adapter.${work.call.name} returned`, root: 'result', value: returned });
    } catch (error) {
      artifacts.push({ label: `adapter.${work.call.name} threw`, root: 'error', value: error });
    }
    return artifacts;
  }

  arm();
  try {
    const result = await adapter.publish(postFor(world, work.post), context());
    artifacts.push({ label: 'adapter.publish returned', root: 'result', value: result });
  } catch (error) {
    artifacts.push({ label: 'adapter.publish threw', root: 'error', value: error });
  }

  const provider = tokens.provider();
  const publisher = createPublisher({
    adapters: [adapter],
    tokens: tokens.publisherOption ?? (() => provider),
    clock: world.clock,
    retry: { random: () => 0.5 },
  });
  const counts = new Map<string, number>();
  for (const name of PUBLISHER_EVENT_NAMES) {
    publisher.events.on(name, (payload: unknown) => {
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      artifacts.push({ label: `publisher event ${name} #${count}`, root: 'event', value: payload });
    });
  }
  try {
    const outcomes = await publisher.publish(work.post, [world.target(work.post)]);
    for (const outcome of outcomes)
      artifacts.push({ label: 'publisher outcome', root: 'outcome', value: outcome });
  } catch (error) {
    artifacts.push({ label: 'publisher.publish rejected', root: 'error', value: error });
  }
  await publisher.shutdown();
  return artifacts;
}
