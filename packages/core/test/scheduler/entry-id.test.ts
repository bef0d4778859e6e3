import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { scheduler } from './support/watched-scheduler.js';

/** What a promise rejects with. */
const refusal = (run: () => Promise<unknown>): Promise<unknown> =>
  run().then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );

const decision = { by: 'maria' };
const BAD_IDS: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['an empty string', ''],
  // `schedule` resolves with an array: `(await schedule(…)).id` is the usual slip.
  ['an array of entries', [{ id: 'entry-1' }]],
];

describe('scheduler: an entry id that is not one', () => {
  const calls: readonly [string, string, (s: Scheduler, id: unknown) => Promise<unknown>][] = [
    ['approve', 'approve', (s, id) => s.approve(id as string, decision)],
    ['reject', 'reject', (s, id) => s.reject(id as string, decision)],
    ['submit', 'submit', (s, id) => s.submit(id as string, decision)],
    ['cancel', 'cancel', (s, id) => s.cancel(id as string)],
    ['reschedule', 'reschedule to a time', (s, id) => s.reschedule(id as string, '2026-12-01T09:00:00Z')],
    ['reschedule', "reschedule to 'next-slot'", (s, id) => s.reschedule(id as string, 'next-slot')],
    ['get', 'get', (s, id) => s.get(id as string)],
  ];

  for (const [method, title, call] of calls) {
    for (const [label, id] of BAD_IDS) {
      it(`${title} with ${label} as id is a ValidationError at ['id'] with a hint, and the store is not asked`, async () => {
        const { scheduler: s, storeCalls } = scheduler();
        const error = await refusal(() => call(s, id));
        expect(ValidationError.isInstance(error)).toBe(true);
        if (!ValidationError.isInstance(error)) return;
        expect(error.problems.map((problem) => [problem.path, problem.rule])).toEqual([[['id'], 'entry.id']]);
        expect(error.message).toContain(`the entry id to ${method} must be a non-empty string`);
        expect(error.hint).toMatch(/entries\[0\]\.id/);
        expect(storeCalls).toEqual([]);
      });
    }
  }

  it("publishTarget with a job whose entryId is missing is a ValidationError at ['entryId']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    const job = { publishAt: new Date(), target: { platform: 'x', accountId: '1' } };
    const error = await refusal(() => s.publishTarget(job as never));
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      ['entryId'],
    ]);
    expect(storeCalls).toEqual([]);
  });

  it('a real id still reaches the store: an unknown one is refused as missing', async () => {
    const { scheduler: s } = scheduler();
    const error = await refusal(() => s.approve('nope', decision));
    expect(ValidationError.isInstance(error) && error.problems.map((problem) => problem.rule)).toEqual([
      'entry.missing',
    ]);
    await expect(s.get('nope')).resolves.toBeUndefined();
  });
});
