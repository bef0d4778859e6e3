import { ValidationError } from '../errors/validation-error.js';
import { parseEngagement } from '../parse/parse-models.js';
import { act, storedItem } from './actions.js';
import { createInboxEvents, type InboxErrorEvent } from './events.js';
import { checkFilterKeys } from './filter-keys.js';
import type { Inbox, InboxFilter, PollFailure, PollResult, PollSkip } from './inbox-api.js';
import type { EngagementRef, InboxItem, InboxItemPatch } from './inbox-item.js';
import { type InboxAccount, type InboxOptions, resolveInboxOptions } from './inbox-options.js';
import type { InboxQuery, InboxSource } from './inbox-store.js';
import { createListener } from './listening/listener.js';
import type { InvalidPageItem } from './page-items.js';
import { type PollTarget, pollSource } from './poll-source.js';
import { seenIdsJanitor } from './seen-ids-janitor.js';
import { slaLogOf } from './sla-log.js';
import { takeEdits } from './take-edits.js';
import { refuseAfterUncertainReply } from './uncertain-reply.js';

/** Items read from the store per call by {@link Inbox.items}. */
const PAGE = 100;

/**
 * Makes an {@link Inbox}.
 *
 * @param options - adapters, publisher, accounts, store, rules; see {@link InboxOptions}
 * @returns the inbox (not polling until `start()`)
 * @throws ValidationError for two adapters of one platform, an account without adapter (in an
 *   `accounts` list), a bad number or a bad rule
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
  /** An `error` event; a throwing `error` listener has nowhere else to go, so it is left alone. */
  const reportError = (event: InboxErrorEvent): void => {
    try {
      events.emit('error', event);
    } catch {
      // The app's own error listener threw.
    }
  };
  // Each listener runs on its own: one that throws is reported and the others still get the event.
  const events = createInboxEvents((error) => reportError({ error, during: 'listener' }));
  const listener = createListener(
    settings.rules,
    settings.sentiment,
    store,
    () => clock.now(),
    (error) => reportError({ error, during: 'rules' }),
  );
  const janitor = seenIdsJanitor(store, clock, settings.keepSeenIdsMs, (error) =>
    reportError({ error, during: 'forget' }),
  );
  const actions = {
    store,
    publisher: settings.publisher,
    adapters: settings.adapters,
    clock,
    onRecordFailed: (error: unknown, item: EngagementRef) => reportError({ error, during: 'record', item }),
  };
  let round: Promise<PollResult> | undefined;
  let loop: Promise<void> | undefined;
  let stopper: AbortController | undefined;
  /** Settles when every loop `stop()` aborted has returned (the loops never reject). */
  let windingDown: Promise<void> = Promise.resolve();

  const now = (): Date => new Date(clock.now());

  const afterAdded = async (items: readonly InboxItem[], via: 'poll' | 'ingest'): Promise<void> => {
    for (const item of items) events.emit('engagement', { item, via });
    // A rule that fails is reported by the listener; the other rules' alerts still go out.
    for (const alert of await listener.evaluate(items)) events.emit('alert', alert);
  };

  const targets = (accounts: readonly InboxAccount[]): PollTarget[] =>
    accounts.flatMap((account) => {
      const adapter = settings.adapters.get(account.platform);
      if (adapter === undefined) return [];
      const { platform, accountId } = account;
      const kinds = account.kinds === undefined ? {} : { kinds: account.kinds };
      const listings: PollTarget[] = [];
      const listEngagements = adapter.listEngagements?.bind(adapter);
      if (listEngagements !== undefined) {
        listings.push({
          source: { platform, accountId, source: 'account' },
          operation: 'engagement',
          list: (page, context) => listEngagements({ ...kinds, ...page }, context),
        });
        for (const platformPostId of account.posts ?? []) {
          const post = { platform, accountId, platformPostId };
          listings.push({
            source: { platform, accountId, source: `post:${platformPostId}` },
            operation: 'engagement',
            list: (page, context) => listEngagements({ ...kinds, post, ...page }, context),
          });
        }
      }
      const searchMentions = adapter.searchMentions?.bind(adapter);
      const terms = account.search;
      if (searchMentions !== undefined && terms !== undefined) {
        listings.push({
          // The terms name the listing: other terms are another search, read from the start.
          source: { platform, accountId, source: `search:${JSON.stringify(terms)}` },
          operation: 'search',
          list: (page, context) => searchMentions({ terms, ...page }, context),
        });
      }
      return listings;
    });

  async function pollOnce(signal: AbortSignal | undefined): Promise<PollResult> {
    janitor.tick();
    const added: InboxItem[] = [];
    const failures: PollFailure[] = [];
    const skipped: PollSkip[] = [];
    const byAccount = new Map<string, PollTarget[]>();
    for (const target of targets(await settings.accounts())) {
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
      // Skipped so the rest of the page is stored: the result and the event tell the app.
      onInvalid: (source: InboxSource, { error, item }: InvalidPageItem) => {
        const skip = { error, source, ...(item === undefined ? {} : { item }) };
        skipped.push(skip);
        reportError({ ...skip, during: 'poll' });
      },
    };
    await Promise.all(
      [...byAccount.values()].map(async (accountTargets) => {
        for (const target of accountTargets) {
          try {
            await pollSource(target, context);
          } catch (error) {
            failures.push({ source: target.source, error });
            if (signal?.aborted !== true) reportError({ error, during: 'poll', source: target.source });
          }
        }
      }),
    );
    return { added, failures, skipped };
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
    items: (filter = {}) => {
      checkFilterKeys(filter);
      return readItems(filter);
    },
    get: (ref) => store.get({ platform: ref.platform, accountId: ref.accountId, id: ref.id }),
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
            reportError({ error, during: 'loop' });
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
      // Cleared before waiting, so a `start()` while the loop winds down starts a new one; every
      // `stop()` waits for every loop stopped so far, a second call too.
      stopper?.abort();
      if (loop !== undefined) windingDown = Promise.all([windingDown, loop]).then(() => undefined);
      loop = undefined;
      stopper = undefined;
      await windingDown;
      await janitor.idle();
    },
    async ingest(engagements) {
      const parsed = [...engagements].map(parseEngagement);
      const inbound = parsed.filter((item) => item.author.id !== item.accountId);
      const receivedAt = now();
      janitor.tick();
      const added = await store.add(inbound, { receivedAt });
      // Events and rules first: if taking the edits fails, the caller's retry finds the new items
      // stored and `add` returns nothing for them, so after the edits they would never be told.
      if (added.length > 0) await afterAdded(added, 'ingest');
      // A platform delivers an edit with the same id and the new text: the kept item takes it.
      await takeEdits(store, inbound, added, receivedAt);
      return added;
    },
    async reply(ref, text, replyOptions = {}) {
      const { result, item } = await act(
        actions,
        ref,
        'engagement.reply',
        (adapter) => {
          const send = adapter.reply?.bind(adapter);
          return send && ((engagement, context) => send(engagement, text, context));
        },
        (at) => ({
          status: 'replied',
          statusFrom: ['new', 'seen'],
          firstResponseAt: at,
          uncertainReply: null,
        }),
        {
          // A reply whose answer was lost may be posted: the next reply, from this process or
          // another, is refused until someone has looked (nothing reconciles replies).
          check: (stored) => refuseAfterUncertainReply(stored, replyOptions),
          ambiguous: (at) => ({ uncertainReply: { at, text } }),
        },
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
    like: (ref) => likeAs(ref, true),
    unlike: (ref) => likeAs(ref, false),
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
      checkFilterKeys(filter);
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

  async function likeAs(ref: EngagementRef, liked: boolean): Promise<InboxItem> {
    const { item } = await act(
      actions,
      ref,
      'engagement.like',
      (adapter) => {
        const setLiked = adapter.like?.bind(adapter);
        return setLiked && ((engagement, context) => setLiked(engagement, liked, context));
      },
      () => ({}),
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
