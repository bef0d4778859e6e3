/**
 * Matches a request against a simulator route as the simulator declares it
 * (`POST /:version/:igUserId/media_publish` on `https://graph.facebook.com`).
 */

/** A route of one simulator. */
export interface SimulatedRoute {
  /** The simulator's base URL. */
  readonly baseUrl: string;
  /** The route as declared: method, space, path pattern with `:params`. */
  readonly route: string;
}

/** True when `request` is a request to `route`. */
export function routeMatcher(route: SimulatedRoute): (request: Request) => boolean {
  const [method = '', pattern = ''] = route.route.split(' ');
  const base = new URL(route.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const path = new RegExp(
    `^${escapeRegExp(basePath)}${pattern
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment)))
      .join('/')}/?$`,
  );
  return (request) => {
    const url = new URL(request.url);
    return request.method === method && url.origin === base.origin && path.test(url.pathname);
  };
}

/** `METHOD path on host`, for the report. */
export function routeName(route: SimulatedRoute): string {
  return `${route.route} (${new URL(route.baseUrl).host})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
