import * as z from 'zod/mini';
import type { GraphPlatform } from '../platform.js';
import { GraphIdSchema, GraphPagingSchema } from '../schemas.js';
import { type GraphAuthOptions, graphAuthClient } from './graph-auth.js';

/**
 * One Page of `GET /me/accounts`: `id`, and the `name`, Page `access_token` and `tasks` the user
 * can perform on it (`CREATE_CONTENT`, `MODERATE`, `ANALYZE`, `ADVERTISE`, `MANAGE`, …) when
 * asked in `fields` (https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
 * Other fields asked for (`instagram_business_account{…}`) pass through unread.
 *
 * @example
 * ```ts
 * const page = ManagedPageSchema.parse({ id: '1049', name: 'Acme', tasks: ['CREATE_CONTENT'] });
 * ```
 */
export const ManagedPageSchema = z.looseObject({
  /** The Page's id. */
  id: GraphIdSchema,
  /** The Page's name. */
  name: z.optional(z.string()),
  /** The Page access token, when asked for and the user may act on the Page. */
  access_token: z.optional(z.string().check(z.minLength(1))),
  /** What the user can do on the Page (`CREATE_CONTENT`, `MODERATE`, …). */
  tasks: z.optional(z.array(z.string())),
});

/** A Page of `GET /me/accounts`; see {@link ManagedPageSchema}. */
export type ManagedPage = z.output<typeof ManagedPageSchema>;

/** A page of `GET /me/accounts`. */
const ManagedPageListSchema = z.looseObject({
  data: z.optional(z.array(ManagedPageSchema)),
  paging: GraphPagingSchema,
});

/** What {@link managedPages} needs: the user token and the Graph transport. */
export interface ManagedPagesOptions extends GraphAuthOptions {
  /** A Facebook user token (long-lived, so the Page tokens it gives do not expire). */
  readonly userAccessToken: string;
}

/** Who reads the Pages, and which fields. */
export interface ManagedPagesRequest {
  /** The platform errors and settings problems are reported for. */
  readonly platform: GraphPlatform;
  /** The `fields` parameter (`id,name,access_token,tasks`). */
  readonly fields: string;
  /** What the call does, for error messages; default `list the user's Pages`. */
  readonly operation?: string | undefined;
}

/**
 * The Facebook Pages the user of a token can perform tasks on, one at a time, reading every page
 * of `GET /me/accounts?fields=…` (cursor paging; https://developers.facebook.com/docs/graph-api/reference/user/accounts/)
 * and no more than the caller consumes: a `for await` that `break`s stops asking. The token goes
 * in an `Authorization: Bearer` header and is kept out of every error. Only Pages the user chose
 * in the Facebook Login dialog are listed.
 *
 * @param options - the user token and transport (version, base URL, fetch, timeout, signal)
 * @param request - the platform and the fields to read
 * @returns the Pages, in Meta's order
 * @throws ValidationError when a transport option is invalid (at the first step)
 *
 * @example
 * ```ts
 * for await (const page of managedPages({ userAccessToken }, { platform: 'facebook', fields: 'id,name,access_token,tasks' })) {
 *   if (page.id === pageId) return page.access_token;
 * }
 * ```
 */
export async function* managedPages(
  options: ManagedPagesOptions,
  request: ManagedPagesRequest,
): AsyncGenerator<ManagedPage, void, undefined> {
  const http = graphAuthClient(options, { platform: request.platform });
  let after: string | undefined;
  for (;;) {
    const { data } = await http.request({
      method: 'GET',
      path: '/me/accounts',
      operation: request.operation ?? 'list the user’s Pages',
      searchParams: { fields: request.fields, after },
      headers: { Authorization: `Bearer ${options.userAccessToken}` },
      schema: ManagedPageListSchema,
      auth: false,
      signal: options.signal,
      secrets: [options.userAccessToken],
    });
    yield* data.data ?? [];
    // Graph leaves `next` out on the last page (https://developers.facebook.com/docs/graph-api/results).
    after = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    if (after === undefined) return;
  }
}
