import { type FastForwardClock, fastForwardClock, manualClock } from '@smmkit/testkit';
import type { Adapter } from '../../../src/adapter/adapter.js';
import type { Capabilities } from '../../../src/adapter/capabilities.js';
import type { AdapterDefinition } from '../../../src/adapter/define-adapter.js';
import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import { PUBLISHER_EVENT_NAMES } from '../../../src/publisher/events.js';
import type { PublisherOptions } from '../../../src/publisher/options.js';
import type { PublishOutcome } from '../../../src/publisher/outcome.js';
import { createPublisher, type Publisher } from '../../../src/publisher/publisher.js';
import { fakeAdapter, fakeCapabilities } from '../../fixtures/capabilities.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** The token every fake account uses: it must never show up in an event. */
export const SECRET_TOKEN = 'tok-SECRET-abc123';

/** A publisher over one fake adapter, on fast-forwarded simulated time, recording every event in order. */
export interface FakeWorld {
  readonly clock: FastForwardClock;
  readonly publisher: Publisher;
  /** Event names and payloads, in the order they were emitted. */
  readonly events: { readonly name: string; readonly payload: unknown }[];
}

/** Capabilities of the fake platform with changes. */
export function capabilities(changes: Partial<Capabilities>): Capabilities {
  return { ...fakeCapabilities, ...changes };
}

/**
 * Makes the world: `adapter` changes the fake adapter, `options` the publisher. Jitter is fixed
 * (`random` → 0.5) so delays are exact.
 */
export function fakeWorld(
  adapter: Partial<AdapterDefinition<unknown>> | Adapter[] = {},
  options: Partial<PublisherOptions> = {},
): FakeWorld {
  const clock = fastForwardClock(manualClock(START));
  const adapters = Array.isArray(adapter) ? adapter : [fakeAdapter(adapter)];
  const publisher = createPublisher({
    adapters,
    tokens: () => staticTokenProvider(SECRET_TOKEN),
    clock,
    ...options,
    retry: { random: () => 0.5, ...options.retry },
  });
  const events: { name: string; payload: unknown }[] = [];
  for (const name of PUBLISHER_EVENT_NAMES) {
    publisher.events.on(name, (payload: unknown) => events.push({ name, payload }));
  }
  return { clock, publisher, events };
}

/** The one outcome of a one-target publish. */
export function only(outcomes: readonly PublishOutcome[]): PublishOutcome {
  const [first, ...rest] = outcomes;
  if (first === undefined || rest.length > 0) throw new Error(`expected one outcome, got ${outcomes.length}`);
  return first;
}

/** A promise with its resolve function, to hold an adapter call open. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
