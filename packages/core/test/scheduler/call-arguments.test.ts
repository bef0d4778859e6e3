import { describe, expect, it } from 'vitest';
import type { ValidationError } from '../../src/errors/validation-error.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { refusal } from './support/refusal.js';
import { scheduler } from './support/watched-scheduler.js';

const paths = (error: ValidationError) => error.problems.map((problem) => problem.path);
const target = { platform: 'x', accountId: '2244994945' };
const at = '2030-01-07T09:00:00Z';

describe('scheduler: approve, reject and submit without who acts', () => {
  const calls: readonly [string, string, (s: Scheduler, second: unknown) => Promise<unknown>][] = [
    ['approve', 'decision', (s, second) => s.approve('entry-1', second as never)],
    ['reject', 'decision', (s, second) => s.reject('entry-1', second as never)],
    ['submit', 'request', (s, second) => s.submit('entry-1', second as never)],
  ];
  const missing: readonly [string, unknown][] = [
    ['nothing', undefined],
    ['null', null],
    ['a bare name', 'ana'],
  ];
  for (const [method, argument, call] of calls) {
    for (const [label, second] of missing) {
      it(`${method} given ${label} is a ValidationError at ['${argument}'] with an example, and the store is not asked`, async () => {
        const { scheduler: s, storeCalls } = scheduler();
        const error = await refusal(() => call(s, second));
        expect(paths(error)).toEqual([[argument]]);
        expect(error.hint).toContain(`scheduler.${method}(entry.id, { by: 'ana'`);
        expect(storeCalls).toEqual([]);
      });
    }
    it(`${method} given an object without by is refused at ['${argument}', 'by'], not recorded without a name`, async () => {
      const { scheduler: s, storeCalls } = scheduler();
      const error = await refusal(() => call(s, { who: 'ana' }));
      expect(paths(error)).toEqual([[argument, 'by']]);
      expect(storeCalls).toEqual([]);
    });
  }

  it('approve refuses a note that is not a text', async () => {
    const { scheduler: s } = scheduler();
    const error = await refusal(() => s.approve('entry-1', { by: 'ana', note: 5 } as never));
    expect(paths(error)).toEqual([['decision', 'note']]);
  });

  it('a decision naming who decides still reaches the store: an unknown entry is refused as missing', async () => {
    const { scheduler: s } = scheduler();
    const error = await refusal(() => s.approve('entry-1', { by: 'ana' }));
    expect(error.problems.map((problem) => problem.rule)).toEqual(['entry.missing']);
  });
});

describe('scheduler: other arguments of the wrong kind', () => {
  it("schedule refuses targets that are not a list, or hold a non-object, at ['targets']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    expect(paths(await refusal(() => s.schedule({ text: 'Hi' }, undefined as never, at)))).toEqual([
      ['targets'],
    ]);
    expect(paths(await refusal(() => s.schedule({ text: 'Hi' }, [target, null] as never, at)))).toEqual([
      ['targets', 1],
    ]);
    expect(storeCalls).toEqual([]);
  });

  it("schedule and reschedule refuse a null time at ['when']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    expect(paths(await refusal(() => s.schedule({ text: 'Hi' }, [target], null as never)))).toEqual([
      ['when'],
    ]);
    expect(paths(await refusal(() => s.reschedule('entry-1', null as never)))).toEqual([['when']]);
    expect(storeCalls).toEqual([]);
  });

  it('schedule refuses a recurrence without a text rule or a start, naming each', async () => {
    const { scheduler: s, storeCalls } = scheduler();
    const error = await refusal(() => s.schedule({ text: 'Hi' }, [target], { rrule: 5 } as never));
    expect(paths(error)).toEqual([
      ['when', 'rrule'],
      ['when', 'start'],
    ]);
    expect(error.hint).toContain('rrule');
    const noAt = await refusal(() =>
      s.schedule({ text: 'Hi' }, [target], { rrule: 'FREQ=DAILY', start: { zone: 'UTC' } } as never),
    );
    expect(paths(noAt)).toEqual([['when', 'start', 'at']]);
    expect(storeCalls).toEqual([]);
  });

  it("schedule and cancel refuse options that are not an object at ['options']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    expect(paths(await refusal(() => s.schedule({ text: 'Hi' }, [target], at, null as never)))).toEqual([
      ['options'],
    ]);
    // A string is not silently ignored: 'draft' would otherwise plan an entry that goes out.
    expect(paths(await refusal(() => s.schedule({ text: 'Hi' }, [target], at, 'draft' as never)))).toEqual([
      ['options'],
    ]);
    expect(paths(await refusal(() => s.cancel('entry-1', null as never)))).toEqual([['options']]);
    expect(storeCalls).toEqual([]);
  });

  it("schedule refuses a blank `by` at ['by'], as approve, reject and submit do", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    const blank = await refusal(() =>
      s.schedule({ text: 'Hi' }, [target], at, { approval: 'required', by: ' ' }),
    );
    expect(paths(blank)).toEqual([['by']]);
    expect(storeCalls).toEqual([]);
  });

  it("calendar without a query and list with a non-object query are refused at ['query']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    const error = await refusal(() => s.calendar(undefined as never));
    expect(paths(error)).toEqual([['query']]);
    expect(error.hint).toContain('zone');
    expect(paths(await refusal(() => s.list(null as never)))).toEqual([['query']]);
    expect(storeCalls).toEqual([]);
  });

  it("publishTarget without a job is refused at ['job']", async () => {
    const { scheduler: s, storeCalls } = scheduler();
    expect(paths(await refusal(() => s.publishTarget(undefined as never)))).toEqual([['job']]);
    expect(storeCalls).toEqual([]);
  });
});
