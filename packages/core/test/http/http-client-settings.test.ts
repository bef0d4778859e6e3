import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { resolveSettings } from '../../src/adapter/resolve-settings.js';
import {
  fetchSetting,
  httpBaseUrlSetting,
  positiveIntegerSetting,
} from '../../src/adapter/settings-schemas.js';
import { TransientError } from '../../src/errors/transient-error.js';
import { createHttpClient } from '../../src/http/http-client.js';

// An adapter's settings schema: its own settings beside the HttpSettings the client takes.
const Settings = z.object({
  baseUrl: z._default(httpBaseUrlSetting('https://api.example.test'), 'https://api.example.test'),
  maxTextLength: z._default(positiveIntegerSetting, 500),
  timeoutMs: z.optional(positiveIntegerSetting),
  fetch: z.optional(fetchSetting),
});

describe("createHttpClient with an adapter's resolved settings", () => {
  it("sends through the settings' fetch to the settings' base URL, ignoring the adapter's other settings", async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return Response.json({ id: '1' });
    };
    const settings = resolveSettings(
      Settings,
      { baseUrl: 'https://proxy.example.test/', fetch },
      'Example',
      'example',
    );
    const http = createHttpClient({ ...settings, platform: 'example' });
    const { data } = await http.request({
      method: 'GET',
      path: '/items/1',
      operation: 'get item',
      schema: z.object({ id: z.string() }),
    });
    expect(data).toEqual({ id: '1' });
    expect(seen).toEqual(['https://proxy.example.test/items/1']);
  });

  it("abandons a request after the settings' timeout", async () => {
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        const signal = init?.signal ?? (_input instanceof Request ? _input.signal : undefined);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const settings = resolveSettings(Settings, { fetch, timeoutMs: 1 }, 'Example', 'example');
    const http = createHttpClient({ ...settings, platform: 'example' });
    const error = await http
      .request({ method: 'GET', path: '/slow', operation: 'get slow' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).code).toBe('timeout');
  });
});
