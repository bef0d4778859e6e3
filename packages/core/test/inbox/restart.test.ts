import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboxStore } from '../../src/inbox/inbox-store.js';
import { sqliteInboxStore } from '../../src/sqlite/sqlite-inbox-store.js';
import { emitted, MINUTE, START, useInboxWorld } from './support/world.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-inbox-restart-'));
const opened: InboxStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close?.()));
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
let file = '';
/** Each test gets its own file; a restarted inbox opens its own connection, as a new process would. */
const world = useInboxWorld(() => {
  files += 1;
  file = join(dir, `inbox-${files}.db`);
  return sqliteInboxStore(file);
});
const reopen = (): InboxStore => {
  const store = sqliteInboxStore(file);
  opened.push(store);
  return store;
};
const MENTIONS = 'GET /2/users/:id/mentions';

describe('an inbox restarted on its SQLite file', () => {
  it('resumes a walk cut short after the last page it stored: nothing twice, nothing skipped', async () => {
    const seeded = world.x.seedMentions(world.xAna.accountId, 6);
    // Two items a page: X's pages of 5 are split; the third request dies (the token is revoked).
    world.x.sim.faults.inject({ kind: 'revoked_token', route: MENTIONS, skip: 2 });
    const first = world.inbox({ accounts: [world.xAna], pageSize: 2 });
    const cut = await first.poll();
    expect(cut.failures).toHaveLength(1);
    expect(cut.added).toHaveLength(4);
    await first.stop();

    const second = world.inbox({ accounts: [world.xAna], pageSize: 2, store: reopen() });
    const resumed = await second.poll();
    expect(resumed.failures).toEqual([]);
    const delivered = [...emitted(first, 'engagement'), ...emitted(second, 'engagement')].map(
      (e) => e.item.id,
    );
    expect(delivered.sort()).toEqual(seeded.map((item) => item.id).sort());
    // The walk resumed at its cursor: no request started over from the newest page.
    expect(world.x.sim.log.forRoute(MENTIONS).filter((entry) => entry.status === 200)).toHaveLength(3);
  });

  it('reads on after the newest item it stored, not from the start', async () => {
    world.x.seedMentions(world.xAna.accountId, 3);
    await world.inbox({ accounts: [world.xAna] }).poll();
    world.time.advance(30 * MINUTE);
    const later = world.x.seedMentions(world.xAna.accountId, 2).slice(-1);
    const restarted = world.inbox({ accounts: [world.xAna], store: reopen() });
    const { added } = await restarted.poll();
    // seedMentions spaces two mentions a minute apart ending now: both are newer than the first three.
    expect(added).toHaveLength(2);
    expect(added.map((item) => item.id)).toContain(later[0]?.id);
    const since = new URL(world.x.sim.log.forRoute(MENTIONS).at(-1)?.url ?? '').searchParams.get(
      'start_time',
    );
    // The newest item of the first round, less the five minutes' lookback.
    expect(Date.parse(since ?? '')).toBe(START - 5 * MINUTE);
  });
});
