import { createServer, type Server, type ServerResponse } from 'node:http';
import { createOAuthState, createPkcePair, ValidationError } from '@smmkit/core';
import type { Smmkit } from '@smmkit/core/app';
import type { PlatformFlow } from './flow.ts';
import { type PendingAuthorizations, pendingAuthorizations } from './pending-authorizations.ts';

/** What {@link createOAuthCallbackServer} needs. */
export interface OAuthCallbackServerOptions {
  /** Where connected accounts and their tokens are stored (`createSmmkit` on `sqliteStore`). */
  readonly smm: Pick<Smmkit, 'accounts'>;
  /** One flow per platform the server connects. */
  readonly flows: readonly PlatformFlow[];
  /**
   * The origin the platforms send users back to, as registered in each developer app:
   * redirect URIs are `<publicUrl>/callback/<platform>`.
   */
  readonly publicUrl: string;
  /** Started authorizations; default in memory, ten minutes each. */
  readonly pending?: PendingAuthorizations | undefined;
}

/** The app's name for an account: what `smm.publish(post, { to: [id] })` and the CLI take. */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A small OAuth callback server on Node's http server. `GET /connect/<platform>?id=brand-x` starts
 * an authorization: a fresh `state` (and a PKCE pair where the flow uses one) is kept for ten
 * minutes and the browser is sent to the platform. `GET /callback/<platform>?code&state` takes that
 * `state` back (once), exchanges the code with the adapter's helpers, finds the account and stores
 * it with its tokens through `smm.accounts.connect`. Answers are plain text; no token is ever in one.
 *
 * @param options - the store, the flows and the public origin
 * @returns the server, not yet listening
 *
 * @example
 * ```ts
 * const server = createOAuthCallbackServer({ smm, flows: [xFlow({ clientId })], publicUrl: 'http://127.0.0.1:3000' });
 * server.listen(3000);
 * ```
 */
export function createOAuthCallbackServer(options: OAuthCallbackServerOptions): Server {
  const pending = options.pending ?? pendingAuthorizations();
  const flows = new Map(options.flows.map((flow) => [flow.platform, flow]));
  // Read per request, so a server listening on a port chosen by the system can be told it later.
  const redirectUriOf = (platform: string) => `${options.publicUrl.replace(/\/+$/, '')}/callback/${platform}`;

  const connect = async (flow: PlatformFlow, query: URLSearchParams): Promise<Answer> => {
    const id = query.get('id') ?? flow.platform;
    if (!ACCOUNT_ID.test(id)) return text(400, 'id must be 1–64 letters, digits, ".", "_" or "-".');
    const state = createOAuthState();
    const pkce = flow.pkce ? await createPkcePair() : undefined;
    const location = flow.authorizationUrl({
      state,
      redirectUri: redirectUriOf(flow.platform),
      codeChallenge: pkce?.challenge,
    });
    pending.put(state, {
      platform: flow.platform,
      id,
      account: query.get('account') ?? undefined,
      codeVerifier: pkce?.verifier,
    });
    return { status: 302, headers: { location }, body: `Continue at ${location}\n` };
  };

  const callback = async (flow: PlatformFlow, query: URLSearchParams): Promise<Answer> => {
    // The user said no, or the platform refused the request: it says why in `error`.
    const refused = query.get('error');
    if (refused !== null)
      return text(
        400,
        [`${flow.platform} did not authorize: ${refused}`, query.get('error_description')]
          .filter(Boolean)
          .join(' — '),
      );
    const started = pending.take(query.get('state') ?? '');
    if (started === undefined || started.platform !== flow.platform)
      return text(400, 'Unknown or expired state: start again at /connect/<platform>.');
    const code = query.get('code');
    if (code === null || code === '') return text(400, `${flow.platform} sent no code.`);
    const grant = await flow.finish({
      code,
      redirectUri: redirectUriOf(flow.platform),
      codeVerifier: started.codeVerifier,
      account: started.account,
    });
    const connected = await options.smm.accounts.connect(
      { id: started.id, platform: flow.platform, accountId: grant.accountId, handle: grant.handle },
      grant.tokens,
    );
    const who = connected.handle === undefined ? '' : ` (${connected.handle})`;
    return text(
      200,
      `Connected ${connected.id}: ${connected.platform} account ${connected.accountId}${who}.\n` +
        'Its tokens are in the store. Check it with: smmkit doctor',
    );
  };

  const route = async (method: string, url: URL): Promise<Answer> => {
    if (method !== 'GET') return text(405, 'GET only.');
    if (url.pathname === '/')
      return text(200, [...flows.keys()].map((name) => `/connect/${name}?id=…`).join('\n'));
    const [, action, platform] = url.pathname.split('/');
    const flow = flows.get(platform ?? '');
    if (flow !== undefined && action === 'connect') return connect(flow, url.searchParams);
    if (flow !== undefined && action === 'callback') return callback(flow, url.searchParams);
    return text(404, 'Not found.');
  };

  return createServer((request, response) => {
    route(request.method ?? 'GET', new URL(request.url ?? '/', 'http://localhost')).then(
      (reply) => send(response, reply),
      // smmkit's errors name the platform, the call and the status, never a token or secret. A
      // ValidationError is the request's fault (an account connected under another id, say).
      (error: unknown) =>
        send(
          response,
          text(
            ValidationError.isInstance(error) ? 400 : 502,
            `Could not connect the account: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    );
  });
}

/** A plain-text answer. */
interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

function text(status: number, body: string): Answer {
  return { status, body: `${body}\n` };
}

function send(response: ServerResponse, reply: Answer): void {
  response.writeHead(reply.status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...reply.headers,
  });
  response.end(reply.body);
}
