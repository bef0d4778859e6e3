import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSmmkit } from '@smmkit/cli';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, folder, smmkit, writeJson } from './support/cli.js';

beforeAll(ensureBuilt, 120_000);

// Each case runs the CLI as a process (or several): seconds each, more on a loaded machine.
describe('smmkit --simulate (no config, no credentials)', { timeout: 30_000 }, () => {
  it('doctor finds every seeded account authenticated', async () => {
    const run = await smmkit(['--simulate', 'doctor', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      simulated: boolean;
      accounts: { id: string; ok: boolean; auth: { ok: boolean } }[];
    };
    expect(report).toMatchObject({ ok: true, simulated: true });
    expect(report.accounts.map((account) => [account.id, account.auth.ok])).toEqual([
      ['sim-x', true],
      ['sim-instagram', true],
      ['sim-facebook', true],
      ['sim-linkedin', true],
      ['sim-tiktok', true],
    ]);
  });

  it('publish puts the post on each account once and gives its URL', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'Spring is here' });
    const run = await smmkit(['--simulate', 'publish', post, '--to', 'sim-x,sim-linkedin,sim-x', '--json'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const { outcomes } = JSON.parse(run.stdout) as {
      outcomes: { account: string; status: string; url: string }[];
    };
    expect(outcomes.map(({ account, status }) => [account, status])).toEqual([
      ['sim-x', 'published'],
      ['sim-linkedin', 'published'],
    ]);
    expect(outcomes[0]?.url).toMatch(/^https:\/\/x\.com\/brand\/status\/\d+$/);
  });

  it('publish exits 1 with the reason when a platform refuses the post', async () => {
    const dir = folder();
    const post = writeJson(dir, 'post.json', { text: 'x'.repeat(281) });
    const run = await smmkit(['--simulate', 'publish', post, '--to', 'sim-x,sim-linkedin'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/failed\s+sim-x validation_failed/);
    expect(run.stdout).toMatch(/published sim-linkedin https:\/\/www\.linkedin\.com\//);
  });

  it('schedule keeps the entry in the store, and calendar shows it in a later run', async () => {
    const dir = folder();
    const store = join(dir, 'sim.db');
    const post = writeJson(dir, 'post.json', { text: 'Monday tips' });
    const planned = await smmkit(
      [
        '--simulate',
        '--store',
        store,
        'schedule',
        post,
        '--to',
        'sim-x',
        '--at',
        '2030-03-04T09:00',
        '--zone',
        'Europe/Berlin',
        '--json',
      ],
      { cwd: dir },
    );
    expect(planned.code).toBe(0);
    const [entry] = (JSON.parse(planned.stdout) as { entries: { id: string; publishAt: string }[] }).entries;
    expect(entry?.publishAt).toBe('2030-03-04T08:00:00.000Z');

    const calendar = await smmkit(
      ['--simulate', '--store', store, 'calendar', '--from', '2030-03-01', '--to', '2030-03-08', '--json'],
      { cwd: dir },
    );
    expect(calendar.code).toBe(0);
    const { days } = JSON.parse(calendar.stdout) as {
      days: { date: string; items: { id: string; time: string }[] }[];
    };
    expect(days).toEqual([
      { date: '2030-03-04', items: [expect.objectContaining({ id: entry?.id, time: '09:00' })] },
    ]);

    const canceled = await smmkit(['--simulate', '--store', store, 'schedule', 'cancel', entry?.id ?? ''], {
      cwd: dir,
    });
    expect(canceled.code).toBe(0);
  });

  it('schedule run publishes the entries that are due, once', async () => {
    const dir = folder();
    const store = join(dir, 'sim.db');
    // Planned from code (`smmkit schedule` refuses a past --at), due a minute ago.
    const { smm, close } = await openSmmkit({}, { simulate: true, store });
    try {
      await smm.schedule(
        { text: 'Overdue announcement' },
        { to: ['sim-x'], at: new Date(Date.now() - 60_000) },
      );
    } finally {
      await close();
    }
    const first = await smmkit(['--simulate', '--store', store, 'schedule', 'run', '--json'], { cwd: dir });
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { entries: { status: string; text: string }[] }).entries).toEqual([
      expect.objectContaining({ status: 'published', text: 'Overdue announcement' }),
    ]);
    const second = await smmkit(['--simulate', '--store', store, 'schedule', 'run', '--json'], { cwd: dir });
    expect(JSON.parse(second.stdout)).toEqual({ ok: true, entries: [] });
  });

  it('inbox lists the mentions, and a reply goes to the platform', async () => {
    const list = await smmkit(['--simulate', 'inbox', 'list', '--json']);
    expect(list.code).toBe(0);
    const { items } = JSON.parse(list.stdout) as { items: { ref: string; platform: string; kind: string }[] };
    expect(new Set(items.map((item) => item.platform))).toEqual(new Set(['x', 'instagram', 'facebook']));
    const mention = items.find((item) => item.platform === 'x');
    const replyAs = (account: string, ...flags: string[]) =>
      smmkit([
        '--simulate',
        'inbox',
        'reply',
        mention?.ref ?? '',
        'Thank you!',
        '--account',
        account,
        ...flags,
      ]);
    const misplaced = await replyAs('sim-instagram');
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--account: no x account "sim-instagram" is connected');
    const reply = await replyAs('sim-x', '--json');
    expect(reply.code).toBe(0);
    expect(JSON.parse(reply.stdout)).toMatchObject({
      ok: true,
      reply: { text: expect.stringContaining('Thank you!') },
      item: { status: 'replied' },
    });
  });

  it("report reads the week's posts and writes the HTML report and the CSV", async () => {
    const dir = folder();
    const run = await smmkit(['--simulate', 'report', '--html', 'report.html', '--csv', 'posts.csv'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const csv = readFileSync(join(dir, 'posts.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toMatch(/^platform,accountId,postId,publishedAt,impressions/);
    expect(csv).toHaveLength(8); // the header and the seeded week of X posts
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('capabilities shows the matrix of every platform', async () => {
    const run = await smmkit(['capabilities', '--simulate']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]?.trim().split(/\s+/)).toEqual([
      'x',
      'instagram',
      'facebook',
      'linkedin',
      'tiktok',
    ]);
    expect(run.stdout).toMatch(/^threads\s+yes\s+no/m);
  });
});
