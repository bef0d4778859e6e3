/**
 * What `fetch` rejects with when the connection fails, written the way HTTP stacks and proxies
 * write it and quoting the request's secrets: undici's `TypeError('fetch failed')` with the system
 * error as `cause`, node-fetch's message with the URL, an axios-like error holding the request
 * config, a timeout, an escaped proxy answer, a thrown non-error.
 */
import type { Reflection } from './reflection.ts';

/** One kind of rejection. */
export interface NetworkErrorMode {
  /** Short name for the report. */
  readonly id: string;
  /** What `fetch` rejects with for a request carrying `reflection`. */
  reject(request: Request, reflection: Reflection): unknown;
}

/** Every network error the sweep makes `fetch` reject with. */
export const NETWORK_ERROR_MODES: readonly NetworkErrorMode[] = [
  {
    id: 'network: fetch failed, system error cause (raw)',
    reject: (_request, reflection) =>
      new TypeError('fetch failed', {
        cause: Object.assign(new Error(`read ECONNRESET after sending ${reflection.raw}`), {
          code: 'ECONNRESET',
          errno: -104,
          syscall: 'read',
        }),
      }),
  },
  {
    id: 'network: message with the request URL (URL-encoded)',
    reject: (request, reflection) =>
      new TypeError(`request to ${request.url}?${reflection.urlEncoded} failed, reason: socket hang up`),
  },
  {
    id: 'network: error holding the request config (raw)',
    reject: (request, reflection) =>
      Object.assign(new Error('socket hang up'), {
        code: 'ECONNRESET',
        config: { url: request.url, headers: { Authorization: reflection.raw } },
        request: { _header: `${request.method} / HTTP/1.1\r\nAuthorization: ${reflection.raw}\r\n` },
      }),
  },
  {
    id: 'network: proxy answer in the message (JSON-escaped)',
    reject: (_request, reflection) =>
      new Error(`proxy CONNECT failed: {"detail":"${reflection.jsonEscaped}"}`),
  },
  {
    id: 'network: timeout naming the credential (raw)',
    reject: (_request, reflection) =>
      new DOMException(`The operation timed out (${reflection.raw})`, 'TimeoutError'),
  },
  {
    id: 'network: a thrown string (raw)',
    reject: (_request, reflection) => `ECONNREFUSED while sending ${reflection.raw}`,
  },
];
