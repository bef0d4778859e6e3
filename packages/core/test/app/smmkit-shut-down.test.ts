import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Smmkit } from '../../src/app/smmkit-api.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { sqliteStore } from '../../src/sqlite/sqlite-store.js';
import { loopScenario } from './loop-scenario.js';
import { START, useAppWorld } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'smmkit-shut-down-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const world = useAppWorld();
const { onboard } = loopScenario(world);

/** What `call` threw or rejected with. */
async function errorOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A shut-down facade on a SQLite file, with brand-x connected before. */
async function shutDownApp(name: string) {
  const smm = await world.smmkit(sqliteStore(join(dir, `${name}.db`)));
  const { brandX, xTokens, xUser } = onboard();
  await smm.accounts.connect(brandX, xTokens);
  await smm.shutdown();
  const sent = () => world.x.sim.posts.filter((post) => post.accountId === xUser.account.id);
  return { smm, sent };
}

describe('a facade after smm.shutdown()', () => {
  it('rejects publish with a ValidationError saying it was shut down, sending nothing', async () => {
    const { smm, sent } = await shutDownApp('publish');
    const error = await errorOf(() => smm.publish({ text: 'After' }, { to: ['brand-x'] }));
    expect(ValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'validation_failed',
      retryable: false,
      problems: [
        {
          path: [],
          rule: 'app.shut_down',
          message:
            'smm.publish() was called after smm.shutdown(): this app is shut down and its store is closed',
        },
      ],
    });
    expect((error as ValidationError).hint).toMatch(/Create a new app with `await createSmmkit/);
    expect(sent()).toEqual([]);
  });

  it('refuses every other call the same way, naming it, instead of a closed-store error', async () => {
    const { smm } = await shutDownApp('every-call');
    const { brandX, xTokens } = onboard();
    const calls: Record<string, (app: Smmkit) => unknown> = {
      schedule: (app) =>
        app.schedule({ text: 'Later' }, { to: ['brand-x'], at: new Date(START + 3_600_000) }),
      approve: (app) => app.approve('entry-1', { by: 'maria' }),
      reject: (app) => app.reject('entry-1', { by: 'maria' }),
      collectMetrics: (app) => app.collectMetrics(),
      start: (app) => app.start(),
      'accounts.connect': (app) => app.accounts.connect({ ...brandX, id: 'brand-x2' }, xTokens),
      'accounts.get': (app) => app.accounts.get('brand-x'),
      'accounts.list': (app) => app.accounts.list(),
      'accounts.disconnect': (app) => app.accounts.disconnect('brand-x'),
      'accounts.status': (app) => app.accounts.status(),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await errorOf(() => call(smm));
      expect(ValidationError.isInstance(error), name).toBe(true);
      expect(
        (error as ValidationError).problems.map(({ rule, message }) => ({ rule, message })),
        name,
      ).toEqual([
        {
          rule: 'app.shut_down',
          message: `smm.${name}() was called after smm.shutdown(): this app is shut down and its store is closed`,
        },
      ]);
    }
  });

  it('still renders the report of what the app held: it reads memory, not the closed store', async () => {
    const { smm } = await shutDownApp('report');
    expect(smm.report().html).toContain('<html');
  });

  it('lets shutdown() be called again, and a new app on the same file go on', async () => {
    const { smm, sent } = await shutDownApp('again');
    await expect(smm.shutdown()).resolves.toBeUndefined();
    const next = await world.smmkit(sqliteStore(join(dir, 'again.db')));
    const [outcome] = await next.publish({ text: 'From the new app' }, { to: ['brand-x'] });
    expect(outcome?.status).toBe('published');
    expect(sent().map((post) => post.text)).toEqual(['From the new app']);
    await next.shutdown();
  });
});
