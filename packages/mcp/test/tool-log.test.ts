import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTool } from '../src/tool-result.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a tool that fails unexpectedly', () => {
  it('logs where it failed to stderr, never a token its error message or cause carries', async () => {
    const token = 'EAABsecretPageToken0123456789';
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(format(...args));
    });
    const cause = new Error(`body: {"access_token":"${token}"}`);
    const thrown = new TypeError(`fetch https://graph.facebook.com/v26.0/me?access_token=${token} failed`, {
      cause,
    });

    const result = await runTool(async () => {
      throw thrown;
    });

    expect(result.isError).toBe(true);
    const log = logged.join('\n');
    expect(log).toContain('TypeError');
    expect(log).toMatch(/tool-log\.test\.ts/);
    expect(log).not.toContain(token);
  });
});
