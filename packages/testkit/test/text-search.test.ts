import { describe, expect, it } from 'vitest';
import { containsPhrase, containsWords, foldText } from '../src/simulator/text-search.js';

describe('text search', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Diacrítica CAFÉ')).toBe('diacritica cafe');
  });

  it('matches keywords on whole words, in a row, whatever the punctuation', () => {
    expect(containsWords('Loving #Acme! today', 'acme')).toBe(true);
    expect(containsWords('Loving acmecorp today', 'acme')).toBe(false);
    expect(containsWords('Off to New York soon', 'new-york')).toBe(true);
    expect(containsWords('New shoes in York', 'new-york')).toBe(false);
    expect(containsWords('anything', '!!!')).toBe(false);
  });

  it('matches phrases as written, not inside longer words', () => {
    expect(containsPhrase('I love Acme Co. a lot', 'acme co')).toBe(true);
    expect(containsPhrase('I love Acme Cola', 'acme co')).toBe(false);
    expect(containsPhrase('xacme co', 'acme co')).toBe(false);
    expect(containsPhrase('price:$5 today', ':$5')).toBe(true);
    expect(containsPhrase('Café Olé', 'cafe ole')).toBe(true);
  });
});
