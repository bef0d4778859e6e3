/**
 * The answers of a platform that echoes secrets: error bodies in the three error shapes adapters
 * parse (problem+json as X API v2 answers, a Graph API `error` object, OAuth 2.0's `error` /
 * `error_description` as Mastodon and every token endpoint answer), at 4xx and 5xx, with the
 * secret raw, JSON-escaped or URL-encoded; non-JSON bodies (a proxy's text or HTML page); 200s
 * whose body the adapter cannot use; and echoes in response headers.
 */
import type { Reflection } from './reflection.ts';

/** One way of answering with an echo. */
export interface EchoMode {
  /** Short name for the report (`400 problem+json JSON-escaped`). */
  readonly id: string;
  /** The answer; `undefined` when this mode does not apply to the reflection (no Basic credential). */
  respond(reflection: Reflection): Response | undefined;
}

type Encoded = 'raw' | 'JSON-escaped' | 'URL-encoded' | 'Basic';

/** The text to write into a JSON string literal (or a header, a text body) for `encoding`. */
function encoded(reflection: Reflection, encoding: Encoded): string | undefined {
  switch (encoding) {
    case 'raw':
      return reflection.raw;
    case 'JSON-escaped':
      return reflection.jsonEscaped;
    case 'URL-encoded':
      return reflection.urlEncoded;
    case 'Basic':
      return reflection.basic;
  }
}

/** Where the echo goes in a body; replaced in the JSON text, so that escapes stay as written. */
const ECHO = '@@echo@@';

/** Bodies as platforms shape them; {@link ECHO} marks where the echo goes. */
const SHAPES: Readonly<Record<string, { contentType: string; body: (status: number) => unknown }>> = {
  // https://docs.x.com/x-api/fundamentals/response-codes-and-errors (problem details, RFC 9457)
  'problem+json': {
    contentType: 'application/problem+json',
    body: (status) => ({
      title: `Invalid Request ${ECHO}`,
      type: 'about:blank',
      status,
      detail: `The token ${ECHO} is not valid.`,
      errors: [{ message: `Bad token ${ECHO}`, parameters: { token: [ECHO] } }],
    }),
  },
  // https://developers.facebook.com/docs/graph-api/guides/error-handling
  graph: {
    contentType: 'application/json',
    body: () => ({
      error: {
        message: `Invalid OAuth access token - ${ECHO}`,
        type: 'OAuthException',
        code: 190,
        error_subcode: 463,
        error_user_title: `Token ${ECHO}`,
        error_user_msg: `The token ${ECHO} is not valid.`,
        fbtrace_id: 'AbCdEf',
      },
    }),
  },
  // RFC 6749, section 5.2: the token endpoints' error answer (and Mastodon's for every call).
  oauth: {
    contentType: 'application/json',
    body: () => ({ error: `invalid_token ${ECHO}`, error_description: `The token ${ECHO} is not valid.` }),
  },
};

/** Statuses a platform answers with: client errors (the auth ones included), throttling, server errors. */
const BODY_STATUSES = [400, 401, 403, 429, 500] as const;
const BODY_ENCODINGS: readonly Encoded[] = ['raw', 'JSON-escaped', 'URL-encoded', 'Basic'];

function jsonEcho(status: number, shape: string, encoding: Encoded): EchoMode {
  const { contentType, body } = SHAPES[shape] ?? { contentType: 'application/json', body: () => ({}) };
  return {
    id: `${status} ${shape} ${encoding}`,
    respond: (reflection) => {
      const echo = encoded(reflection, encoding);
      if (echo === undefined) return undefined;
      const text = JSON.stringify(body(status)).replaceAll(ECHO, echo);
      return new Response(text, { status, headers: { 'content-type': contentType } });
    },
  };
}

function textEcho(
  id: string,
  status: number,
  contentType: string,
  body: (echo: string) => string,
  encoding: Encoded,
): EchoMode {
  return {
    id,
    respond: (reflection) => {
      const echo = encoded(reflection, encoding);
      return echo === undefined
        ? undefined
        : new Response(body(echo), { status, headers: { 'content-type': contentType } });
    },
  };
}

function headerEcho(status: number, encoding: Encoded): EchoMode {
  return {
    id: `${status} headers ${encoding}`,
    respond: (reflection) => {
      const echo = encoded(reflection, encoding);
      if (echo === undefined) return undefined;
      return new Response(JSON.stringify({ error: 'invalid_token' }), {
        status,
        headers: {
          'content-type': 'application/json',
          // RFC 6750, section 3: the challenge a resource server answers a bad token with.
          'www-authenticate': `Bearer realm="api", error="invalid_token", error_description="token ${echo} is not valid"`,
          'x-echo-authorization': echo,
          location: `https://login.example.test/?${echo}`,
          'x-error-message': `Bad token: ${echo}`,
        },
      });
    },
  };
}

/** Every echo mode the sweep tries on a route. */
export const ECHO_MODES: readonly EchoMode[] = [
  ...BODY_STATUSES.flatMap((status) =>
    Object.keys(SHAPES).flatMap((shape) =>
      BODY_ENCODINGS.map((encoding) => jsonEcho(status, shape, encoding)),
    ),
  ),
  textEcho('502 text/plain raw', 502, 'text/plain', (echo) => `Bad Gateway: upstream refused ${echo}`, 'raw'),
  textEcho(
    '503 text/html URL-encoded',
    503,
    'text/html',
    (echo) => `<html><body><h1>Service Unavailable</h1><p>GET /?${echo}</p></body></html>`,
    'URL-encoded',
  ),
  textEcho(
    '400 text/plain JSON-escaped',
    400,
    'text/plain',
    (echo) => `{"detail":"token ${echo}"} (not JSON: text/plain)`,
    'JSON-escaped',
  ),
  // A 200 whose body is cut off, and 200s whose JSON is not what the adapter expects.
  textEcho(
    '200 truncated JSON raw',
    200,
    'application/json',
    (echo) => `{"data":{"id":"1","debug":"${echo}"`,
    'raw',
  ),
  textEcho(
    '200 unexpected JSON raw',
    200,
    'application/json',
    (echo) => `{"debug":{"authorization":"${echo}"},"id":42}`,
    'raw',
  ),
  textEcho(
    '200 unexpected JSON JSON-escaped',
    200,
    'application/json',
    (echo) => `{"debug":"${echo}","id":[]}`,
    'JSON-escaped',
  ),
  textEcho(
    '200 unexpected JSON URL-encoded',
    200,
    'application/json',
    (echo) => `{"next":"https://api.example.test/?${echo}","data":7}`,
    'URL-encoded',
  ),
  headerEcho(401, 'raw'),
  headerEcho(401, 'URL-encoded'),
  headerEcho(403, 'Basic'),
  headerEcho(429, 'raw'),
  headerEcho(500, 'URL-encoded'),
];
