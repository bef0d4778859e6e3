import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CREATE_POST, useX } from './support/harness.js';

/**
 * The publish path (core's publisher + the X adapter, as built in dist) on a fetch-only runtime:
 * bundled by esbuild for `--platform=neutral` with the `worker`/`browser` conditions, then run in
 * a V8 context that has the web globals edge runtimes give (Cloudflare Workers, Vercel Edge,
 * Deno) and nothing of Node's: no `process`, no `require`, no `Buffer`, no built-in modules.
 * Any Node built-in on the path fails the bundle (esbuild cannot resolve `node:*` for neutral)
 * or the run (a global that is not there).
 */

const packageDir = fileURLToPath(new URL('..', import.meta.url));
/** The part of esbuild's API this test uses (esbuild comes with tsup, the packages' build tool). */
interface Esbuild {
  build(
    options: Record<string, unknown>,
  ): Promise<{ readonly outputFiles: readonly { readonly text: string }[] }>;
}
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup'))('esbuild') as Esbuild;

/** What the worker bundle exposes: publish one post to X through a publisher. */
interface EdgeApp {
  publish(input: {
    readonly baseUrl: string;
    readonly token: string;
    readonly accountId: string;
    readonly text: string;
    readonly fetch: typeof globalThis.fetch;
  }): Promise<{
    readonly status: string;
    readonly id?: string;
    readonly url?: string;
    readonly code?: string;
  }>;
}

const ENTRY = `
import { staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { createXAdapter } from './dist/index.js';

export async function publish({ baseUrl, token, accountId, text, fetch }) {
  const publisher = createPublisher({
    adapters: [createXAdapter({ baseUrl, fetch })],
    tokens: () => staticTokenProvider(token),
  });
  const [outcome] = await publisher.publish({ text }, [{ platform: 'x', accountId }]);
  await publisher.shutdown();
  if (outcome.status === 'published')
    return { status: outcome.status, id: outcome.result.ref.platformPostId, url: outcome.result.url };
  return { status: outcome.status, code: outcome.error.code };
}
`;

async function bundle(): Promise<string> {
  const built = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: packageDir, sourcefile: 'edge-app.js', loader: 'js' },
    bundle: true,
    write: false,
    platform: 'neutral',
    conditions: ['worker', 'browser'],
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'edgeApp',
    target: 'es2022',
    logLevel: 'silent',
  });
  const [output] = built.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote nothing');
  return output.text;
}

/** The globals an edge runtime offers (WinterTC's minimum common API), and nothing of Node's. */
function edgeGlobals(): Record<string, unknown> {
  const g = globalThis;
  return {
    console: g.console,
    URL: g.URL,
    URLSearchParams: g.URLSearchParams,
    Request: g.Request,
    Response: g.Response,
    Headers: g.Headers,
    FormData: g.FormData,
    Blob: g.Blob,
    File: g.File,
    ReadableStream: g.ReadableStream,
    WritableStream: g.WritableStream,
    TransformStream: g.TransformStream,
    TextEncoder: g.TextEncoder,
    TextDecoder: g.TextDecoder,
    AbortController: g.AbortController,
    AbortSignal: g.AbortSignal,
    DOMException: g.DOMException,
    Event: g.Event,
    CustomEvent: g.CustomEvent,
    EventTarget: g.EventTarget,
    crypto: g.crypto,
    structuredClone: g.structuredClone,
    queueMicrotask: g.queueMicrotask,
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    atob: g.atob,
    btoa: g.btoa,
    performance: g.performance,
  };
}

const h = useX();

describe('the publish path on a fetch-only runtime', () => {
  it('bundles for platform neutral with no Node built-in and publishes a post from a context without Node', async () => {
    const code = await bundle();
    expect(code).not.toMatch(/\brequire\(["']|getBuiltinModule\(["']node:/);

    const context = createContext(edgeGlobals());
    runInContext(`${code}\n;globalThis.edgeApp = edgeApp;`, context);
    expect(runInContext('typeof process + typeof require + typeof Buffer', context)).toBe(
      'undefinedundefinedundefined',
    );
    const app = (context as { edgeApp: EdgeApp }).edgeApp;

    // The X simulator answers the parent's fetch (MSW), handed to the adapter as a plain function.
    const outcome = await app.publish({
      baseUrl: h.x.baseUrl,
      token: h.ana.accessToken,
      accountId: h.ana.account.id,
      text: 'Hello from the edge',
      fetch: (input, init) => globalThis.fetch(input, init),
    });

    expect(outcome.status).toBe('published');
    const stored = h.x.sim.posts.filter().find((post) => post.text === 'Hello from the edge');
    expect(stored?.accountId).toBe(h.ana.account.id);
    expect(outcome.id).toBe(stored?.id);
    expect(h.requests(CREATE_POST)).toHaveLength(1);
  });
});
