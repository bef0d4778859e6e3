import { parseModel, positiveIntegerSetting } from '@smmkit/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  GRAPH_LOCATION_SETTINGS,
  GRAPH_TRANSPORT_SETTINGS,
  resolveGraphSettings,
} from '../src/graph-settings.js';
import { GRAPH_API_ORIGIN } from '../src/graph-version.js';

const Settings = z.object({
  ...GRAPH_LOCATION_SETTINGS,
  pollMs: z._default(positiveIntegerSetting, 1000),
  ...GRAPH_TRANSPORT_SETTINGS,
});
const parse = (settings: unknown) =>
  parseModel(Settings, settings, 'Test adapter settings', { platform: 'facebook' });

describe('Graph settings shared by the Facebook and Instagram adapters', () => {
  it('defaults to the newest version on the given host and leaves unset transport settings undefined', () => {
    const resolved = resolveGraphSettings(parse({}), 'https://graph.instagram.com');
    expect(resolved).toEqual({
      fetch: undefined,
      timeoutMs: undefined,
      appSecret: undefined,
      webhookVerifyToken: undefined,
      webhookMaxBodyBytes: undefined,
      graphVersion: 'v26.0',
      pollMs: 1000,
      origin: 'https://graph.instagram.com',
      baseUrl: 'https://graph.instagram.com/v26.0',
      ruploadOrigin: 'https://rupload.facebook.com',
    });
  });

  it('appends the version to a baseUrl that replaces the host', () => {
    const resolved = resolveGraphSettings(
      parse({ graphVersion: 'v25.0', baseUrl: 'http://localhost:8080' }),
      GRAPH_API_ORIGIN,
    );
    expect(resolved.baseUrl).toBe('http://localhost:8080/v25.0');
    expect(resolved.origin).toBe('http://localhost:8080');
  });

  it('uploads to rupload.facebook.com unless ruploadUrl replaces it, and refuses a ruploadUrl that is not http(s)', () => {
    expect(resolveGraphSettings(parse({}), GRAPH_API_ORIGIN).ruploadOrigin).toBe(
      'https://rupload.facebook.com',
    );
    expect(
      resolveGraphSettings(parse({ ruploadUrl: 'http://localhost:8081/' }), GRAPH_API_ORIGIN).ruploadOrigin,
    ).toBe('http://localhost:8081');
    expect(() => parse({ ruploadUrl: 'ftp://uploads.example' })).toThrow(/ruploadUrl/);
  });

  it('lists every bad setting at once, location first, the adapter’s own next, transport last', () => {
    let problems: readonly { path: readonly PropertyKey[] }[] = [];
    try {
      parse({ graphVersion: '26', pollMs: -1, appSecret: '  ' });
    } catch (error) {
      problems = (error as { problems: typeof problems }).problems;
    }
    expect(problems.map((problem) => problem.path[0])).toEqual(['graphVersion', 'pollMs', 'appSecret']);
  });
});
