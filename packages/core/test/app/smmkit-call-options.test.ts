import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/app/memory-store.js';
import type { SmmkitPublishOptions, SmmkitScheduleOptions } from '../../src/app/smmkit-api.js';
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

/** A facade with brand-x connected. */
async function withBrandX() {
  const store = memoryStore();
  const smm = await world.smmkit(store);
  const { brandX, xTokens, xUser } = onboard();
  await smm.accounts.connect(brandX, xTokens);
  const sent = () => world.x.sim.posts.filter((post) => post.accountId === xUser.account.id);
  return { smm, sent };
}

const TO_MISSING = (verb: string) =>
  `\`to\` is missing: the ids of the connected accounts to ${verb} to (to: ['brand-x'], or [{ account: 'brand-x', overrides }])`;

describe('smm.publish refuses options it does not take, before anything is sent', () => {
  it('refuses `idempotency_key`, naming `idempotencyKey`, so a retry cannot post twice', async () => {
    const { smm, sent } = await withBrandX();
    const options = untyped<SmmkitPublishOptions>({ to: ['brand-x'], idempotency_key: 'k1' });
    expect(await problemsOf(smm.publish({ text: 'Once' }, options))).toEqual([
      {
        path: ['idempotency_key'],
        rule: 'options.unknown_key',
        message: 'unknown key `idempotency_key`: did you mean `idempotencyKey`?',
      },
    ]);
    expect(sent()).toEqual([]);
    await smm.shutdown();
  });

  it('says `to` is missing when given `targets`, instead of a TypeError', async () => {
    const { smm, sent } = await withBrandX();
    const options = untyped<SmmkitPublishOptions>({ targets: ['brand-x'] });
    expect(await problemsOf(smm.publish({ text: 'Hi' }, options))).toEqual([
      {
        path: ['targets'],
        rule: 'options.unknown_key',
        message: 'unknown key `targets`: did you mean `to`?',
      },
      { path: ['to'], rule: 'options.required', message: TO_MISSING('publish') },
    ]);
    expect(sent()).toEqual([]);
    await smm.shutdown();
  });

  it('refuses a misspelt key in a `to` entry (`override`), and a `to` that is not an array', async () => {
    const { smm, sent } = await withBrandX();
    const misspelt = untyped<SmmkitPublishOptions>({ to: [{ account: 'brand-x', override: { text: 'X' } }] });
    expect(await problemsOf(smm.publish({ text: 'Hi' }, misspelt))).toEqual([
      {
        path: ['to', 0, 'override'],
        rule: 'options.unknown_key',
        message: 'unknown key `override`: did you mean `overrides`?',
      },
    ]);
    const single = untyped<SmmkitPublishOptions>({ to: 'brand-x' });
    expect(await problemsOf(smm.publish({ text: 'Hi' }, single))).toEqual([
      {
        path: ['to'],
        rule: 'options.to',
        message:
          "`to` must be an array of connected account ids (to: ['brand-x'], or [{ account: 'brand-x', overrides }])",
      },
    ]);
    expect(sent()).toEqual([]);
    await smm.shutdown();
  });

  it('still publishes with every option it takes', async () => {
    const { smm, sent } = await withBrandX();
    const [outcome] = await smm.publish(
      { text: 'Keyed' },
      { to: [{ account: 'brand-x', overrides: { text: 'Keyed for X' } }], idempotencyKey: 'k1' },
    );
    expect(outcome?.status).toBe('published');
    expect(sent().map((post) => post.text)).toEqual(['Keyed for X']);
    await smm.shutdown();
  });
});

describe('smm.schedule refuses options it does not take, before anything is planned', () => {
  it('refuses `when`, naming `at`, and says `at` is missing', async () => {
    const { smm } = await withBrandX();
    const options = untyped<SmmkitScheduleOptions>({ to: ['brand-x'], when: 'next-slot' });
    expect(await problemsOf(smm.schedule({ text: 'Later' }, options))).toEqual([
      { path: ['when'], rule: 'options.unknown_key', message: 'unknown key `when`: did you mean `at`?' },
      {
        path: ['at'],
        rule: 'options.required',
        message:
          "`at` is missing: when to publish (a Date, { at: '2026-12-01T09:00', zone }, 'next-slot' or a recurrence)",
      },
    ]);
    expect(await smm.scheduler.list()).toEqual([]);
    await smm.shutdown();
  });

  it('refuses `targets` and a misspelt option (`aproval`), planning nothing', async () => {
    const { smm } = await withBrandX();
    const options = untyped<SmmkitScheduleOptions>({
      targets: ['brand-x'],
      at: 'next-slot',
      aproval: 'required',
    });
    expect(await problemsOf(smm.schedule({ text: 'Later' }, options))).toEqual([
      {
        path: ['targets'],
        rule: 'options.unknown_key',
        message: 'unknown key `targets`: did you mean `to`?',
      },
      {
        path: ['aproval'],
        rule: 'options.unknown_key',
        message: 'unknown key `aproval`: did you mean `approval`?',
      },
      { path: ['to'], rule: 'options.required', message: TO_MISSING('schedule') },
    ]);
    expect(await smm.scheduler.list()).toEqual([]);
    await smm.shutdown();
  });

  it('still schedules with the options it takes', async () => {
    const { smm } = await withBrandX();
    const entries = await smm.schedule(
      { text: 'Later' },
      { to: ['brand-x'], at: new Date(START + 3_600_000), approval: 'required', by: 'maria' },
    );
    expect(entries.map((entry) => entry.status)).toEqual(['awaiting_approval']);
    await smm.shutdown();
  });
});

describe('smm.report checks the values of its window and KPI', () => {
  it("refuses a `since` of '7d' and an invalid `until` with how to write a Date, not a TypeError", async () => {
    const { smm } = await withBrandX();
    const options = untyped<Parameters<typeof smm.report>[0]>({ since: '7d', until: new Date('nope') });
    expect(await problemsOf(Promise.resolve().then(() => smm.report(options)))).toEqual([
      {
        path: ['since'],
        rule: 'options.since',
        message:
          "since must be a valid Date: the start of the report's window: posts published at or after it " +
          '(for the last 7 days: new Date(Date.now() - 7 * 86_400_000))',
      },
      {
        path: ['until'],
        rule: 'options.until',
        message:
          "until must be a valid Date: the end of the report's window: posts published before it (up to now: new Date())",
      },
    ]);
    await smm.shutdown();
  });

  it('refuses an unknown KPI under `kpi`, saying the value given and every valid KPI', async () => {
    const { smm } = await withBrandX();
    const options = untyped<Parameters<typeof smm.report>[0]>({ kpi: 'engagementRate' });
    expect(await problemsOf(Promise.resolve().then(() => smm.report(options)))).toEqual([
      {
        path: ['kpi'],
        rule: 'analytics.kpi',
        message:
          'unknown KPI "engagementRate"; the KPIs are engagementCount, engagementRateByImpressions, ' +
          'engagementRateByReach, engagementRateByFollowers, ctr, shareRate, saveRate, followersStart, ' +
          'followersEnd, followerGrowth, followerGrowthRate, postsPerDay, postsPerWeek',
      },
    ]);
    expect(smm.report({ kpi: 'ctr', since: new Date(START - 86_400_000) }).input.kpi).toBe('ctr');
    await smm.shutdown();
  });
});

describe('smm.schedule checks the post when it is planned', () => {
  it('refuses a post X cannot take, as publish would, and plans nothing', async () => {
    const { smm } = await withBrandX();
    const at = new Date(START + 3_600_000);
    const error = await smm.schedule({ text: 'x'.repeat(400) }, { to: ['brand-x'], at }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).problems.map((problem) => problem.rule)).toContain('text.max_length');
    expect(await smm.scheduler.list()).toEqual([]);
    await smm.shutdown();
  });
});
