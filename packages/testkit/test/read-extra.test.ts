import { describe, expect, it } from 'vitest';
import { readExtra } from '../src/simulator/read-extra.js';

interface Extra {
  readonly visibility: string;
  readonly sensitive: boolean;
  readonly mentions: readonly string[];
  readonly poll: { readonly id: string } | undefined;
}
const PLAIN: Extra = { visibility: 'public', sensitive: false, mentions: [], poll: undefined };

describe('readExtra', () => {
  it('reads the stored fields that have the type of their default', () => {
    const stored = { visibility: 'private', sensitive: true, mentions: ['1'], poll: { id: '9' }, other: 1 };
    expect(readExtra(stored, PLAIN)).toEqual({
      visibility: 'private',
      sensitive: true,
      mentions: ['1'],
      poll: { id: '9' },
    });
  });

  it('keeps the default for a field that is missing or of another type', () => {
    expect(readExtra({ visibility: 3, sensitive: 'yes', mentions: 'ana' }, PLAIN)).toEqual(PLAIN);
    expect(readExtra({}, PLAIN)).toEqual(PLAIN);
  });
});
