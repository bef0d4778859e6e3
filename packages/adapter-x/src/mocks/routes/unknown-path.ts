import type { RouteMethod } from '@smmkit/testkit';
import type { XContext } from '../context.js';
import { unknownPathNotFound } from '../problems.js';

const METHODS: readonly RouteMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Answers every request under the base URL that no other route took with X's 404 problem
 * ({@link unknownPathNotFound}), so a call to an endpoint the simulator lacks fails like a call to
 * a path X lacks instead of leaving MSW with an unhandled request. MSW tries handlers in the order
 * they were declared: register this one last. It needs no token and counts against no bucket.
 *
 * @example
 * ```ts
 * registerTweetRoutes(context);
 * registerUnknownPathRoute(context); // after every other route
 * ```
 */
export function registerUnknownPathRoute(context: XContext): void {
  for (const method of METHODS) {
    context.sim.route(method, '/*', { auth: false }, ({ url }) => unknownPathNotFound(method, url.pathname));
  }
}
