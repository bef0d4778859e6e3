import {
  fieldNames,
  graphError,
  graphPage,
  pick,
  requirePermissions,
  unsupportedRequest,
} from '@smmkit/graph-api/mocks';
import { grantedPermissions, type SimulatedFacebookUser } from '../auth-users.js';
import type { FacebookContext } from '../context.js';

/** What `/me/accounts` answers when no `fields` are asked (https://developers.facebook.com/docs/pages/getting-started). */
const DEFAULT_PAGE_FIELDS = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'];

/**
 * A user edge read with a Page token: Graph answers that the Page node has no such field (code
 * 100; the wording every Pages developer has met, ASSUMED for `permissions` too).
 */
const notOnPage = (edge: string): Response =>
  graphError({
    message: `(#100) Tried accessing nonexisting field (${edge}) on node type (Page)`,
    code: 100,
  });

/**
 * The user a `/{user-id}/{edge}` request reads, `me` or the token's own user id, else it throws
 * the error Graph answers: a Page token gets {@link notOnPage}; another user's id is an
 * unsupported request.
 */
function userOf(
  context: FacebookContext,
  request: { readonly path: Readonly<Record<string, string>>; readonly accountId: string },
  edge: string,
): SimulatedFacebookUser {
  const user = context.users.get(request.accountId);
  if (user === undefined)
    throw context.sim.accounts.get(request.accountId) === undefined
      ? unsupportedRequest('GET', request.path.userId ?? '')
      : notOnPage(edge);
  const asked = request.path.userId ?? 'me';
  if (asked !== 'me' && asked !== user.id) throw unsupportedRequest('GET', asked);
  return user;
}

/**
 * The user side of Facebook Login on the simulator, for user tokens:
 * - `GET /{v}/me/accounts` (or `/{user-id}/accounts`): the Pages the user has a role on, with a
 *   Page token, `tasks`, `name`, `category` and `category_list`, reduced to `fields`, cursor-paged
 *   (`limit`, `after`, `before`; https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
 *   Without `pages_show_list` granted it is a permission error (`missingPermission`);
 * - `GET /{v}/me/permissions`: `{data:[{permission, status}]}`
 *   (https://developers.facebook.com/docs/graph-api/reference/user/permissions/).
 *
 * With a Page token both answer that the Page node has no such field (code 100).
 *
 * @param context - the simulator's state, users and route registrar
 *
 * @example
 * ```ts
 * registerAccountRoutes(context);
 * ```
 */
export function registerAccountRoutes(context: FacebookContext): void {
  const { sim, users } = context;
  context.route('GET', '/:version/:userId/accounts', {}, (request) => {
    const user = userOf(context, request, 'accounts');
    requirePermissions(grantedPermissions(user), ['pages_show_list']);
    const pages = [...user.pages]
      .map(([pageId, tasks]) => ({ page: sim.accounts.get(pageId), tasks }))
      .flatMap(({ page, tasks }) => (page === undefined ? [] : [{ id: page.id, page, tasks }]));
    const fields = fieldNames(request.params.get('fields'));
    return graphPage(pages, request, 'oldest', ({ page, tasks }) =>
      pick(
        {
          access_token: users.pageToken(user, page.id),
          category: 'Brand',
          category_list: [{ id: '1605186416478696', name: 'Brand' }],
          name: page.displayName,
          id: page.id,
          tasks,
        },
        fields,
        DEFAULT_PAGE_FIELDS,
      ),
    );
  });
  context.route('GET', '/:version/:userId/permissions', {}, (request) => {
    const user = userOf(context, request, 'permissions');
    return Response.json({
      data: [...user.permissions].map(([permission, status]) => ({ permission, status })),
    });
  });
}
