import type { EventEmitter } from 'eventemitter3';
import { isolatedEmitter, type ListenerErrorEvent } from '../events/isolated-emitter.js';
import type { EngagementRef, InboxItem } from './inbox-item.js';
import type { InboxSource } from './inbox-store.js';
import type { InboxAlert } from './listening/rules.js';

/** An engagement reached the inbox for the first time. */
export interface EngagementEvent {
  /** The item as stored (`new`). */
  readonly item: InboxItem;
  /** How it came: a round of polling, or `ingest` (a webhook). */
  readonly via: 'poll' | 'ingest';
}

/** Something failed in the inbox's background work; the work goes on. */
export interface InboxErrorEvent {
  /** What was thrown (a smmkit error for the platform's refusals). */
  readonly error: unknown;
  /**
   * What was being done: polling a listing (`poll`: the listing failed, or, with `item`, one item
   * of a page was not a valid engagement and was skipped while the rest of the page and the
   * cursor were stored: this event is the only sign of it), running the rules (one rule failed:
   * the other rules' alerts still go out), a round of the poll loop, an `engagement` or `alert`
   * listener of the app that threw or returned a promise that rejected (the other listeners, the
   * later items and the rules still run), or recording what
   * an action did on the platform (the action was done and its result returned; the item, named in
   * `item`, is left as it was, so its status and response time miss it), or forgetting old
   * seen ids (`keepSeenIdsMs`; tried again at the next poll or ingest).
   */
  readonly during: 'poll' | 'rules' | 'loop' | 'listener' | 'record' | 'forget';
  /** The listing being polled, for `poll`. */
  readonly source?: InboxSource | undefined;
  /**
   * The item the action was on, for `record`; for `poll`, the invalid item that was skipped,
   * when it has a readable id (`error` is then a `ValidationError` naming what is wrong with it,
   * never its payload).
   */
  readonly item?: EngagementRef | undefined;
}

/**
 * The inbox's events and their payloads. No payload ever holds a token.
 *
 * @example
 * ```ts
 * inbox.events.on('engagement', ({ item }) => console.log(item.platform, item.text));
 * inbox.events.on('alert', (alert) => { if (alert.type === 'spike') page(alert.account, alert.engagements); });
 * inbox.events.on('error', ({ error, source }) => log(source?.platform, error));
 * ```
 */
export interface InboxEvents {
  /** A new engagement was stored. */
  engagement: (event: EngagementEvent) => void;
  /** A listening rule matched new engagements. */
  alert: (alert: InboxAlert) => void;
  /** Polling a listing, the rules, a listener or recording an action failed; the inbox goes on. */
  error: (event: InboxErrorEvent) => void;
}

/** Every event, as a record so the compiler checks the list below misses none and invents none. */
const EVENTS: { readonly [name in keyof InboxEvents]: true } = { engagement: true, alert: true, error: true };

/**
 * The name of every event in {@link InboxEvents}, in the order declared there.
 *
 * @example
 * ```ts
 * for (const name of INBOX_EVENT_NAMES) inbox.events.on(name, (payload) => log(name, payload));
 * ```
 */
export const INBOX_EVENT_NAMES = Object.keys(EVENTS) as readonly (keyof InboxEvents)[];

/** The typed emitter the inbox exposes as `events`. */
export type InboxEventEmitter = EventEmitter<InboxEvents>;

/** The inbox's events and the `listener-error` the isolated emitter reports a throwing listener on. */
type GuardedInboxEvents = InboxEvents & { 'listener-error': (event: ListenerErrorEvent) => void };

/**
 * A new typed emitter for {@link InboxEvents} whose listeners run each on its own: one that
 * throws (or whose promise rejects) is handed to `onListenerError`, and the other listeners
 * still get the event. A throwing `error` listener has nowhere left to go and is left alone.
 *
 * @param onListenerError - told what an `engagement` or `alert` listener threw
 * @returns the emitter
 */
export function createInboxEvents(onListenerError: (error: unknown) => void): InboxEventEmitter {
  const emitter = isolatedEmitter<GuardedInboxEvents>();
  // The isolated emitter reports on `listener-error`, which the inbox does not have: take the
  // report before it becomes an event, so no app listener (nor `removeAllListeners`) sees or drops it.
  const loose = emitter as unknown as { emit(event: string | symbol, ...args: unknown[]): boolean };
  const emit = loose.emit.bind(emitter);
  loose.emit = (event, ...args) => {
    if (event !== 'listener-error') return emit(event, ...args);
    const report = args[0] as ListenerErrorEvent;
    if (report.event !== 'error') onListenerError(report.error);
    return true;
  };
  return emitter as unknown as InboxEventEmitter;
}
