import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { ScheduleEntryInput } from '../../src/models/schedule-entry.js';
import { SCHEDULE_STATUSES } from '../../src/models/schedule-status.js';
import { parseScheduleEntry } from '../../src/parse/parse-models.js';

const entry: ScheduleEntryInput = {
  id: 'entry_1',
  post: { text: 'Hello from smmkit', tags: ['launch'] },
  targets: [{ platform: 'x', accountId: '2244994945' }],
  publishAt: '2026-05-01T09:00:00+02:00',
  timeZone: 'Europe/Berlin',
  status: 'awaiting_approval',
  approval: { requestedBy: 'ana', requestedAt: new Date('2026-04-30T10:00:00Z') },
  recurrence: { rule: 'FREQ=WEEKLY;BYDAY=FR' },
  createdAt: '2026-04-30T09:59:00.123Z',
};

describe('parseScheduleEntry', () => {
  it('turns instants into Dates and defaults attempts to 0', () => {
    const parsed = parseScheduleEntry(entry);
    expect(parsed.publishAt).toEqual(new Date('2026-05-01T07:00:00Z'));
    expect(parsed.approval?.requestedAt).toEqual(new Date('2026-04-30T10:00:00Z'));
    expect(parsed.createdAt?.getUTCMilliseconds()).toBe(123);
    expect(parsed.attempts).toBe(0);
  });

  it('round-trips through JSON.stringify with equal Dates', () => {
    const parsed = parseScheduleEntry({ ...entry, attempts: 2, updatedAt: new Date('2026-04-30T11:00:00Z') });
    const again = parseScheduleEntry(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
    expect(again.publishAt.getTime()).toBe(parsed.publishAt.getTime());
    expect(again.updatedAt).toBeInstanceOf(Date);
  });

  it('lists every status, in lifecycle order', () => {
    expect(SCHEDULE_STATUSES).toEqual([
      'draft',
      'awaiting_approval',
      'scheduled',
      'publishing',
      'published',
      'failed',
      'unknown',
      'rejected',
      'cancelled',
    ]);
  });

  it('reports problems in the post, the targets and the entry together', () => {
    try {
      parseScheduleEntry({
        ...entry,
        post: { media: [{ kind: 'image', source: { type: 'url', url: 'nope' }, mimeType: 'image/jpeg' }] },
        targets: [{ platform: 'X', accountId: '1' }],
        timeZone: 'Mars/Base',
        status: 'done',
        attempts: -1,
        recurrence: { rule: 'every monday' },
      });
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      if (!ValidationError.isInstance(error)) return;
      expect(error.problems.map((p) => [p.path.join('.'), p.rule, p.message])).toEqual([
        ['post.media.0.source.url', 'schema.invalid_format', 'not a valid URL'],
        [
          'targets.0.platform',
          'schema.invalid_format',
          'must be a lowercase platform id such as "x" or "linkedin" (a-z, 0-9, "_", "-")',
        ],
        ['timeZone', 'schema.custom', 'unknown time zone "Mars/Base"'],
        [
          'status',
          'schema.invalid_value',
          'must be one of: draft, awaiting_approval, scheduled, publishing, published, failed, unknown, rejected, cancelled',
        ],
        ['attempts', 'schema.too_small', 'must be at least 0'],
        [
          'recurrence.rule',
          'schema.invalid_format',
          'must be an RFC 5545 RRULE with FREQ, e.g. FREQ=WEEKLY;BYDAY=MO',
        ],
      ]);
      expect(error.message).toContain('Invalid schedule entry (6 problems)');
      expect(error.message).toContain('targets[0].platform:');
    }
  });

  it('refuses recurrences more often than daily, as the scheduler does, and says how to post several times a day', () => {
    for (const freq of ['HOURLY', 'minutely', 'SECONDLY']) {
      try {
        parseScheduleEntry({ ...entry, recurrence: { rule: `RRULE:FREQ=${freq};INTERVAL=2` } });
        expect.unreachable(freq);
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
        if (!ValidationError.isInstance(error)) return;
        expect(error.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
          [
            'recurrence.rule',
            `FREQ=${freq.toUpperCase()} is not supported: the scheduler repeats at most daily; for several posts a day use FREQ=DAILY;BYHOUR=9,13,17`,
          ],
        ]);
      }
    }
    // Daily and slower rules stay valid, several posts a day included.
    for (const rule of ['FREQ=DAILY;BYHOUR=9,13,17', 'FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=YEARLY']) {
      expect(parseScheduleEntry({ ...entry, recurrence: { rule } }).recurrence?.rule).toBe(rule);
    }
  });

  it('requires at least one target', () => {
    expect(() => parseScheduleEntry({ ...entry, targets: [] })).toThrow(/targets: must have at least 1 item/);
  });
});
