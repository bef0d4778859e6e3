import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  fetchSetting,
  httpBaseUrlSetting,
  nonEmptyTextSetting,
  positiveIntegerSetting,
  requiredSecretSetting,
  settingIssue,
} from '../../src/adapter/settings-schemas.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { parseModel } from '../../src/parse/parse-model.js';

const Settings = z.object({
  baseUrl: z._default(httpBaseUrlSetting('https://api.example'), 'https://api.example'),
  timeoutMs: z.optional(positiveIntegerSetting),
  chunkBytes: z._default(
    positiveIntegerSetting.check(
      z.refine(
        (bytes: number) => bytes <= 100,
        settingIssue({
          rule: 'settings.chunk_bytes',
          message: 'must be at most 100 bytes',
          limit: 100,
          showsValue: true,
        }),
      ),
    ),
    10,
  ),
  appSecret: z.optional(nonEmptyTextSetting),
  fetch: z.optional(fetchSetting),
});

function problemsOf(input: unknown, schema: z.core.$ZodType = Settings): ValidationError {
  try {
    parseModel(schema, input, 'Example adapter settings', { platform: 'example' });
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('setting schemas', () => {
  it('applies defaults and gives the base URL back without trailing slashes', () => {
    expect(parseModel(Settings, {}, 'settings')).toEqual({ baseUrl: 'https://api.example', chunkBytes: 10 });
    expect(parseModel(Settings, { baseUrl: 'http://localhost:8080//' }, 'settings').baseUrl).toBe(
      'http://localhost:8080',
    );
  });

  it('refuses a whole number past the longest timer JavaScript runs, which would fail every request', () => {
    const error = problemsOf({ timeoutMs: Number.MAX_SAFE_INTEGER });
    expect(error.problems).toEqual([
      {
        path: ['timeoutMs'],
        rule: 'settings.positive_integer',
        message: 'must be at most 2147483647 (the longest timer JavaScript runs)',
        actual: Number.MAX_SAFE_INTEGER,
      },
    ]);
    expect(parseModel(Settings, { timeoutMs: 2_147_483_647 }, 'settings').timeoutMs).toBe(2_147_483_647);
  });

  it('lists every bad setting at once, in schema order, with its own rule, limit and value', () => {
    const error = problemsOf({
      chunkBytes: 101,
      timeoutMs: 1.5,
      baseUrl: 'ftp://api.example',
      fetch: 'fetch',
    });
    expect(error.platform).toBe('example');
    expect(error.problems).toEqual([
      {
        path: ['baseUrl'],
        rule: 'settings.base_url',
        message: 'must be an http(s) URL such as https://api.example',
      },
      {
        path: ['timeoutMs'],
        rule: 'settings.positive_integer',
        message: 'must be a positive whole number',
        actual: 1.5,
      },
      {
        path: ['chunkBytes'],
        rule: 'settings.chunk_bytes',
        message: 'must be at most 100 bytes',
        limit: 100,
        actual: 101,
      },
      { path: ['fetch'], rule: 'settings.fetch', message: 'must be a fetch function' },
    ]);
  });

  it('reports a value that is not a positive whole number once, without running the checks after it', () => {
    expect(problemsOf({ chunkBytes: 250.5 }).problems).toEqual([
      {
        path: ['chunkBytes'],
        rule: 'settings.positive_integer',
        message: 'must be a positive whole number',
        actual: 250.5,
      },
    ]);
    expect(problemsOf({ timeoutMs: '30s' }).problems).toMatchObject([
      { path: ['timeoutMs'], rule: 'settings.positive_integer', actual: '30s' },
    ]);
  });

  it('refuses blank text that is set, and never copies a secret into the problem', () => {
    const error = problemsOf({ appSecret: '  ' });
    expect(error.problems).toEqual([
      { path: ['appSecret'], rule: 'settings.non_empty', message: 'must not be empty when set' },
    ]);
    expect(problemsOf({ appSecret: 42 }).problems).toEqual([
      { path: ['appSecret'], rule: 'settings.non_empty', message: 'must be text' },
    ]);
  });

  it('requires a secret, saying whether it is empty or missing', () => {
    const Handler = z.object({ consumerSecret: requiredSecretSetting });
    expect(problemsOf({ consumerSecret: '' }, Handler).problems).toEqual([
      { path: ['consumerSecret'], rule: 'settings.required', message: 'must be set (it is empty)' },
    ]);
    expect(problemsOf({}, Handler).problems).toEqual([
      { path: ['consumerSecret'], rule: 'settings.required', message: 'must be set (it is missing)' },
    ]);
    expect(parseModel(Handler, { consumerSecret: 's3cret' }, 'handler')).toEqual({
      consumerSecret: 's3cret',
    });
  });

  it('names a required base URL that is missing with the rule it is given', () => {
    const Mastodon = z.object({
      instanceUrl: httpBaseUrlSetting('https://mastodon.social', 'settings.instance_url'),
    });
    expect(problemsOf({}, Mastodon).problems).toEqual([
      {
        path: ['instanceUrl'],
        rule: 'settings.instance_url',
        message: 'must be an http(s) URL such as https://mastodon.social',
      },
    ]);
  });

  it('shows a list of text joined with commas, and cuts long text shown as the value found', () => {
    const Request = z.object({
      scopes: z.custom<string[]>(
        (value) => Array.isArray(value) && value.includes('basic'),
        settingIssue({ rule: 'oauth.scope_required', message: 'must include basic', showsValue: true }),
      ),
    });
    expect(problemsOf({ scopes: ['publish', 'comments'] }, Request).problems).toEqual([
      {
        path: ['scopes'],
        rule: 'oauth.scope_required',
        message: 'must include basic',
        actual: 'publish,comments',
      },
    ]);
    const [problem] = problemsOf({ scopes: ['x'.repeat(300)] }, Request).problems;
    expect(problem?.actual).toBe(`${'x'.repeat(200)}…`);
  });

  it('keeps schema.custom for a custom check that names no rule', () => {
    const Plain = z.object({ n: z.custom<number>((value) => value === 1, { error: 'must be 1' }) });
    expect(problemsOf({ n: 2 }, Plain).problems).toEqual([
      { path: ['n'], rule: 'schema.custom', message: 'must be 1' },
    ]);
  });
});
