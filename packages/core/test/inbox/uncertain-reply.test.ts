import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxItem } from '../../src/inbox/inbox-item.js';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { sqliteInboxStore } from '../../src/sqlite/sqlite-inbox-store.js';
import { MINUTE, useInboxWorld } from './support/world.js';

// A reply whose answer was lost may be posted; nothing reconciles replies, so the next reply to
// the item (this process, a restarted one, another) must not go out unless asked for.
const dir = mkdtempSync(join(tmpdir(), 'smmkit-inbox-uncertain-'));
const opened: InboxStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close?.()));
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
let file = '';
const world = useInboxWorld(() => {
  files += 1;
  file = join(dir, `inbox-${files}.db`);
  return sqliteInboxStore(file);
});
/** A second connection to the test's file, as a restarted process opens it. */
const reopen = (): InboxStore => {
  const store = sqliteInboxStore(file);
  opened.push(store);
  return store;
};
const { x, xAna } = world;
const CREATE_TWEET = 'POST /2/tweets';

/** The X replies the simulator holds with this text. */
const postedReplies = (text: string) => x.sim.posts.filter((post) => post.text === text);

/** A polled X mention, and a first reply to it whose answer X's connection lost (it is posted). */
async function mentionWithLostReply(text: string): Promise<InboxItem> {
  x.seedMentions(xAna.accountId, 1);
  const inbox = world.inbox({ accounts: [xAna] });
  await inbox.poll();
  const [mention] = await world.store().list();
  if (mention === undefined) throw new Error('expected the mention in the inbox');
  x.sim.faults.inject({ kind: 'accepted_then_lost', route: CREATE_TWEET });
  world.time.advance(3 * MINUTE);
  const lost = await inbox.reply(mention, text).catch((error: unknown) => error);
  expect(AmbiguousOutcomeError.isInstance(lost)).toBe(true);
  expect(postedReplies(text)).toHaveLength(1);
  return mention;
}

describe('a reply whose answer was lost', () => {
  it('is kept on the item, and the next reply is refused before anything is sent', async () => {
    const mention = await mentionWithLostReply('@fan_1 Sorry, fixing it now');
    const kept = await world.inbox({ accounts: [xAna] }).get(mention);
    expect(kept?.uncertainReply).toEqual({ at: expect.any(Date), text: '@fan_1 Sorry, fixing it now' });
    expect(kept?.status).toBe('new');
    const creates = x.sim.log.forRoute(CREATE_TWEET).length;

    const again = world.inbox({ accounts: [xAna] });
    const refusal = await again
      .reply(mention, '@fan_1 Sorry! Fixing it now')
      .catch((error: unknown) => error);
    expect(ValidationError.isInstance(refusal)).toBe(true);
    const error = refusal as ValidationError;
    expect(error.problems[0]?.rule).toBe('inbox.reply_uncertain');
    expect(error.message).toContain(kept?.uncertainReply?.at.toISOString());
    expect(error.message).toContain('may be on x');
    expect(error.hint).toContain('despiteUncertainReply: true');
    expect(x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(creates);
    expect(postedReplies('@fan_1 Sorry, fixing it now')).toHaveLength(1);
    expect(postedReplies('@fan_1 Sorry! Fixing it now')).toEqual([]);
  });

  it('is refused by a new inbox on the same SQLite file, as after a restart', async () => {
    const mention = await mentionWithLostReply('@fan_1 Refund is on its way');
    const creates = x.sim.log.forRoute(CREATE_TWEET).length;
    const restarted = world.inbox({ accounts: [xAna], store: reopen() });
    // Reworded, as a person running it again would: X's duplicate check would not stop it.
    await expect(restarted.reply(mention, '@fan_1 Your refund is on its way')).rejects.toMatchObject({
      problems: [{ rule: 'inbox.reply_uncertain' }],
    });
    expect(x.sim.log.forRoute(CREATE_TWEET)).toHaveLength(creates);
    expect(postedReplies('@fan_1 Refund is on its way')).toHaveLength(1);
    expect(postedReplies('@fan_1 Your refund is on its way')).toEqual([]);
  });

  it('goes out again when asked for explicitly, and the success clears the record and marks the item replied', async () => {
    const mention = await mentionWithLostReply('@fan_1 Thanks!');
    world.time.advance(5 * MINUTE);
    const restarted = world.inbox({ accounts: [xAna], store: reopen() });
    // The option is what lets it through: without it the same call is refused.
    await expect(restarted.reply(mention, '@fan_1 Thanks, again!')).rejects.toMatchObject({
      problems: [{ rule: 'inbox.reply_uncertain' }],
    });
    expect(postedReplies('@fan_1 Thanks, again!')).toEqual([]);
    const { reply, item } = await restarted.reply(mention, '@fan_1 Thanks, again!', {
      despiteUncertainReply: true,
    });
    expect(x.sim.posts.get(reply.id)).toMatchObject({
      text: '@fan_1 Thanks, again!',
      inReplyToId: mention.id,
    });
    expect(item.uncertainReply).toBeUndefined();
    expect(item.status).toBe('replied');
    const stored = await world.store().get(mention);
    expect(stored?.uncertainReply).toBeUndefined();
    expect(stored?.status).toBe('replied');
    // Cleared: a later reply needs no option.
    await restarted.reply(mention, '@fan_1 One more thing');
    expect(postedReplies('@fan_1 One more thing')).toHaveLength(1);
  });
});
