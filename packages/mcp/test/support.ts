import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type OpenedSmmkit, openSmmkit } from '@smmkit/cli';
import { createSmmkitMcpServer } from '../src/create-server.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The built `smmkit-mcp` bin, as a user runs it. */
export const BIN = join(packageDir, 'dist/server-cli.js');

/**
 * Fails when the bin is missing or older than a source file: the tests drive the built server,
 * and a stale one would test old code.
 */
export function requireFreshBin(): void {
  const built = (() => {
    try {
      return statSync(BIN).mtimeMs;
    } catch {
      return undefined;
    }
  })();
  const build = 'npx -y pnpm@10.34.9 --filter @smmkit/cli --filter @smmkit/mcp run build';
  if (built === undefined) throw new Error(`${BIN} is missing: run ${build}`);
  const sources = readdirSync(join(packageDir, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs);
  if (Math.max(...sources) > built) throw new Error(`${BIN} is older than its sources: run ${build}`);
}

/** A folder without a smmkit config, so the server finds none. */
export const emptyDir = (): string => mkdtempSync(join(tmpdir(), 'smmkit-mcp-'));

/** The SDK's client, connected over stdio to `smmkit-mcp --simulate` with `args`. */
export async function connectSimulated(args: readonly string[]): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, '--simulate', ...args],
    cwd: emptyDir(),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'smmkit-mcp-test', version: '0.0.0' });
  await client.connect(transport);
  return client;
}

/** A tool call's result, typed as the tools answer (content and structured content). */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** The smmkit error JSON a tool error carries as its second text block. */
export function errorOf(result: CallToolResult): {
  code: string;
  hint: string;
  problems?: { rule: string }[];
} {
  const second = result.content[1];
  if (second?.type !== 'text') throw new Error('expected the error JSON');
  return (JSON.parse(second.text) as { error: { code: string; hint: string; problems?: { rule: string }[] } })
    .error;
}

/** What the in-process helpers below opened, closed by {@link closeOpened} (call it in `afterEach`). */
const opened: (() => Promise<void> | void)[] = [];

/** Adds `close` to what {@link closeOpened} runs (a stub to take back, say). */
export function closeLater(close: () => Promise<void> | void): void {
  opened.push(close);
}

/** Closes, newest first, every app, server and client the in-process helpers opened. */
export async function closeOpened(): Promise<void> {
  for (const close of opened.splice(0).reverse()) await close();
}

/** The simulated app on `store` (a SQLite file, or memory), as `smmkit-mcp --simulate` opens it. */
export async function openSimulatedApp(store?: string): Promise<OpenedSmmkit> {
  const app = await openSmmkit({}, { simulate: true, ...(store === undefined ? {} : { store }) });
  opened.push(app.close);
  return app;
}

/** An MCP client connected in memory to a server on `app` that may act for `allow`. */
export async function connectInMemory(app: OpenedSmmkit, allow: readonly string[]): Promise<Client> {
  const server = createSmmkitMcpServer({ app: app.smm, adapters: app.adapters, allow });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'agent', version: '0.0.0' });
  await client.connect(clientSide);
  opened.push(
    () => client.close(),
    () => server.close(),
  );
  return client;
}
