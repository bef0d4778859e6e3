import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describeInboxStore } from '@smmkit/testkit/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { newInboxItem } from '../../src/inbox/inbox-item.js';
import { parseEngagement } from '../../src/parse/parse-models.js';
import { migrate } from '../../src/sqlite/database.js';
import { INBOX_MIGRATIONS } from '../../src/sqlite/inbox-tables.js';
import { sqliteInboxStore } from '../../src/sqlite/sqlite-inbox-store.js';
import { sqliteScheduleStore } from '../../src/sqlite/sqlite-schedule-store.js';
import { sqliteTokenStore } from '../../src/sqlite/sqlite-token-store.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-inbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
/** The file each store of the suite opened, for a second connection to it. */
const fileOf = new Map<object, string>();

describeInboxStore(
  'sqliteInboxStore',
  () => {
    files += 1;
    const file = join(dir, `inbox-${files}.db`);
    const store = sqliteInboxStore(file);
    fileOf.set(store, file);
    return store;
  },
  { connectAgain: (store) => sqliteInboxStore(fileOf.get(store) ?? '') },
);

describe('sqliteInboxStore in the shared file', () => {
  const engagement = parseEngagement({
    platform: 'x',
    accountId: '2244994945',
    id: '1850000000000000001',
    kind: 'mention',
    author: { id: '1001', handle: 'fan' },
    text: '@brand hello',
    createdAt: '2026-05-01T07:00:00Z',
    raw: {},
  });

  it('lives beside the token and schedule tables and keeps its items across reopening', async () => {
    const file = join(dir, 'shared.db');
    const tokens = sqliteTokenStore(file);
    const schedule = sqliteScheduleStore(file);
    const inbox = sqliteInboxStore(file);
    await inbox.add([engagement], { receivedAt: new Date('2026-05-01T07:01:00Z') });
    await inbox.close();
    const reopened = sqliteInboxStore(file);
    expect((await reopened.list()).map((item) => item.id)).toEqual(['1850000000000000001']);
    const db = new DatabaseSync(file);
    const components = db.prepare('SELECT component, version FROM smmkit_schema ORDER BY component').all();
    expect(components).toEqual(
      expect.arrayContaining([
        { component: 'inbox', version: 2 },
        { component: 'scheduler', version: 2 },
        { component: 'tokens', version: 1 },
      ]),
    );
    db.close();
    tokens.close();
    await Promise.all([reopened.close(), schedule.close()]);
  });

  it('keeps a reply of unknown outcome across reopening, clears it on null, and refuses a damaged one on read', async () => {
    const file = join(dir, 'uncertain.db');
    const store = sqliteInboxStore(file);
    await store.add([engagement], { receivedAt: new Date('2026-05-01T07:01:00Z') });
    const sentAt = new Date('2026-05-01T07:05:00Z');
    await store.update(engagement, { uncertainReply: { at: sentAt, text: '@fan hi' } }, sentAt);
    await store.close();
    const reopened = sqliteInboxStore(file);
    expect((await reopened.get(engagement))?.uncertainReply).toEqual({ at: sentAt, text: '@fan hi' });
    const cleared = await reopened.update(
      engagement,
      { uncertainReply: null },
      new Date('2026-05-01T07:06:00Z'),
    );
    expect(cleared).not.toHaveProperty('uncertainReply');
    expect(await reopened.get(engagement)).not.toHaveProperty('uncertainReply');
    await reopened.close();

    const db = new DatabaseSync(file);
    const damaged = {
      ...newInboxItem(engagement, sentAt),
      uncertainReply: { at: 'yesterday', text: '@fan hi' },
    };
    db.prepare('UPDATE smmkit_inbox_items SET json = ?').run(JSON.stringify(damaged));
    db.close();
    const again = sqliteInboxStore(file);
    await expect(again.get(engagement)).rejects.toMatchObject({
      problems: [expect.objectContaining({ path: ['uncertainReply', 'at'] })],
    });
    await again.close();
  });

  it('refuses a file whose inbox tables are newer than it knows', async () => {
    const file = join(dir, 'newer.db');
    await sqliteInboxStore(file).close();
    const db = new DatabaseSync(file);
    db.prepare("UPDATE smmkit_schema SET version = 99 WHERE component = 'inbox'").run();
    db.close();
    expect(() => sqliteInboxStore(file)).toThrow(/inbox tables .* version 99/);
  });

  it('moves a file of the first version to one item per account, keeping its items', async () => {
    // Version 1 kept one item per platform and id: a second account's copy of a post was dropped.
    const file = join(dir, 'version-1.db');
    const db = new DatabaseSync(file);
    migrate(db, 'inbox', 1, INBOX_MIGRATIONS);
    const kept = newInboxItem(engagement, new Date('2026-05-01T07:01:00Z'));
    db.prepare(
      `INSERT INTO smmkit_inbox_items (platform, id, account_id, kind, created_at, status, assignee, tags, text_folded, deleted_at, json)
       VALUES (?, ?, ?, 'mention', ?, 'new', NULL, '[]', '@brand hello', NULL, ?)`,
    ).run(kept.platform, kept.id, kept.accountId, kept.createdAt.getTime(), JSON.stringify(kept));
    db.close();

    const store = sqliteInboxStore(file);
    const other = { ...engagement, accountId: '783214' };
    const added = await store.add([engagement, other], { receivedAt: new Date('2026-05-01T07:02:00Z') });
    expect(added.map((item) => item.accountId)).toEqual(['783214']);
    expect(await store.get(engagement)).toEqual(kept);
    expect((await store.list()).map((item) => item.accountId)).toEqual(['783214', '2244994945']);
    await store.close();
  });
});
