import type { WebhookHandler } from '../../adapter/webhooks.js';
import { ValidationError } from '../../errors/validation-error.js';

/** What the webhook router needs of an adapter: its platform and its webhook handler. */
export interface WebhookSource {
  /** The platform id (`x`, `facebook`, …). */
  readonly platform: string;
  /** The adapter's webhook handler; an adapter without one gets no route. */
  readonly webhooks?: WebhookHandler | undefined;
}

/**
 * The adapters the router serves: a list, each on the route named by its platform
 * (`/webhooks/x`), or a record from route name to adapter, for two adapters of one platform
 * (two Meta apps: `{ facebook: pages, 'facebook-eu': pagesEu }`).
 */
export type WebhookSources = readonly WebhookSource[] | Readonly<Record<string, WebhookSource>>;

/** One route of the router. */
export interface WebhookRoute {
  /** The last path segment it answers on. */
  readonly name: string;
  /** The adapter's platform id. */
  readonly platform: string;
  /** The adapter's webhook handler. */
  readonly handler: WebhookHandler;
}

/**
 * The routes of `sources`, by name. Adapters without a webhook handler are left out.
 *
 * @param sources - the adapters, as a list or a record by route name
 * @returns the routes by name
 * @throws ValidationError when two listed adapters share a platform, or a route name is empty or
 *   holds a `/`
 *
 * @example
 * ```ts
 * const routes = webhookRoutes([xAdapter, facebookAdapter]); // 'x', 'facebook'
 * ```
 */
export function webhookRoutes(sources: WebhookSources): ReadonlyMap<string, WebhookRoute> {
  const named: [string, WebhookSource][] = isSourceList(sources)
    ? sources.map((source) => [source.platform, source])
    : Object.entries(sources);
  const routes = new Map<string, WebhookRoute>();
  named.forEach(([name, source], index) => {
    const path = isSourceList(sources) ? [index] : [name];
    if (name === '' || name.includes('/')) {
      throw routeError(path, 'webhook_route.name', `route name "${name}" must be one non-empty path segment`);
    }
    if (routes.has(name)) {
      throw routeError(
        path,
        'webhook_route.duplicate',
        `a second adapter for "${name}"; pass a record to give each its own route name`,
      );
    }
    if (source.webhooks !== undefined)
      routes.set(name, { name, platform: source.platform, handler: source.webhooks });
  });
  return routes;
}

/**
 * The route name a request path asks for under `basePath`: the one segment after it (a trailing
 * `/` tolerated), or `undefined` when the path is elsewhere.
 *
 * @param pathname - the request URL's path
 * @param basePath - where the routes live, normalised by {@link normaliseBasePath}
 * @returns the route name, URI-decoded
 *
 * @example
 * ```ts
 * routeNameOf('/webhooks/x', '/webhooks'); // 'x'
 * ```
 */
export function routeNameOf(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname.slice(basePath.length + 1).replace(/\/$/, '');
  if (rest === '' || rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return undefined;
  }
}

/**
 * A base path with one leading `/` and no trailing one (`''` for the root).
 *
 * @example
 * ```ts
 * normaliseBasePath('hooks/'); // '/hooks'
 * ```
 */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

function isSourceList(sources: WebhookSources): sources is readonly WebhookSource[] {
  return Array.isArray(sources);
}

function routeError(path: (string | number)[], rule: string, message: string): ValidationError {
  return new ValidationError([{ path, rule, message }], 'Webhook router adapters');
}
