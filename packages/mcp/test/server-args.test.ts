import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../src/server-args.ts';

describe('smmkit-mcp arguments', () => {
  it('takes the allow list comma-separated, repeated, or both', () => {
    expect(parseServerArgs(['--allow', 'brand-x, brand-ig', '--allow', 'brand-li']).allow).toEqual([
      'brand-x',
      'brand-ig',
      'brand-li',
    ]);
  });

  it('allows nothing unless told', () => {
    expect(parseServerArgs(['--simulate'])).toMatchObject({ simulate: true, allow: [] });
  });

  it('refuses an unknown option with a hint', () => {
    let caught: unknown;
    try {
      parseServerArgs(['--allow-all']);
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).hint).toContain('--help');
  });
});
