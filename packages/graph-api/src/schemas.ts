import * as z from 'zod/mini';

// Response schemas: only the fields read, optional where Meta may leave them out, loose objects
// so unknown fields pass through. Graph ids are strings; numbers are accepted and turned into strings.

/**
 * A Graph object id: a string, or a number turned into one (ids are strings in Graph answers,
 * but large numbers show up in some payloads; https://developers.facebook.com/docs/graph-api/overview).
 *
 * @example
 * ```ts
 * const Node = z.looseObject({ id: GraphIdSchema });
 * ```
 */
export const GraphIdSchema = z.pipe(
  z.union([z.string().check(z.minLength(1)), z.number()]),
  z.transform((value: string | number) => String(value)),
);

/**
 * Cursor paging of a Graph edge, `paging: {cursors: {before, after}, next?, previous?}`
 * (https://developers.facebook.com/docs/graph-api/results); `next` is absent on the last page.
 *
 * @example
 * ```ts
 * const CommentList = z.looseObject({ data: z.optional(z.array(Comment)), paging: GraphPagingSchema });
 * ```
 */
export const GraphPagingSchema = z.optional(
  z.looseObject({
    /** Cursors around this page. */
    cursors: z.optional(
      z.looseObject({
        /** Cursor of the page after this one. */
        after: z.optional(z.string()),
        /** Cursor of the page before this one. */
        before: z.optional(z.string()),
      }),
    ),
    /** URL of the next page; absent on the last page. */
    next: z.optional(z.string()),
  }),
);

/**
 * The `after` cursor of the page after this one, or `undefined` on the last page: Graph leaves
 * `paging.next` out there, while `cursors.after` may still be set
 * (https://developers.facebook.com/docs/graph-api/results).
 *
 * @param paging - the `paging` of a Graph list answer, as {@link GraphPagingSchema} read it
 * @returns the cursor to send as `after` for the next page, or `undefined` when there is none
 *
 * @example
 * ```ts
 * const next = graphNextCursor(data.paging); // undefined on the last page
 * ```
 */
export function graphNextCursor(paging: z.output<typeof GraphPagingSchema>): string | undefined {
  return paging?.next === undefined ? undefined : paging.cursors?.after;
}

/**
 * Token endpoints → `{access_token, token_type, expires_in}`
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived).
 */
export const TokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
});
