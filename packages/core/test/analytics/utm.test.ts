import { describe, expect, it } from 'vitest';
import { addUtmToText, buildUtmUrl, utmForTarget } from '../../src/analytics/utm.js';
import { ValidationError } from '../../src/errors/validation-error.js';

const params = { source: 'x', medium: 'social', campaign: 'spring-26' };
const query = 'utm_source=x&utm_medium=social&utm_campaign=spring-26';

describe('buildUtmUrl', () => {
  it('appends the parameters after existing ones and keeps the fragment', () => {
    expect(buildUtmUrl('https://shop.example/p?id=7#reviews', params)).toBe(
      `https://shop.example/p?id=7&${query}#reviews`,
    );
    expect(buildUtmUrl(new URL('http://shop.example'), params)).toBe(`http://shop.example/?${query}`);
  });

  it('replaces utm parameters of the same name and keeps others with their exact encoding', () => {
    const url = 'https://a.example/?utm_source=old&q=a+b%20c&flag&utm_content=keep&utm_medium=old';
    expect(buildUtmUrl(url, params)).toBe(`https://a.example/?q=a+b%20c&flag&utm_content=keep&${query}`);
  });

  it('adds content and term when given, encoded', () => {
    const url = buildUtmUrl('https://a.example/', { ...params, content: 'variant B', term: 'café&co' });
    expect(url).toBe(`https://a.example/?${query}&utm_content=variant%20B&utm_term=caf%C3%A9%26co`);
    expect(new URL(url).searchParams.get('utm_term')).toBe('café&co');
  });

  it('rejects non-http URLs and blank required parameters, listing every problem', () => {
    expect(() => buildUtmUrl('ftp://a.example/', params)).toThrow(ValidationError);
    expect(() => buildUtmUrl('not a url', params)).toThrow(ValidationError);
    try {
      buildUtmUrl('javascript:alert(1)', { source: ' ', medium: 'social', campaign: '' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path[0])).toEqual([
        'url',
        'source',
        'campaign',
      ]);
    }
  });

  it('refuses a value holding half of a surrogate pair with a ValidationError, not a URIError', () => {
    // A lone surrogate (e.g. an emoji cut in half by slicing a string) has no UTF-8 form to encode.
    const attempt = () =>
      buildUtmUrl('https://a.example/', { ...params, campaign: 'spring-\uD83C', term: 'x\uDF38' });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
      expect.unreachable();
    } catch (error) {
      expect(error).not.toBeInstanceOf(URIError);
      expect((error as ValidationError).problems.map((p) => [p.path[0], p.rule])).toEqual([
        ['campaign', 'utm.well_formed'],
        ['term', 'utm.well_formed'],
      ]);
    }
    // A whole pair is a character like any other.
    expect(buildUtmUrl('https://a.example/', { ...params, content: 'spring-\uD83C\uDF38' })).toBe(
      `https://a.example/?${query}&utm_content=spring-%F0%9F%8C%B8`,
    );
  });
});

describe('utmForTarget', () => {
  it('defaults source to the platform and medium to social, content to the account handle', () => {
    expect(utmForTarget({ platform: 'linkedin', accountHandle: 'acme', campaign: 'launch' })).toEqual({
      source: 'linkedin',
      medium: 'social',
      campaign: 'launch',
      content: 'acme',
    });
    expect(
      utmForTarget({ platform: 'x', accountHandle: 'acme', campaign: 'c', content: 'B', medium: 'paid' }),
    ).toEqual({ source: 'x', medium: 'paid', campaign: 'c', content: 'B' });
    expect(utmForTarget({ platform: 'x', campaign: 'c' })).toEqual({
      source: 'x',
      medium: 'social',
      campaign: 'c',
    });
  });
});

describe('addUtmToText', () => {
  it('tags every URL and leaves trailing punctuation outside', () => {
    const text =
      'See https://a.example/x. Or (https://b.example/y?z=1)! And https://c.example, http://d.example?';
    expect(addUtmToText(text, params)).toBe(
      `See https://a.example/x?${query}. Or (https://b.example/y?z=1&${query})! ` +
        `And https://c.example/?${query}, http://d.example/?${query}?`,
    );
  });

  it('keeps balanced parentheses and fragments inside a URL', () => {
    expect(addUtmToText('Read https://en.wikipedia.org/wiki/Foo_(bar) now', params)).toBe(
      `Read https://en.wikipedia.org/wiki/Foo_(bar)?${query} now`,
    );
    expect(addUtmToText('https://a.example/#top', params)).toBe(`https://a.example/?${query}#top`);
  });

  it('is idempotent and leaves text without URLs untouched', () => {
    const once = addUtmToText('Go https://a.example/?utm_source=old', params);
    expect(addUtmToText(once, params)).toBe(once);
    expect(addUtmToText('no links here, www.example.com', params)).toBe('no links here, www.example.com');
  });

  it('tags only the URLs the filter accepts', () => {
    const text = 'https://mine.example/a https://other.example/b';
    const tagged = addUtmToText(text, params, { filter: (url) => url.hostname === 'mine.example' });
    expect(tagged).toBe(`https://mine.example/a?${query} https://other.example/b`);
  });

  it('rejects blank required parameters', () => {
    expect(() => addUtmToText('https://a.example', { ...params, medium: '' })).toThrow(ValidationError);
  });

  it('refuses a lone surrogate in a value with a ValidationError, even when the text has no URL', () => {
    expect(() => addUtmToText('https://a.example', { ...params, source: '\uDC00x' })).toThrow(
      ValidationError,
    );
    expect(() => addUtmToText('no link here', { ...params, content: 'a\uD800' })).toThrow(ValidationError);
  });
});
