import { describe, expect, it } from 'vitest';
import type { AccountConnection } from '../../src/accounts/account-store.js';
import { memoryStore } from '../../src/app/memory-store.js';
import type { SmmkitOptions } from '../../src/app/smmkit-api.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { loopScenario } from './loop-scenario.js';
import { START, useAppWorld } from './support.js';

const world = useAppWorld();
const { onboard } = loopScenario(world);

/** What a JavaScript caller (or a cast) can pass although the types refuse it. */
const untyped = <T>(value: object): T => value as T;

/** The problems of what `promise` rejected with, which must be a `ValidationError`. */
async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(ValidationError.isInstance(error)).toBe(true);
  return (error as ValidationError).problems.map(({ path, rule, message }) => ({ path, rule, message }));
}

describe('createSmmkit refuses keys it does not take', () => {
  it('refuses a declared account with `zone` for `timeZone`, and stores nothing', async () => {
    const store = memoryStore();
    const { brandX } = onboard();
    const { timeZone: _zone, ...rest } = brandX;
    const declared = untyped<AccountConnection>({ ...rest, zone: 'Europe/Berlin' });
    expect(await problemsOf(world.smmkit(store, { accounts: [declared] }))).toEqual([
      {
        path: ['accounts', 0, 'zone'],
        rule: 'options.unknown_key',
        message: 'unknown key `zone`: did you mean `timeZone`?',
      },
    ]);
    expect(await store.accounts.list()).toEqual([]);
  });

  it('refuses a LinkedIn account with `author`: the organization URN is its `accountId`', async () => {
    const store = memoryStore();
    const declared = untyped<AccountConnection>({
      id: 'brand-li',
      platform: 'linkedin',
      accountId: 'urn:li:person:1000000000000001',
      author: 'urn:li:organization:1000000000000002',
    });
    const refused = world.smmkit(store, { accounts: [declared] });
    expect(await problemsOf(refused)).toEqual([
      {
        path: ['accounts', 0, 'author'],
        rule: 'options.unknown_key',
        message: 'unknown key `author`: did you mean `accountId`?',
      },
    ]);
    expect(await store.accounts.list()).toEqual([]);
  });

  it('refuses misnamed options and options of its parts, all at once', async () => {
    const store = memoryStore();
    const options = untyped<Partial<SmmkitOptions>>({
      refersh: {},
      scheduler: { pollInterval: 1_000 },
      metrics: { everyMs: 60_000 },
    });
    expect(await problemsOf(world.smmkit(store, options))).toEqual([
      {
        path: ['refersh'],
        rule: 'options.unknown_key',
        message: 'unknown key `refersh`: did you mean `refresh`?',
      },
      {
        path: ['scheduler', 'pollInterval'],
        rule: 'options.unknown_key',
        message: 'unknown key `pollInterval`: did you mean `pollIntervalMs`?',
      },
      {
        path: ['metrics', 'everyMs'],
        rule: 'options.unknown_key',
        message: 'unknown key `everyMs`: did you mean `every`?',
      },
    ]);
  });

  it('still takes a valid config: declared accounts with every field are connected', async () => {
    const store = memoryStore();
    const { brandX, xTokens } = onboard();
    await store.tokens.save(brandX.id, xTokens);
    const smm = await world.smmkit(store, { accounts: [brandX], metrics: { every: 60_000 } });
    expect(await smm.accounts.get('brand-x')).toEqual({
      ...brandX,
      connectedAt: new Date(START),
      status: { state: 'active' },
    });
    await smm.shutdown();
  });
});

describe('smm.accounts.connect refuses keys it does not take', () => {
  it('refuses `zone` and `author`, storing neither tokens nor account', async () => {
    const store = memoryStore();
    const smm = await world.smmkit(store);
    const { brandX, xTokens } = onboard();
    const { timeZone: _zone, ...rest } = brandX;
    const account = untyped<AccountConnection>({ ...rest, zone: 'Europe/Berlin', author: 'someone' });
    expect(await problemsOf(smm.accounts.connect(account, xTokens))).toEqual([
      {
        path: ['zone'],
        rule: 'options.unknown_key',
        message: 'unknown key `zone`: did you mean `timeZone`?',
      },
      {
        path: ['author'],
        rule: 'options.unknown_key',
        message: 'unknown key `author`: did you mean `accountId`?',
      },
    ]);
    expect(await store.accounts.list()).toEqual([]);
    expect(await store.tokens.load('brand-x')).toBeUndefined();
    await smm.shutdown();
  });

  it('rejects an unknown key in the types too', async () => {
    const smm = await world.smmkit(memoryStore());
    const { brandX, xTokens } = onboard();
    // @ts-expect-error `zone` is not a key of AccountConnection (it is `timeZone`)
    const connecting = smm.accounts.connect({ ...brandX, zone: 'Europe/Berlin' }, xTokens);
    await expect(connecting).rejects.toThrow(/unknown key `zone`: did you mean `timeZone`\?/);
    await smm.shutdown();
  });

  it('still connects a valid account, and an account read back from the registry as it is', async () => {
    const smm = await world.smmkit(memoryStore());
    const { brandX, xTokens } = onboard();
    const connected = await smm.accounts.connect(brandX, xTokens);
    expect(connected).toMatchObject(brandX);
    await expect(smm.accounts.connect(connected, xTokens)).resolves.toMatchObject({ ...brandX });
    await smm.shutdown();
  });

  it('keeps loading accounts a store kept with extras, and publishes for them', async () => {
    const store = memoryStore();
    const { brandX, xTokens } = onboard();
    await store.tokens.save(brandX.id, xTokens);
    await store.accounts.connect({ ...brandX, envTokenDigest: '0123456789abcdef' }, new Date(START));
    const smm = await world.smmkit(store);
    expect((await smm.accounts.get('brand-x'))?.envTokenDigest).toBe('0123456789abcdef');
    const [outcome] = await smm.publish({ text: 'Still here' }, { to: ['brand-x'] });
    expect(outcome?.status).toBe('published');
    await smm.shutdown();
  });

  it('connects such an account again as it was read back, extras and all (how needs_reauthorization is cleared)', async () => {
    const store = memoryStore();
    const { brandX, xTokens } = onboard();
    await store.accounts.connect({ ...brandX, envTokenDigest: '0123456789abcdef' }, new Date(START));
    const smm = await world.smmkit(store);
    const kept = await smm.accounts.get('brand-x');
    if (kept === undefined) throw new Error('brand-x was not connected');
    await smm.accounts.connect(kept, xTokens);
    expect((await smm.accounts.get('brand-x'))?.envTokenDigest).toBe('0123456789abcdef');
    await smm.shutdown();
  });
});

describe('smm.report and smm.collectMetrics refuse keys they do not take', () => {
  it('refuses report({ from, to, zone }), naming since, until and timeZone', async () => {
    const smm = await world.smmkit(memoryStore());
    const options = untyped<Parameters<typeof smm.report>[0]>({
      from: new Date(START),
      to: new Date(START + 1),
      zone: 'Europe/Berlin',
    });
    expect(await problemsOf(Promise.resolve().then(() => smm.report(options)))).toEqual([
      { path: ['from'], rule: 'options.unknown_key', message: 'unknown key `from`: did you mean `since`?' },
      { path: ['to'], rule: 'options.unknown_key', message: 'unknown key `to`: did you mean `until`?' },
      {
        path: ['zone'],
        rule: 'options.unknown_key',
        message: 'unknown key `zone`: did you mean `timeZone`?',
      },
    ]);
    await smm.shutdown();
  });

  it("refuses collectMetrics({ from }) for `since`, and a `since` of '7d': it takes a Date", async () => {
    const smm = await world.smmkit(memoryStore());
    const misnamed = untyped<Parameters<typeof smm.collectMetrics>[0]>({ from: new Date(START) });
    expect(await problemsOf(smm.collectMetrics(misnamed))).toEqual([
      { path: ['from'], rule: 'options.unknown_key', message: 'unknown key `from`: did you mean `since`?' },
    ]);
    const duration = untyped<Parameters<typeof smm.collectMetrics>[0]>({ since: '7d' });
    expect(await problemsOf(smm.collectMetrics(duration))).toEqual([
      {
        path: ['since'],
        rule: 'options.since',
        message:
          'since must be a valid Date: the oldest publication time whose posts are read ' +
          '(for the last 7 days: new Date(Date.now() - 7 * 86_400_000))',
      },
    ]);
    await smm.shutdown();
  });

  it('refuses metrics.maxPostAge for maxPostAgeMs, and a maxPostAgeMs that is not positive', async () => {
    const misnamed = untyped<Partial<SmmkitOptions>>({ metrics: { every: 60_000, maxPostAge: 1 } });
    expect(await problemsOf(world.smmkit(memoryStore(), misnamed))).toEqual([
      {
        path: ['metrics', 'maxPostAge'],
        rule: 'options.unknown_key',
        message: 'unknown key `maxPostAge`: did you mean `maxPostAgeMs`?',
      },
    ]);
    expect(
      await problemsOf(world.smmkit(memoryStore(), { metrics: { every: 60_000, maxPostAgeMs: 0 } })),
    ).toEqual([
      {
        path: ['metrics', 'maxPostAgeMs'],
        rule: 'options.max_post_age',
        message:
          'metrics.maxPostAgeMs must be a positive number of ms (30 days: 30 * 86_400_000), or Infinity to read every post',
      },
    ]);
  });

  it('still takes their valid options', async () => {
    const smm = await world.smmkit(memoryStore());
    const { input } = smm.report({
      since: new Date(START - 86_400_000),
      until: new Date(START),
      timeZone: 'Europe/Berlin',
      title: 'Week',
    });
    expect(input.timeZone).toBe('Europe/Berlin');
    await expect(smm.collectMetrics({ concurrency: 1, since: new Date(0) })).resolves.toMatchObject({
      failures: [],
    });
    await smm.shutdown();
  });
});
