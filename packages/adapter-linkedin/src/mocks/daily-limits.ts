import type { LinkedInSimContext } from './context.js';

const DAY_MS = 86_400_000;

/**
 * Counts one post against the member's and the app's daily limits, which reset at midnight UTC
 * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits), and says
 * whether it may go through. A refused post is not counted.
 *
 * @param context - the simulator's context (limits and counters)
 * @param member - the member whose token posts
 * @param now - simulated now
 * @returns false when either limit is used up for today (UTC)
 */
export function takeDailyPost(context: LinkedInSimContext, member: string, now: number): boolean {
  const day = Math.floor(now / DAY_MS);
  const memberKey = `${day}:${member}`;
  const appKey = `${day}:app`;
  const memberCount = context.postsPerDay.get(memberKey) ?? 0;
  const appCount = context.postsPerDay.get(appKey) ?? 0;
  if (memberCount >= context.dailyPosts.perMember || appCount >= context.dailyPosts.perApp) return false;
  context.postsPerDay.set(memberKey, memberCount + 1);
  context.postsPerDay.set(appKey, appCount + 1);
  return true;
}
