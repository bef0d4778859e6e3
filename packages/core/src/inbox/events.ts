import { EventEmitter } from 'eventemitter3';
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
   * What was being done: polling a listing, running the rules, a round of the poll loop, an
   * `engagement` or `alert` listener of the app (the later items and the rules still run; as with
   * any event emitter, listeners added after the one that threw miss that item), or recording what
   * an action did on the platform (the action was done and its result returned; the item, named in
   * `item`, is left as it was, so its status and response time miss it), or forgetting old
   * seen ids (`keepSeenIdsMs`; tried again at the next poll or ingest).
   */
  readonly during: 'poll' | 'rules' | 'loop' | 'listener' | 'record' | 'forget';
  /** The listing being polled, for `poll`. */
  readonly source?: InboxSource | undefined;
  /** The item the action was on, for `record`. */
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

/**
 * A new typed emitter for {@link InboxEvents}.
 *
 * @returns the emitter
 */
export function createInboxEvents(): InboxEventEmitter {
  return new EventEmitter<InboxEvents>();
}
