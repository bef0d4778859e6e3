/**
 * How far back recent search reaches: public posts "posted over the last week"
 * (https://docs.x.com/x-api/posts/search/introduction); `searchPostsRecent` `start_time` in
 * https://api.x.com/2/openapi.json: "Must be within the last 7 days". An older `start_time` is refused with a
 * 400.
 */
export const X_RECENT_SEARCH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What X's clock may be ahead of ours by, and what `start_time` loses to rounding down to the
 * second, as a margin before the edge of the window.
 */
const WINDOW_MARGIN_MS = 60_000;

/**
 * The `start_time` to send recent search for `since`: `since` when it lies inside the 7-day
 * window (with a minute to spare), else nothing, because an older `start_time` is refused and
 * without one the search covers its whole window, which then holds nothing older than `since`.
 *
 * @param since - only posts created at or after this instant, when asked
 * @param now - the current time, ms since the epoch
 * @returns the instant to send as `start_time`, or `undefined` to send none
 *
 * @example
 * ```ts
 * recentSearchStart(new Date(Date.now() - 30 * 86_400_000), Date.now()); // undefined: the whole window
 * ```
 */
export function recentSearchStart(since: Date | undefined, now: number): Date | undefined {
  return since !== undefined && since.getTime() > now - X_RECENT_SEARCH_WINDOW_MS + WINDOW_MARGIN_MS
    ? since
    : undefined;
}
