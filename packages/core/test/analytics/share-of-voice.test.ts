import { describe, expect, it } from 'vitest';
import { type BrandTerms, shareOfVoice } from '../../src/analytics/share-of-voice.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { mention } from './research-fixtures.js';

const BRANDS: BrandTerms[] = [
  { brand: 'Bean Bros', terms: ['Bean Bros', '@beanbros', 'beanbros'], own: true },
  { brand: 'Rival Coffee', terms: ['Rival Coffee', 'rival'] },
  { brand: 'Café Olé', terms: ['café olé'] },
];

const fan = { id: 'fan' };

describe('shareOfVoice', () => {
  it('counts items naming each brand, whole words in any case, as computed by hand', () => {
    const items = [
      mention('1', fan, 'Love @beanbros coffee', '2026-05-05T10:00:00Z'), // Bean Bros
      mention('2', fan, 'Rival Coffee is better than Bean Bros', '2026-05-05T11:00:00Z'), // both
      mention('3', fan, 'the rivalry is fun', '2026-05-05T12:00:00Z'), // none: rival is part of a word
      mention('4', fan, "RIVAL's new cup", '2026-05-06T10:00:00Z'), // Rival Coffee
      mention('5', fan, '#BeanBros all day, Bean Bros forever', '2026-05-06T11:00:00Z'), // Bean Bros, once
      mention('6', fan, 'bean bros', '2026-05-06T12:00:00Z', { kind: 'direct_message' }), // private: left out
      mention('1', fan, 'Love @beanbros coffee', '2026-05-05T10:00:00Z'), // a repeat of item 1
      mention('7', fan, 'beanbrosfan here', '2026-05-07T10:00:00Z'), // none
      mention('8', fan, 'CAFE\u0301 OLÉ rocks', '2026-05-07T11:00:00Z'), // Café Olé, with a combining accent
    ];
    const sov = shareOfVoice(items, BRANDS);
    expect(sov.items).toBe(7); // the DM and the repeat are not read
    expect(sov.totalMentions).toBe(6);
    expect(sov.brands).toEqual([
      { brand: 'Bean Bros', own: true, mentions: 3, share: 0.5 },
      { brand: 'Rival Coffee', own: false, mentions: 2, share: 2 / 6 },
      { brand: 'Café Olé', own: false, mentions: 1, share: 1 / 6 },
    ]);
  });

  it('reads only the items of the window', () => {
    const items = [
      mention('1', fan, 'bean bros', '2026-05-03T23:59:59Z'),
      mention('2', fan, 'bean bros', '2026-05-04T00:00:00Z'),
      mention('3', fan, 'rival', '2026-05-10T00:00:00Z'),
    ];
    const sov = shareOfVoice(items, BRANDS, {
      since: new Date('2026-05-04T00:00:00Z'),
      until: new Date('2026-05-10T00:00:00Z'),
    });
    expect(sov.items).toBe(1);
    expect(sov.brands[0]?.mentions).toBe(1);
    expect(sov.brands[1]?.share).toBe(0);
  });

  it('matches terms literally, not as patterns', () => {
    const brands = [{ brand: 'C++ shop', terms: ['c++', 'a.b'] }];
    const sov = shareOfVoice(
      [{ text: 'I write C++ daily' }, { text: 'axb is not it' }, { text: 'see a.b.' }],
      brands,
    );
    expect(sov.brands[0]?.mentions).toBe(2);
  });

  it('shows no mention as "no data" (null), never NaN', () => {
    const sov = shareOfVoice([mention('1', fan, 'nothing here', '2026-05-05T10:00:00Z')], BRANDS);
    expect(sov.totalMentions).toBe(0);
    expect(sov.brands.map((brand) => brand.share)).toEqual([null, null, null]);
    expect(shareOfVoice([], BRANDS).brands[0]).toEqual({
      brand: 'Bean Bros',
      own: true,
      mentions: 0,
      share: null,
    });
  });

  it('refuses blank or repeated brands and blank terms, naming each', () => {
    try {
      shareOfVoice(
        [],
        [
          { brand: 'A', terms: [] },
          { brand: 'A', terms: ['ok', ' '] },
          { brand: ' ', terms: ['x'] },
        ],
      );
      expect.unreachable('bad brands must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
        ['brands', 0, 'terms'],
        ['brands', 1, 'brand'],
        ['brands', 1, 'terms', 1],
        ['brands', 2, 'brand'],
      ]);
    }
  });
});
