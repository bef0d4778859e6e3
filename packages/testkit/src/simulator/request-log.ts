import { REDACTED, redactUrl, SECRET_PARAMETER_NAMES } from '@smmkit/core/adapter-kit';
import type { FaultKind } from './fault-injector.js';

/** Headers whose values are secrets and never kept in the log. */
const SECRET_HEADERS = new Set([
  'authorization',
  'cookie',
  'x-hub-signature-256',
  'x-twitter-webhooks-signature',
]);

/** One request the simulator received. */
export interface LoggedRequest {
  /** HTTP method. */
  readonly method: string;
  /** The route it matched, as declared (`POST /api/v1/statuses`). */
  readonly route: string;
  /** The full URL, with secret query parameters redacted. */
  readonly url: string;
  /** Request headers, lower-cased, with secret values redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (multipart bodies are summarised), or `undefined` when empty. */
  readonly body: string | undefined;
  /** The body parsed as JSON, or as form fields, when it is either. */
  readonly json: unknown;
  /** The simulated account the request acted for, when its token was valid. */
  accountId: string | undefined;
  /** HTTP status answered, or `undefined` when the connection was dropped. */
  status: number | undefined;
  /** The fault injected into this request, if any. */
  fault: FaultKind | undefined;
}

/** What the log holds as the body of a multipart request whose body does not parse. */
const MALFORMED_MULTIPART = '[malformed multipart/form-data body]';

/** Every request a simulator received, in order, for assertions. Secrets are never stored. */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  /** Records a request; the simulator calls this before handling it. */
  async record(request: Request, route: string): Promise<LoggedRequest> {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
    });
    const contentType = request.headers.get('content-type') ?? '';
    let body: string | undefined;
    let json: unknown;
    if (contentType.startsWith('multipart/form-data')) {
      // A body that does not parse (another boundary, cut short) is logged as such; the route
      // answers it with the platform's refusal.
      const form = await request
        .clone()
        .formData()
        .catch(() => undefined);
      const fields: Record<string, string> = {};
      form?.forEach((value, name) => {
        fields[name] =
          typeof value === 'string'
            ? value
            : `[file ${value.type || 'application/octet-stream'} ${value.size} bytes]`;
      });
      json = form === undefined ? undefined : fields;
      body = form === undefined ? MALFORMED_MULTIPART : JSON.stringify(fields);
    } else {
      const text = redactForm(await request.clone().text(), contentType);
      body = text === '' ? undefined : text;
      json = parseBody(text, contentType);
    }
    const entry: LoggedRequest = {
      method: request.method,
      route,
      url: redactUrl(request.url),
      headers,
      body,
      json,
      accountId: undefined,
      status: undefined,
      fault: undefined,
    };
    this.#entries.push(entry);
    return entry;
  }

  /** All entries, oldest first. */
  get entries(): readonly LoggedRequest[] {
    return this.#entries;
  }

  /** Entries for one route (`POST /api/v1/statuses`). */
  forRoute(route: string): readonly LoggedRequest[] {
    return this.#entries.filter((entry) => entry.route === route);
  }

  /**
   * The bodies of the requests to `route`, in order, parsed (JSON, form fields, or a multipart
   * summary): what the adapter sent, for assertions.
   *
   * @throws Error when a request to the route had no JSON-object or form body
   *
   * @example
   * ```ts
   * expect(sim.log.bodies('POST /api/v1/statuses')).toEqual([{ status: 'Hello' }]);
   * ```
   */
  bodies(route: string): Record<string, unknown>[] {
    return this.forRoute(route).map((entry) => {
      if (typeof entry.json !== 'object' || entry.json === null || Array.isArray(entry.json))
        throw new Error(`a request to ${route} has no JSON-object or form body`);
      return entry.json as Record<string, unknown>;
    });
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries.length = 0;
  }
}

function parseBody(text: string, contentType: string): unknown {
  if (text === '') return undefined;
  if (contentType.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Form bodies of OAuth calls carry client secrets, codes and refresh tokens: keep them out of the log. */
function redactForm(text: string, contentType: string): string {
  if (!contentType.includes('application/x-www-form-urlencoded')) return text;
  const params = new URLSearchParams(text);
  for (const name of [...params.keys()]) {
    if (SECRET_PARAMETER_NAMES.has(name.toLowerCase())) params.set(name, REDACTED);
  }
  return params.toString();
}
