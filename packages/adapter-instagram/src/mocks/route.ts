import { type RouteMethod, withHeaders } from '@smmkit/testkit';
import type { InstagramContext } from './context.js';
import {
  appUsageHeader,
  businessUseCaseHeader,
  headerOrQueryToken,
  throttled,
  tokenError,
} from './dialect.js';
import { graphError } from './errors.js';
import { VERSION_PATTERN } from './limits.js';
import { type Params, readParams } from './params.js';

/** What an Instagram route handler receives. */
export interface InstagramRequest {
  /** The request (body already read into `params`). */
  readonly request: Request;
  /** Its URL. */
  readonly url: URL;
  /** Query, form and JSON parameters together. */
  readonly params: Params;
  /** Path parameters as strings. */
  readonly path: Readonly<Record<string, string>>;
  /** The account of the token (`''` on routes without auth). */
  readonly accountId: string;
  /** The token presented, if any. */
  readonly token: string | undefined;
  /** Simulated now. */
  readonly now: number;
}

/** Options of {@link instagramRoute}. */
export interface InstagramRouteOptions {
  /** Whether a valid token is needed (default true). */
  readonly auth?: boolean | undefined;
}

/**
 * Declares a Graph route on the simulator. On top of the testkit's log and faults it:
 * validates a `:version` path segment against `^v\d+\.\d+$` (meta-common.md: any supported
 * version; otherwise a 400, wording ASSUMED); reads parameters from query, form or JSON body;
 * takes the token from an `Authorization: Bearer` header, the query or the body (the testkit
 * checks headers only, so routes are declared `auth: false` and the token is checked here —
 * `sim.log` entries therefore carry no `accountId`); counts the call against the `app` and
 * `instagram` budgets (throttled → Graph code 4 or 80002); and puts `X-App-Usage` and
 * `X-Business-Use-Case-Usage` on every authenticated answer.
 */
export function instagramRoute(
  context: InstagramContext,
  method: RouteMethod,
  path: string,
  options: InstagramRouteOptions,
  handler: (request: InstagramRequest) => Response | Promise<Response>,
): void {
  const { sim } = context;
  sim.route(method, path, { auth: false }, async ({ request, url, params: raw, now }) => {
    const path: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') path[name] = value;
    const version = path.version;
    if (version !== undefined && !VERSION_PATTERN.test(version))
      return graphError({ message: `Unknown path components: /${version}`, code: 2500 });
    const params = await readParams(request, url);
    const token = headerOrQueryToken(request, url) ?? params.get('access_token');
    if (options.auth === false) return handler({ request, url, params, path, accountId: '', token, now });
    const check = sim.tokens.check(token);
    if (check.status !== 'valid') return tokenError(check.status, now);
    const accountId = check.accountId;
    const app = sim.limiter.take(accountId, 'app');
    const buc = sim.limiter.take(accountId, 'instagram');
    const headers = {
      ...(app === undefined ? {} : appUsageHeader(app.window)),
      ...(buc === undefined ? {} : businessUseCaseHeader(accountId, buc.window, now)),
    };
    if (app !== undefined && !app.allowed) return withHeaders(throttled('app'), headers);
    if (buc !== undefined && !buc.allowed) return withHeaders(throttled('instagram'), headers);
    const response = await handler({ request, url, params, path, accountId, token, now });
    return withHeaders(response, headers);
  });
}
