import { PlatformError } from '@smmkit/core';
import * as z from 'zod/mini';
import { type GraphPlatform, platformName } from './platform.js';

/**
 * Graph's answer to an update or a delete, `{success: true}` (`success` is a `bool` in the
 * reference: https://developers.facebook.com/docs/graph-api/reference/comment/, Updating and
 * Deleting). Other fields pass through.
 */
export const GraphSuccessSchema = z.looseObject({
  /** `true` when Graph carried the request out; left out by some answers. */
  success: z.optional(z.boolean()),
});

/**
 * Refuses `{success: false}`: Graph took the request but did not carry it out, which must not
 * pass for done.
 *
 * @param answer - the answer, read with {@link GraphSuccessSchema}
 * @param platform - whose answer it is
 * @param what - what was asked, starting the message (`hide comment 178_42`)
 * @throws PlatformError (`platform_refused`) when `success` is `false`
 *
 * @example
 * ```ts
 * const { data } = await http.request({ method: 'DELETE', path: `/${id}`, operation: 'delete post', schema: GraphSuccessSchema, context });
 * assertGraphSuccess(data, 'facebook', `delete post ${id}`);
 * ```
 */
export function assertGraphSuccess(
  answer: z.output<typeof GraphSuccessSchema>,
  platform: GraphPlatform,
  what: string,
): void {
  if (answer.success === false) {
    throw new PlatformError(
      'platform_refused',
      `${what}: ${platformName(platform)} answered success: false.`,
      {
        platform,
      },
    );
  }
}
