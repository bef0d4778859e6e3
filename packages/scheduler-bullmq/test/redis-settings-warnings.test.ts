import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RedisScheduleStore, redisInboxStore, redisScheduleStore } from '../src/index.js';
import { requireRedis } from './support/redis.js';
import { type OwnRedis, startOwnRedis } from './support/redis-server.js';

beforeEach(requireRedis);

const servers: OwnRedis[] = [];
const closing: (() => Promise<unknown>)[] = [];
const dirs: string[] = [];
const warnings: Error[] = [];
const onWarning = (warning: Error): void => void warnings.push(warning);
beforeEach(() => {
  warnings.length = 0;
  process.on('warning', onWarning);
});
afterEach(async () => {
  process.off('warning', onWarning);
  for (const close of closing.splice(0)) await close().catch(() => undefined);
  for (const server of servers.splice(0)) server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A redis-server of the test's own with `args`, stopped after the test. */
async function redisWith(args: readonly string[]): Promise<OwnRedis> {
  const server = await startOwnRedis(args);
  servers.push(server);
  return server;
}

/** Append-only persistence, in a directory of the test's own. */
function aof(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-aof-'));
  dirs.push(dir);
  return ['--appendonly', 'yes', '--dir', dir];
}

function scheduleStore(connection: string | Redis): RedisScheduleStore {
  const store = redisScheduleStore({ connection, prefix: 'settings:' });
  closing.push(() => store.close());
  return store;
}

/** The warnings with `code`. */
const withCode = (code: string): Error[] =>
  warnings.filter((warning) => (warning as { code?: string }).code === code);

describe('a Redis that can lose the schedule without an error', { timeout: 20_000 }, () => {
  it('warns, code SMMKIT_REDIS_EVICTION, when maxmemory-policy lets Redis delete keys, and not about persistence when AOF is on', async () => {
    const server = await redisWith(['--maxmemory-policy', 'allkeys-lru', ...aof()]);
    await scheduleStore(server.url).list({ limit: 1 });
    await vi.waitFor(() => expect(withCode('SMMKIT_REDIS_EVICTION')).toHaveLength(1));
    expect(withCode('SMMKIT_REDIS_EVICTION')[0]).toMatchObject({
      message: expect.stringContaining(
        'the Redis redisScheduleStore works on has maxmemory-policy allkeys-lru',
      ),
      detail: expect.stringContaining('maxmemory-policy noeviction'),
    });
    // Both settings are judged from one reading of the server.
    expect(withCode('SMMKIT_REDIS_NO_PERSISTENCE')).toEqual([]);
  });

  it('checks a client the app passes too, and warns once per server however many stores use it', async () => {
    const server = await redisWith(['--maxmemory-policy', 'volatile-ttl', ...aof()]);
    const shared = new Redis(server.url);
    closing.push(() => shared.quit());
    await scheduleStore(shared).list({ limit: 1 });
    await vi.waitFor(() => expect(withCode('SMMKIT_REDIS_EVICTION')).toHaveLength(1));
    expect(withCode('SMMKIT_REDIS_EVICTION')[0]?.message).toContain('maxmemory-policy volatile-ttl');

    // Each new connection reads the settings when it is ready, before the calls it queued
    // meanwhile: once those calls are answered, its check is done.
    const inbox = redisInboxStore({ connection: server.url, prefix: 'settings:' });
    closing.push(() => inbox.close());
    await inbox.list({ limit: 1 });
    await scheduleStore(server.url).list({ limit: 1 });
    expect(withCode('SMMKIT_REDIS_EVICTION')).toHaveLength(1);
  });

  it('warns, code SMMKIT_REDIS_NO_PERSISTENCE, when Redis keeps nothing on disk, and not about eviction under noeviction', async () => {
    const server = await redisWith(['--maxmemory-policy', 'noeviction']);
    await scheduleStore(server.url).list({ limit: 1 });
    await vi.waitFor(() => expect(withCode('SMMKIT_REDIS_NO_PERSISTENCE')).toHaveLength(1));
    expect(withCode('SMMKIT_REDIS_NO_PERSISTENCE')[0]).toMatchObject({
      message: expect.stringContaining('keeps nothing on disk (no AOF, no RDB snapshots)'),
      detail: expect.stringContaining('appendonly yes'),
    });
    expect(withCode('SMMKIT_REDIS_EVICTION')).toEqual([]);
  });
});
