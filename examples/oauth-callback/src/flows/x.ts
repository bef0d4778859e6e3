import { exchangeXCode, xAuthorizationUrl } from '@smmkit/adapter-x';
import * as z from 'zod/mini';
import type { FlowTransport, PlatformFlow } from '../flow.ts';
import { readIdentity } from '../read-identity.ts';

/**
 * What the example asks X for (https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code):
 * read and write posts, read the user, upload media, and `offline.access` for a refresh token
 * (access tokens live 2 hours).
 */
export const X_SCOPES: readonly string[] = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'media.write',
  'offline.access',
];

/** `GET /2/users/me` → `{data: {id, username}}` (`getUsersMe` in https://api.x.com/2/openapi.json). */
const MeSchema = z.object({ data: z.object({ id: z.string(), username: z.string() }) });

/** An X app's OAuth 2.0 credentials (developer console, "Keys and tokens"). */
export interface XApp {
  /** The OAuth 2.0 client id. */
  readonly clientId: string;
  /** The client secret of a confidential client (a Web App); leave it out for a public client. */
  readonly clientSecret?: string | undefined;
}

/**
 * X's OAuth 2.0 authorization code flow with PKCE: `xAuthorizationUrl`, then `exchangeXCode`, then
 * `GET /2/users/me` for the account id and username.
 *
 * @param app - the app's client id (and secret)
 * @param transport - a `fetch` for every call
 * @returns the flow
 *
 * @example
 * ```ts
 * const flow = xFlow({ clientId: process.env.X_CLIENT_ID ?? '', clientSecret: process.env.X_CLIENT_SECRET });
 * ```
 */
export function xFlow(app: XApp, transport: FlowTransport = {}): PlatformFlow {
  return {
    platform: 'x',
    pkce: true,
    authorizationUrl: ({ state, redirectUri, codeChallenge }) =>
      xAuthorizationUrl({
        clientId: app.clientId,
        redirectUri,
        state,
        codeChallenge: codeChallenge ?? '',
        scopes: X_SCOPES,
      }),
    async finish({ code, redirectUri, codeVerifier }) {
      const tokens = await exchangeXCode({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri,
        code,
        codeVerifier: codeVerifier ?? '',
        fetch: transport.fetch,
      });
      const me = await readIdentity({
        platform: 'x',
        url: 'https://api.x.com/2/users/me',
        accessToken: tokens.accessToken,
        schema: MeSchema,
        fetch: transport.fetch,
      });
      return { accountId: me.data.id, handle: me.data.username, tokens };
    },
  };
}
