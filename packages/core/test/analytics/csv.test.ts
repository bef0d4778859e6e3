import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/analytics/csv.js';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i += 1;
      }
    } else if (text[i] === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i += 2;
    } else {
      const char = text.charAt(i);
      if (char === '"' || char === '\r' || char === '\n')
        throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
      field += char;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) throw new Error('last record lacks CRLF');
  return records;
}

describe('toCsv', () => {
  it('writes a header and CRLF-ended records, with nulls empty and dates in ISO 8601', () => {
    const rows = [
      {
        post: 'a',
        impressions: 1234,
        rate: 0.0525,
        top: true,
        at: new Date('2026-05-01T09:00:00Z'),
        note: null,
      },
      { post: 'b', impressions: 0, rate: -0.5, top: false, at: undefined, note: 'ok' },
    ];
    expect(toCsv(rows)).toBe(
      'post,impressions,rate,top,at,note\r\n' +
        'a,1234,0.0525,true,2026-05-01T09:00:00.000Z,\r\n' +
        'b,0,-0.5,false,,ok\r\n',
    );
  });

  it('quotes fields with commas, quotes, CR or LF and doubles embedded quotes', () => {
    const rows = [
      { text: 'a,b' },
      { text: 'say "hi"' },
      { text: 'line\nbreak' },
      { text: 'cr\rhere' },
      { text: 'plain' },
    ];
    expect(toCsv(rows)).toBe('text\r\n"a,b"\r\n"say ""hi"""\r\n"line\nbreak"\r\n"cr\rhere"\r\nplain\r\n');
  });

  it('round-trips through an RFC 4180 parser', () => {
    const texts = ['', 'a,b', '"quoted"', 'multi\r\nline', 'ünïcødé 🚀', ' spaced ', 'x""y', '\n', 'a;b'];
    const rows = texts.map((text, i) => ({ i, text }));
    // Without the formula guard, which prefixes the lone LF (see below).
    expect(parseCsv(toCsv(rows, undefined, { formulaGuard: false }))).toEqual([
      ['i', 'text'],
      ...texts.map((text, i) => [String(i), text]),
    ]);
  });

  it('guards against formula injection by default, and can be turned off', () => {
    const rows = [
      { v: '=HYPERLINK("http://evil")' },
      { v: '+1' },
      { v: '-1' },
      { v: '@SUM(A1)' },
      { v: '\tx' },
      { v: '\rx' },
    ];
    expect(parseCsv(toCsv(rows)).slice(1).flat()).toEqual([
      `'=HYPERLINK("http://evil")`,
      `'+1`,
      `'-1`,
      `'@SUM(A1)`,
      `'\tx`,
      `'\rx`,
    ]);
    expect(
      parseCsv(toCsv(rows, undefined, { formulaGuard: false }))
        .slice(1)
        .flat(),
    ).toEqual(rows.map((r) => r.v));
    // Numbers are not text: a negative number stays a number.
    expect(toCsv([{ n: -5 }])).toBe('n\r\n-5\r\n');
    expect(toCsv([{ n: 1 }], [{ header: '=cmd', value: 'n' }])).toBe(`'=cmd\r\n1\r\n`);
  });

  it('quotes a text with a semicolon, so a spreadsheet splitting on ";" cannot start a formula cell', () => {
    // Excel in most European locales reads CSV with ";" as the separator: an unquoted
    // `hi;=HYPERLINK(…)` would become two cells, the second a live formula.
    const csv = toCsv([{ text: 'hi;=HYPERLINK("http://evil","x")' }, { text: 'a;b' }]);
    expect(csv).toBe('text\r\n"hi;=HYPERLINK(""http://evil"",""x"")"\r\n"a;b"\r\n');
    expect(parseCsv(csv).slice(1).flat()).toEqual(['hi;=HYPERLINK("http://evil","x")', 'a;b']);
  });

  it('neutralises a text starting with a line feed, as OWASP lists it', () => {
    expect(
      parseCsv(toCsv([{ v: '\n=1+2' }]))
        .slice(1)
        .flat(),
    ).toEqual(["'\n=1+2"]);
    expect(
      parseCsv(toCsv([{ v: '\n=1+2' }], undefined, { formulaGuard: false }))
        .slice(1)
        .flat(),
    ).toEqual(['\n=1+2']);
  });

  it('takes columns as keys or headers with readers, and unions keys across rows by default', () => {
    const rows = [
      { a: 1, b: 2 },
      { a: 3, c: 'x' },
    ] as { a: number; b?: number; c?: string }[];
    expect(toCsv(rows)).toBe('a,b,c\r\n1,2,\r\n3,,x\r\n');
    expect(toCsv(rows, ['c', { header: 'A×10', value: (r) => r.a * 10 }, { header: 'B', value: 'b' }])).toBe(
      'c,A×10,B\r\n,10,2\r\nx,30,\r\n',
    );
  });

  it('writes non-finite numbers and invalid dates as empty, objects as JSON', () => {
    const rows = [{ n: Number.NaN, d: new Date('nope'), o: { k: [1, 2] }, big: 10n ** 20n }];
    expect(parseCsv(toCsv(rows))[1]).toEqual(['', '', '{"k":[1,2]}', '100000000000000000000']);
  });

  it('handles no rows, no columns and a single empty column', () => {
    expect(toCsv([])).toBe('');
    expect(toCsv([], ['a', 'b'])).toBe('a,b\r\n');
    expect(toCsv([{ a: null }])).toBe('a\r\n""\r\n');
    expect(parseCsv(toCsv([{ a: null }]))).toEqual([['a'], ['']]);
  });
});
