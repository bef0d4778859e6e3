import { ValidationError } from '../errors/validation-error.js';
import type { Engagement, EngagementInput } from '../models/engagement.js';
import { parseEngagement } from '../parse/parse-models.js';
import { act, likeOf, storedItem } from './actions.js';
import { createInboxEvents, type InboxEventEmitter } from './events.js';
import type { EngagementRef, InboxItem, InboxItemPatch } from './inbox-item.js';
import { type InboxOptions, resolveInboxOptions } from './inbox-options.js';
import type { InboxQuery, InboxSource } from './inbox-store.js';
import { createListener } from './listening/listener.js';
import { type PollTarget, pollSource } from './poll-source.js';
import { type InboxSlaLog, slaLogOf } from './sla-log.js';

/** Which items {@link Inbox.items} and {@link Inbox.slaLog} return; every given field narrows them. */
export interface InboxFilter extends Omit<InboxQuery, 'after' | 'limit' | 'deleted'> {
  /** `true`: only items deleted through the inbox; `'any'`: both; default `false` (not deleted). */
  readonly deleted?: boolean | 'any' | undefined;
}

/** A listing that failed in a round of polling (the others went on). */
export interface PollFailure {
  /** The listing. */
  readonly source: InboxSource;
  /** What was thrown; the pages stored before it stay stored and the next round resumes after them. */
  readonly error: unknown;
}

/** What one round of polling did ({@link Inbox.poll}). */
export interface PollResult {
  /** The items added, every account's, in the order stored. */
  readonly added: readonly InboxItem[];
  /** The listings that failed. */
  readonly failures: readonly PollFailure[];
}

/** What {@link Inbox.reply} resolves with. */
export interface InboxReply {
  /** The reply as the platform made it. */
  readonly reply: Engagement;
  /** The item answered, now `replied` (unless it was `resolved`) with its first response time. */
  readonly item: InboxItem;
}

/**
 * One inbox over every account: the comments, replies, mentions and messages of every platform
 * in one store, polled on each account's rate budget or pushed in by webhooks, with actions,
 * triage and listening rules.
 *
 * @example
 * ```ts
 * inbox.events.on('alert', (alert) => notify(alert));
 * await inbox.poll();
 * for await (const item of inbox.items({ statuses: ['new'] })) {
 *   if (item.kind === 'comment') await inbox.reply(item, 'Thanks!');
 * }
 * ```
 */
export interface Inbox {
  /** Typed events: `engagement`, `alert` and `error`; see `InboxEvents`. */
  readonly events: InboxEventEmitter;
  /** The items matching `filter`, newest first, read from the store page by page. */
  items(filter?: InboxFilter): AsyncIterable<InboxItem>;
  /** The item, if the inbox keeps it. */
  get(ref: EngagementRef): Promise<InboxItem | undefined>;
  /**
   * One round of polling: every listing of every account (its own, and each of its `posts`),
   * accounts at once, each account's listings one after another; each page waits its turn in
   * the account's queue. New items are stored, `engagement` events and alerts follow. A listing
   * that fails is reported (and as an `error` event) and the others go on. A second call while
   * one runs gets the running round.
   */
  poll(options?: { readonly signal?: AbortSignal | undefined }): Promise<PollResult>;
  /** Starts polling: a round at once, then one every `pollIntervalMs`. */
  start(): void;
  /** Stops polling: cancels the round under way (what it stored stays) and waits for it. */
  stop(): Promise<void>;
  /**
   * Adds engagements from elsewhere (a webhook's parsed events): checked, stored, deduplicated
   * by platform and id with what polling found, then `engagement` events and rules, as for polled
   * ones. The account's own items are left out.
   *
   * @returns the items added (duplicates left out)
   * @throws ValidationError when an engagement is invalid (nothing of the batch is stored)
   */
  ingest(engagements: Iterable<Engagement | EngagementInput>): Promise<InboxItem[]>;
  /**
   * Replies through the item's adapter, on the account's queue. The item becomes `replied`
   * (unless `resolved`) and keeps its first response time.
   *
   * @throws UnsupportedCapabilityError when the adapter cannot reply; ValidationError when the
   *   item is not in the inbox; the adapter's error when the platform refuses
   */
  reply(ref: EngagementRef, text: string): Promise<InboxReply>;
  /** Hides the item on the platform (X hidden replies, Meta hidden comments). @throws as {@link Inbox.reply} */
  hide(ref: EngagementRef): Promise<InboxItem>;
  /** Shows a hidden item again. @throws as {@link Inbox.reply} */
  unhide(ref: EngagementRef): Promise<InboxItem>;
  /** Deletes the item on the platform; the inbox keeps it with `deletedAt`. @throws as {@link Inbox.reply} */
  delete(ref: EngagementRef): Promise<InboxItem>;
  /** Likes the item, where the adapter can (see `LikeOperation`). @throws as {@link Inbox.reply} */
  like(ref: EngagementRef): Promise<InboxItem>;
  /** Marks a `new` item `seen` (other states stay). */
  markSeen(ref: EngagementRef): Promise<InboxItem>;
  /** Assigns the item to someone, or to nobody with `null`. */
  assign(ref: EngagementRef, assignee: string | null): Promise<InboxItem>;
  /** Adds tags (each kept once). */
  tag(ref: EngagementRef, tags: readonly string[]): Promise<InboxItem>;
  /** Removes tags. */
  untag(ref: EngagementRef, tags: readonly string[]): Promise<InboxItem>;
  /** Marks the item `resolved`, keeping the first resolution time. */
  resolve(ref: EngagementRef): Promise<InboxItem>;
  /**
   * The items matching `filter` and their responses, ready for analytics' `engagementSla`: per
   * account (`accounts`), per assignee (`assignee`) or per period (`from`, `to`).
   */
  slaLog(filter?: InboxFilter): Promise<InboxSlaLog>;
}

/** Items read from the store per call by {@link Inbox.items}. */
const PAGE = 100;

/**
 * Makes an {@link Inbox}.
 *
 * @param options - adapters, publisher, accounts, store, rules; see {@link InboxOptions}
 * @returns the inbox (not polling until `start()`)
 * @throws ValidationError for an account without adapter, a bad number or a bad rule
 *
 * @example
 * ```ts
 * const store = sqliteInboxStore('smm.db');
 * const inbox = createInbox({ adapters, publisher, store, accounts: [{ platform: 'x', accountId: '2244994945' }] });
 * inbox.events.on('engagement', ({ item }) => console.log(item.author.handle, item.text));
 * inbox.start();
 * ```
 */
export function createInbox(options: InboxOptions): Inbox {
  const settings = resolveInboxOptions(options);
  const { store, clock } = settings;
  const events = createInboxEvents();
  const listener = createListener(settings.rules, settings.sentiment, store, () => clock.now());
  const actions = { store, publisher: settings.publisher, adapters: settings.adapters, clock };
  let round: Promise<PollResult> | undefined;
  let loop: Promise<void> | undefined;
  let stopper: AbortController | undefined;

  const now = (): Date => new Date(clock.now());

  const afterAdded = async (items: readonly InboxItem[], via: 'poll' | 'ingest'): Promise<void> => {
    for (const item of items) events.emit('engagement', { item, via });
    try {
      for (const alert of await listener.evaluate(items)) events.emit('alert', alert);
    } catch (error) {
      events.emit('error', { error, during: 'rules' });
    }
  };

  const targets = (): PollTarget[] =>
    settings.accounts.flatMap((account) => {
      const adapter = settings.adapters.get(account.platform);
      if (adapter?.listEngagements === undefined) return [];
      const { platform, accountId } = account;
      const kinds = account.kinds === undefined ? {} : { kinds: account.kinds };
      return [
        { adapter, source: { platform, accountId, source: 'account' }, query: kinds },
        ...(account.posts ?? []).map((platformPostId) => ({
          adapter,
          source: { platform, accountId, source: `post:${platformPostId}` },
          query: { ...kinds, post: { platform, accountId, platformPostId } },
        })),
      ];
    });

  async function pollOnce(signal: AbortSignal | undefined): Promise<PollResult> {
    const added: InboxItem[] = [];
    const failures: PollFailure[] = [];
    const byAccount = new Map<string, PollTarget[]>();
    for (const target of targets()) {
      const key = JSON.stringify([target.source.platform, target.source.accountId]);
      byAccount.set(key, [...(byAccount.get(key) ?? []), target]);
    }
    const publisher = signal === undefined ? settings.publisher : withSignal(settings.publisher, signal);
    const context = {
      store,
      publisher,
      clock,
      lookbackMs: settings.lookbackMs,
      pageSize: settings.pageSize,
      onAdded: async (items: readonly InboxItem[]) => {
        added.push(...items);
        await afterAdded(items, 'poll');
      },
    };
    await Promise.all(
      [...byAccount.values()].map(async (accountTargets) => {
        for (const target of accountTargets) {
          try {
            await pollSource(target, context);
          } catch (error) {
            failures.push({ source: target.source, error });
            if (signal?.aborted !== true)
              events.emit('error', { error, during: 'poll', source: target.source });
          }
        }
      }),
    );
    return { added, failures };
  }

  const poll = (signal: AbortSignal | undefined): Promise<PollResult> => {
    round ??= pollOnce(signal).finally(() => {
      round = undefined;
    });
    return round;
  };

  const change = async (ref: EngagementRef, patch: InboxItemPatch): Promise<InboxItem> => {
    const at = now();
    return (await store.update(ref, patch, at)) ?? storedItem(store, ref);
  };

  return {
    events,
    items: (filter = {}) => readItems(filter),
    get: (ref) => store.get({ platform: ref.platform, id: ref.id }),
    poll: (pollOptions = {}) => poll(pollOptions.signal),
    start() {
      if (loop !== undefined) return;
      stopper = new AbortController();
      const { signal } = stopper;
      loop = (async () => {
        while (!signal.aborted) {
          try {
            await poll(signal);
          } catch (error) {
            events.emit('error', { error, during: 'loop' });
          }
          try {
            await clock.sleep(settings.pollIntervalMs, signal);
          } catch {
            return; // stopped
          }
        }
      })();
    },
    async stop() {
      stopper?.abort();
      await loop;
      loop = undefined;
      stopper = undefined;
    },
    async ingest(engagements) {
      const parsed = [...engagements].map(parseEngagement);
      const inbound = parsed.filter((item) => item.author.id !== item.accountId);
      const added = await store.add(inbound, { receivedAt: now() });
      if (added.length > 0) await afterAdded(added, 'ingest');
      return added;
    },
    async reply(ref, text) {
      const { result, item } = await act(
        actions,
        ref,
        'engagement.reply',
        (adapter) => {
          const send = adapter.reply?.bind(adapter);
          return send && ((engagement, context) => send(engagement, text, context));
        },
        (at) => ({ status: 'replied', statusFrom: ['new', 'seen'], firstResponseAt: at }),
      );
      return { reply: result, item };
    },
    hide: (ref) => moderate(ref, true),
    unhide: (ref) => moderate(ref, false),
    async delete(ref) {
      const { item } = await act(
        actions,
        ref,
        'engagement.delete',
        (adapter) => adapter.deleteEngagement?.bind(adapter),
        (at) => ({ deletedAt: at }),
      );
      return item;
    },
    async like(ref) {
      const { item } = await act(actions, ref, 'engagement.like', likeOf, () => ({}));
      return item;
    },
    markSeen: (ref) => change(ref, { status: 'seen', statusFrom: ['new'] }),
    // async: a bad name rejects, as every other failure of these calls does.
    assign: async (ref, assignee) => {
      if (assignee !== null) requireNames([assignee], 'assignee');
      return change(ref, { assignee });
    },
    tag: async (ref, tags) => change(ref, { addTags: requireNames(tags, 'tags') }),
    untag: async (ref, tags) => change(ref, { removeTags: requireNames(tags, 'tags') }),
    resolve: (ref) => {
      const at = now();
      return change(ref, { status: 'resolved', resolvedAt: at });
    },
    async slaLog(filter = {}) {
      const items: InboxItem[] = [];
      for await (const item of readItems(filter)) items.push(item);
      return slaLogOf(items);
    },
  };

  async function moderate(ref: EngagementRef, hidden: boolean): Promise<InboxItem> {
    const { item } = await act(
      actions,
      ref,
      'engagement.hide',
      (adapter) => {
        const setHidden = adapter.hide?.bind(adapter);
        return setHidden && ((engagement, context) => setHidden(engagement, hidden, context));
      },
      () => ({ hidden }),
    );
    return item;
  }

  async function* readItems(filter: InboxFilter): AsyncGenerator<InboxItem> {
    const { deleted = false, ...rest } = filter;
    const query: InboxQuery = { ...rest, ...(deleted === 'any' ? {} : { deleted }) };
    let after: InboxItem | undefined;
    for (;;) {
      const page = await store.list({ ...query, limit: PAGE, ...(after === undefined ? {} : { after }) });
      yield* page;
      after = page.at(-1);
      if (page.length < PAGE || after === undefined) return;
    }
  }
}

/** The publisher with `signal` on every `run`: stopping the inbox cancels the calls it waits on. */
function withSignal(publisher: InboxOptions['publisher'], signal: AbortSignal): InboxOptions['publisher'] {
  return {
    ...publisher,
    run: (account, operation, task) => publisher.run(account, operation, task, { signal }),
  };
}

/** Checks assignee and tag names: non-empty strings. */
function requireNames(names: readonly string[], field: 'assignee' | 'tags'): readonly string[] {
  const bad = names.findIndex((name) => typeof name !== 'string' || name.trim().length === 0);
  if (bad < 0) return names;
  throw new ValidationError(
    [
      {
        path: field === 'tags' ? [field, bad] : [field],
        rule: `inbox.${field}`,
        message: 'must be a non-empty string',
      },
    ],
    'inbox change',
  );
}
