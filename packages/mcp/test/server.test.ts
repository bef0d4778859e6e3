import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, call, connectSimulated, emptyDir, errorOf, requireFreshBin, textOf } from './support.ts';

// Every test drives the built smmkit-mcp over stdio with the SDK's own client, against the
// built-in simulators (one seeded account per platform: sim-x, sim-instagram, …).
beforeAll(requireFreshBin);

const READ_TOOLS = ['calendar', 'inbox_list', 'report', 'validate'];
const PUBLISHING_TOOLS = ['inbox_reply', 'publish', 'schedule'];
const HOUR_MS = 3_600_000;

describe('smmkit-mcp without an allow list', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectSimulated([]);
  }, 30_000);
  afterAll(() => client.close());

  it('introduces itself with the package name and version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(client.getServerVersion()).toMatchObject({ name: 'smmkit', version: pkg.version });
    expect(client.getInstructions()).toContain('Publishing is off');
  });

  it('offers the read tools only, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(READ_TOOLS);
    for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
    expect(tools.find((tool) => tool.name === 'validate')?.inputSchema.required).toEqual(['post']);
  });

  it('validates a post for several targets and lists every problem with its path and rule', async () => {
    const result = await call(client, 'validate', {
      post: { text: 'a'.repeat(300) },
      to: ['sim-x', 'instagram'],
    });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({
      valid: false,
      targets: [
        {
          target: 'sim-x',
          platform: 'x',
          problems: [{ path: ['text'], rule: 'text.max_length', limit: 280 }],
        },
        {
          target: 'instagram',
          platform: 'instagram',
          problems: [{ path: ['media'], rule: 'media.required' }],
        },
      ],
    });
    expect(textOf(result)).toContain('X allows 280');
  });

  it('reports the problems of a malformed post before checking any platform', async () => {
    const result = await call(client, 'validate', {
      post: { text: 42, media: [{ kind: 'image', source: { type: 'file', path: '/etc/passwd' } }] },
    });
    const data = result.structuredContent as {
      valid: boolean;
      post: { path: unknown[] }[];
      targets: unknown[];
    };
    expect(data.valid).toBe(false);
    expect(data.post.map((problem) => problem.path)).toContainEqual(['text']);
    expect(data.targets).toEqual([]);
  });

  it('accepts a post that fits every platform it is checked for', async () => {
    const result = await call(client, 'validate', {
      post: { text: 'Spring is here 🌸' },
      to: ['sim-x', 'linkedin'],
    });
    expect(result.structuredContent).toMatchObject({ valid: true });
  });

  it('refuses to validate for a target that is neither a connected account nor a platform', async () => {
    const result = await call(client, 'validate', { post: { text: 'Hi' }, to: ['myspace'] });
    expect(result.isError).toBe(true);
    expect(errorOf(result).problems?.[0]?.rule).toBe('account.unknown');
  });

  it('refuses to publish: the tool does not exist', async () => {
    const result = await call(client, 'publish', { post: { text: 'Hello' }, to: ['sim-x'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('publish not found');
  });

  it('reads the seeded inbox of every account', async () => {
    const result = await call(client, 'inbox_list', { kinds: ['mention'] });
    const data = result.structuredContent as { polled: { added: number }; items: { account: string }[] };
    expect(data.polled.added).toBeGreaterThan(0);
    expect(new Set(data.items.map((item) => item.account))).toEqual(
      new Set(['sim-x', 'sim-instagram', 'sim-facebook']),
    );
  });

  it('answers bad input with the SDK input error, not a crash', async () => {
    const result = await call(client, 'calendar', { from: 'tomorrow' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Input validation error');
  });
});

describe('smmkit-mcp --allow sim-x', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectSimulated(['--allow', 'sim-x']);
  }, 30_000);
  afterAll(() => client.close());

  it('offers the publishing tools too, naming the allowed account', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READ_TOOLS, ...PUBLISHING_TOOLS].sort());
    expect(tools.find((tool) => tool.name === 'publish')?.description).toContain('sim-x');
  });

  it('refuses to publish to an account that is not on the list, with a hint, sending nothing', async () => {
    const result = await call(client, 'publish', {
      post: { text: 'Hello' },
      to: ['sim-x', 'sim-instagram'],
      idempotencyKey: 'hello-1',
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('"sim-instagram" is not on this MCP server\'s allow list');
    expect(textOf(result)).toContain('Hint: ');
    expect(errorOf(result)).toMatchObject({
      code: 'validation_failed',
      problems: [{ rule: 'mcp.not_allowed' }],
    });
    // Refused as a whole: the allowed sim-x got nothing either.
    const report = await call(client, 'report', {});
    // The accounts' followers are collected too, so their platforms are listed, with no post.
    const { platforms } = report.structuredContent as { platforms: { posts: number }[] };
    expect(platforms.map((platform) => platform.posts).filter((posts) => posts > 0)).toEqual([]);
  });

  it('refuses media from a local file', async () => {
    const result = await call(client, 'publish', {
      post: {
        text: 'Look',
        media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'file', path: '/etc/hosts' } }],
      },
      to: ['sim-x'],
      idempotencyKey: 'look-1',
    });
    expect(result.isError).toBe(true);
    expect(errorOf(result).problems?.map((problem) => problem.rule)).toEqual(['mcp.media_source']);
  });

  it('refuses a post the platform would refuse, with every problem', async () => {
    const result = await call(client, 'publish', {
      post: { text: 'a'.repeat(300) },
      to: ['sim-x'],
      idempotencyKey: 'long-1',
    });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      published: 0,
      failed: 1,
      outcomes: [{ account: 'sim-x', status: 'failed', error: { code: 'validation_failed' } }],
    });
  });

  it('publishes to an allowed account, then reports the post', async () => {
    const result = await call(client, 'publish', {
      post: { text: 'Our spring collection is live', campaign: 'spring' },
      to: ['sim-x'],
      idempotencyKey: 'spring-1',
    });
    expect(result.isError).toBeUndefined();
    const data = result.structuredContent as { published: number; outcomes: { url: string }[] };
    expect(data.published).toBe(1);
    expect(data.outcomes[0]?.url).toMatch(/^https:\/\/x\.com\/brand\/status\/\d+$/);
    expect(textOf(result)).toContain(data.outcomes[0]?.url);

    // A retry under the same key (the answer was lost on the way) publishes nothing again, and says so.
    const retried = await call(client, 'publish', {
      post: { text: 'Our spring collection is live', campaign: 'spring' },
      to: ['sim-x'],
      idempotencyKey: 'spring-1',
    });
    expect(retried.structuredContent).toMatchObject({
      published: 1,
      outcomes: [{ url: data.outcomes[0]?.url }],
    });
    expect(textOf(retried)).toMatch(/Warning already_published: /);

    const report = await call(client, 'report', { breakdowns: ['campaign'], html: true });
    expect(report.structuredContent).toMatchObject({
      kpi: 'engagementRateByImpressions',
      collected: { failures: [] },
      platforms: expect.arrayContaining([expect.objectContaining({ platform: 'x', posts: 1 })]),
      breakdowns: [{ dimension: 'campaign', rows: [{ label: 'spring', posts: 1 }] }],
    });
    const html = report.content.find((block) => block.type === 'resource');
    expect(html?.type === 'resource' && 'text' in html.resource ? html.resource.text : '').toContain('<html');
  });

  it('schedules for an allowed account, and the calendar shows it on its local day', async () => {
    const at = new Date(Date.now() + 30 * HOUR_MS);
    at.setUTCMinutes(0, 0, 0);
    const scheduled = await call(client, 'schedule', {
      post: { text: 'Coming soon' },
      to: ['sim-x'],
      at: at.toISOString(),
      idempotencyKey: 'coming-soon',
    });
    expect(scheduled.isError).toBeUndefined();
    const [entry] = (scheduled.structuredContent as { entries: { id: string; status: string }[] }).entries;
    expect(entry?.status).toBe('scheduled');

    const calendar = await call(client, 'calendar', { zone: 'Asia/Tokyo', accounts: ['sim-x'] });
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(at);
    expect(calendar.structuredContent).toMatchObject({
      zone: 'Asia/Tokyo',
      days: [
        { date: local, items: [{ entry: { id: entry?.id, accounts: ['sim-x'], text: 'Coming soon' } }] },
      ],
    });
  });

  it('refuses to schedule for an account that is not on the list', async () => {
    const result = await call(client, 'schedule', {
      post: { text: 'Hi' },
      to: ['sim-tiktok'],
      at: 'next-slot',
      idempotencyKey: 'not-allowed',
    });
    expect(result.isError).toBe(true);
    expect(errorOf(result).problems?.[0]?.rule).toBe('mcp.not_allowed');
  });

  it("replies to an allowed account's inbox item and refuses another account's", async () => {
    const listed = await call(client, 'inbox_list', {});
    const items = (listed.structuredContent as { items: { platform: string; id: string; account: string }[] })
      .items;
    const mine = items.find((item) => item.account === 'sim-x');
    const other = items.find((item) => item.account === 'sim-instagram');
    if (mine === undefined || other === undefined)
      throw new Error('expected seeded mentions on X and Instagram');

    const replied = await call(client, 'inbox_reply', {
      platform: mine.platform,
      account: mine.account,
      id: mine.id,
      text: 'Thank you!',
      idempotencyKey: 'thanks-1',
    });
    expect(replied.structuredContent).toMatchObject({
      account: 'sim-x',
      reply: { platform: 'x', text: 'Thank you!' },
      item: { id: mine.id, status: 'replied' },
    });
    // A retry under the same key (a client that timed out) gets the same reply: none is sent again.
    const retried = await call(client, 'inbox_reply', {
      platform: mine.platform,
      account: mine.account,
      id: mine.id,
      text: 'Thank you!',
      idempotencyKey: 'thanks-1',
    });
    expect(retried.structuredContent).toEqual(replied.structuredContent);
    expect(textOf(retried)).toMatch(/^Already answered under this idempotencyKey; nothing was sent again\./);
    const reused = await call(client, 'inbox_reply', {
      platform: mine.platform,
      account: mine.account,
      id: mine.id,
      text: 'Thanks again!',
      idempotencyKey: 'thanks-1',
    });
    expect(errorOf(reused).problems?.[0]?.rule).toBe('mcp.idempotency_key_reused');
    const refused = await call(client, 'inbox_reply', {
      platform: other.platform,
      account: other.account,
      id: other.id,
      text: 'Hi',
      idempotencyKey: 'hi-1',
    });
    expect(refused.isError).toBe(true);
    expect(errorOf(refused).problems?.[0]?.rule).toBe('mcp.not_allowed');
    const misplaced = await call(client, 'inbox_reply', {
      platform: other.platform,
      account: 'sim-x',
      id: other.id,
      text: 'Hi',
      idempotencyKey: 'hi-2',
    });
    expect(errorOf(misplaced).problems?.[0]?.rule).toBe('inbox.unknown_item');
    const after = await call(client, 'inbox_list', { poll: false, statuses: ['replied'] });
    expect((after.structuredContent as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([
      mine.id,
    ]);
  });
});

describe('smmkit-mcp without a config', () => {
  it('stops with a hint when there is no config and no --simulate', () => {
    const run = spawnSync(process.execPath, [BIN], { cwd: emptyDir(), encoding: 'utf8', input: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Hint: Pass --config');
  });
});
