import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import type { PlatformSimulator } from './platform-simulator.js';

/** Simulators answering over HTTP; see {@link serveSimulators}. */
export interface ServedSimulators {
  /**
   * Where each simulator answers, in the order given: `http://127.0.0.1:<port>` plus the path of
   * the simulator's own base URL. Point an adapter's `baseUrl` at it.
   */
  readonly urls: readonly string[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves simulators over real HTTP on 127.0.0.1, each on a port of its own chosen by the system,
 * for code that runs in other processes (child processes in a test, a CLI under test) where
 * {@link startSimulators} cannot intercept `fetch`. Each request is answered by the simulator's
 * MSW handlers as if it had been sent to the simulator's base URL; a request no route takes gets
 * a 501, and a simulated network failure closes the connection without an answer. Nothing
 * listens beyond the loopback interface.
 *
 * @param simulators - the simulators to serve
 * @returns their URLs, and `close`
 *
 * @example
 * ```ts
 * const x = createXSimulator();
 * const served = await serveSimulators(x.sim);
 * fork('worker.ts', { env: { X_BASE_URL: served.urls[0] } });
 * // … later
 * await served.close();
 * ```
 */
export async function serveSimulators(
  ...simulators: readonly PlatformSimulator[]
): Promise<ServedSimulators> {
  const servers: Server[] = [];
  const urls: string[] = [];
  try {
    for (const simulator of simulators) {
      const server = createServer((request, response) => {
        answer(simulator, request, response).catch(() => response.destroy());
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      urls.push(`http://127.0.0.1:${port}${new URL(simulator.baseUrl).pathname.replace(/\/+$/, '')}`);
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }
  return { urls, close: () => closeAll(servers) };
}

/** Answers one HTTP request with `simulator`'s handlers. */
async function answer(
  simulator: PlatformSimulator,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || name === 'host') continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const body =
    method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  const request = new Request(`${new URL(simulator.baseUrl).origin}${incoming.url ?? '/'}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const response = await getResponse([...simulator.handlers], request);
  if (response === undefined) {
    outgoing
      .writeHead(501, { 'content-type': 'text/plain' })
      .end(`No simulator route for ${method} ${incoming.url}`);
    return;
  }
  // A simulated network failure (a request accepted, then its answer lost): no answer at all.
  if (response.type === 'error') {
    outgoing.destroy();
    return;
  }
  const payload = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, [...response.headers].flat());
  outgoing.end(payload);
}

async function closeAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) {
            resolve();
            return;
          }
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
