import { describe, expect, it } from 'vitest';
import { parseConversionsCsv } from '../../src/analytics/conversions-csv.js';
import { toCsv } from '../../src/analytics/csv.js';
import { parseCsv } from '../../src/analytics/csv-parse.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const fieldsOf = (text: string, delimiter?: string) =>
  parseCsv(text, delimiter).map((record) => record.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, line breaks and doubled quotes', () => {
    const text = 'a,b,c\r\n"x, y","line 1\r\nline 2","say ""hi"""\r\n';
    expect(fieldsOf(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'line 1\r\nline 2', 'say "hi"'],
    ]);
  });

  it('reads what toCsv writes back to the same cells', () => {
    const rows = [
      { name: 'Spring, "26"', note: 'two\nlines', n: 3 },
      { name: '', note: 'é ✓', n: -1 },
    ];
    const text = toCsv(rows, undefined, { formulaGuard: false });
    expect(fieldsOf(text)).toEqual([
      ['name', 'note', 'n'],
      ['Spring, "26"', 'two\nlines', '3'],
      ['', 'é ✓', '-1'],
    ]);
  });

  it('accepts LF, CR, a missing last line end and a byte-order mark; skips blank lines', () => {
    expect(fieldsOf('\ufeffa;b\n1;2\r3;4\n\n5;6', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps stray quotes in unquoted fields and numbers records by their first line', () => {
    const records = parseCsv('a,b\n5" screen,"multi\nline"\nlast,x\n');
    expect(records.map((record) => [record.line, ...record.fields])).toEqual([
      [1, 'a', 'b'],
      [2, '5" screen', 'multi\nline'],
      [4, 'last', 'x'],
    ]);
  });

  it('refuses a quoted field that is never closed', () => {
    expect(() => parseCsv('a,b\n"open,1\n2,3\n')).toThrow(ValidationError);
  });
});

describe('parseConversionsCsv', () => {
  it('reads UTM columns, value and count by their default names', () => {
    const text = [
      'utm_source,utm_medium,utm_campaign,utm_content,conversions,revenue',
      'x,social,spring-26,hero,3,"1,234.50"',
      'linkedin,social,spring-26,acme,1,$99',
    ].join('\r\n');
    expect(parseConversionsCsv(text)).toEqual([
      {
        utm: { source: 'x', medium: 'social', campaign: 'spring-26', content: 'hero' },
        count: 3,
        value: 1234.5,
      },
      {
        utm: { source: 'linkedin', medium: 'social', campaign: 'spring-26', content: 'acme' },
        count: 1,
        value: 99,
      },
    ]);
  });

  it('reads a Google Analytics 4 export: comment lines, GA names, (not set), YYYYMMDD dates', () => {
    const text = [
      '# ----------------------------------------',
      '# Traffic acquisition: Session source / medium',
      '# 20260501-20260531',
      '# ----------------------------------------',
      '',
      'Date,Session source,Session medium,Session campaign,Session manual ad content,Key events,Total revenue',
      '20260504,x,social,spring-26,(not set),2,80',
      '20260505,(direct),(none),(not set),(not set),1,0',
    ].join('\n');
    expect(parseConversionsCsv(text, { timeZone: 'Europe/Berlin' })).toEqual([
      {
        utm: { source: 'x', medium: 'social', campaign: 'spring-26' },
        count: 2,
        value: 80,
        at: new Date('2026-05-03T22:00:00Z'),
      },
      { utm: {}, count: 1, value: 0, at: new Date('2026-05-04T22:00:00Z') },
    ]);
  });

  it('detects semicolons and reads decimal commas', () => {
    const text = 'Quelle;Kampagne;Umsatz;Zeit\nx;"Frühling; 26";1.234,50 €;2026-05-04T10:00:00+02:00\n';
    const events = parseConversionsCsv(text, {
      decimal: ',',
      columns: { source: 'Quelle', campaign: 'Kampagne', value: 'Umsatz', at: 'Zeit' },
    });
    expect(events).toEqual([
      {
        utm: { source: 'x', campaign: 'Frühling; 26' },
        count: 1,
        value: 1234.5,
        at: new Date('2026-05-04T08:00:00Z'),
      },
    ]);
  });

  it('counts each row once without a count column, and an empty count cell as 0', () => {
    expect(parseConversionsCsv('source\nx\nx\n').map((event) => event.count)).toEqual([1, 1]);
    expect(parseConversionsCsv('source,conversions\nx,\n').map((event) => event.count)).toEqual([0]);
  });

  it('names every bad cell by line and column', () => {
    const text = 'source,value,count,date\nx,abc,1,2026-05-04\nx,1,-2,yesterday\n';
    try {
      parseConversionsCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).problems.map((p) => p.path.join(' '))).toEqual([
        'line 2 value',
        'line 3 count',
        'line 3 at',
      ]);
    }
  });

  it('says which column is missing and what the header has', () => {
    expect(() => parseConversionsCsv('campaign,value\nspring,1\n')).toThrow(
      /no utm_source column.*campaign, value/,
    );
    expect(() => parseConversionsCsv('src,value\nx,1\n', { columns: { source: 'origin' } })).toThrow(
      /no column "origin"/,
    );
    expect(parseConversionsCsv('src,value\nx,1\n', { columns: { source: 'SRC' } })).toEqual([
      { utm: { source: 'x' }, count: 1, value: 1 },
    ]);
  });

  it('gives nothing for an empty export', () => {
    expect(parseConversionsCsv('')).toEqual([]);
    expect(parseConversionsCsv('# only a comment\n')).toEqual([]);
  });
});
