import { exchangeLinkedInCode, linkedInAuthorizationUrl } from '@smmkit/adapter-linkedin';
import * as z from 'zod/mini';
import type { FlowTransport, PlatformFlow } from '../flow.ts';
import { readIdentity } from '../read-identity.ts';

/**
 * What the example asks LinkedIn for: `openid profile` to learn who the member is
 * (https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2),
 * `w_member_social` to post as them, and `w_organization_social r_organization_social` to post
 * and read as a Page they administer
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 * Ask only for what your app's products grant: LinkedIn refuses a scope the app lacks.
 */
export const LINKEDIN_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'w_member_social',
  'w_organization_social',
  'r_organization_social',
];

/**
 * `GET https://api.linkedin.com/v2/userinfo` → `{sub, name, …}`; `sub` is the member's id
 * (https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2).
 */
const UserInfoSchema = z.object({ sub: z.string(), name: z.optional(z.string()) });

/** An organization (LinkedIn Page) URN: what `?account=` names to post as the Page. */
const ORGANIZATION_URN = /^urn:li:organization:\d+$/;

/** A LinkedIn app's credentials (Developer Portal, Auth tab). */
export interface LinkedInApp {
  /** The client id. */
  readonly clientId: string;
  /** The client secret. */
  readonly clientSecret: string;
  /** The scopes to ask for; default {@link LINKEDIN_SCOPES}. */
  readonly scopes?: readonly string[] | undefined;
}

/**
 * LinkedIn's 3-legged OAuth (no PKCE for web apps): `linkedInAuthorizationUrl`, then
 * `exchangeLinkedInCode`. The account is the organization named by `?account=urn:li:organization:…`
 * (the number in the Page's admin URL, `linkedin.com/company/<number>/admin`), or else the member
 * who signed in, `urn:li:person:<sub>` from the userinfo endpoint.
 *
 * @param app - the app's client id, secret and scopes
 * @param transport - a `fetch` for every call
 * @returns the flow
 *
 * @example
 * ```ts
 * const flow = linkedInFlow({ clientId: process.env.LINKEDIN_CLIENT_ID ?? '', clientSecret: process.env.LINKEDIN_CLIENT_SECRET ?? '' });
 * ```
 */
export function linkedInFlow(app: LinkedInApp, transport: FlowTransport = {}): PlatformFlow {
  return {
    platform: 'linkedin',
    pkce: false,
    authorizationUrl: ({ state, redirectUri }) =>
      linkedInAuthorizationUrl({
        clientId: app.clientId,
        redirectUri,
        state,
        scopes: app.scopes ?? LINKEDIN_SCOPES,
      }),
    async finish({ code, redirectUri, account }) {
      if (account !== undefined && !ORGANIZATION_URN.test(account))
        throw new Error(`linkedin: ?account= must be an organization URN (urn:li:organization:<number>)`);
      const tokens = await exchangeLinkedInCode({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        redirectUri,
        code,
        fetch: transport.fetch,
      });
      if (account !== undefined) return { accountId: account, tokens };
      const member = await readIdentity({
        platform: 'linkedin',
        url: 'https://api.linkedin.com/v2/userinfo',
        accessToken: tokens.accessToken,
        schema: UserInfoSchema,
        fetch: transport.fetch,
      });
      return { accountId: `urn:li:person:${member.sub}`, tokens };
    },
  };
}
