import { type Post, type PublishContext, ValidationError, type ValidationProblem } from '@smmkit/core';
import { systemClock } from '@smmkit/core/adapter-kit';
import { FACEBOOK_NATIVE_SCHEDULING } from './capabilities.js';

/** When a natively scheduled post goes live, as Graph takes it and as the result reports it. */
export interface FacebookSchedule {
  /** `scheduled_publish_time`: Unix seconds. */
  readonly unixSeconds: number;
  /** The same instant as a `Date` (whole seconds): the result's `scheduledFor`. */
  readonly at: Date;
}

/**
 * Reads the publish context's native-scheduling request and refuses, before any request, what
 * Facebook would refuse: a `scheduledFor` less than 10 minutes or more than 30 days after now on
 * the context's clock (`scheduled_publish_time` "between 10 minutes and 30 days";
 * https://developers.facebook.com/docs/pages-api/posts, Schedule a post), rules
 * `scheduledFor.min_lead` / `scheduledFor.max_lead` (the publisher's rule ids for the same
 * window), or an invalid `Date` (`scheduledFor.instant`); and a first comment on a scheduled post
 * (`first_comment.scheduled`): comments go on published posts
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments/), and Facebook
 * publishes this one later, on its own. All problems come in one `ValidationError`.
 *
 * @param post - the post being published
 * @param context - the publish context, with `scheduledFor` and the clock
 * @returns the schedule, or `undefined` when the post is published now
 * @throws ValidationError when the post cannot be scheduled so
 *
 * @example
 * ```ts
 * const schedule = facebookSchedule(post, { ...ctx, scheduledFor: new Date(Date.now() + 3_600_000) });
 * schedule?.unixSeconds; // the hour from now, in Unix seconds
 * ```
 */
export function facebookSchedule(post: Post, context: PublishContext): FacebookSchedule | undefined {
  const { scheduledFor } = context;
  if (scheduledFor === undefined) return undefined;
  const problems: ValidationProblem[] = [];
  const at = scheduledFor.getTime();
  if (Number.isNaN(at)) {
    problems.push({ path: ['scheduledFor'], rule: 'scheduledFor.instant', message: 'must be a valid Date' });
  } else {
    const now = (context.clock ?? systemClock).now();
    const leadSeconds = Math.floor((at - now) / 1000);
    const { minLeadSeconds, maxLeadSeconds } = FACEBOOK_NATIVE_SCHEDULING;
    if (leadSeconds < minLeadSeconds || leadSeconds > maxLeadSeconds) {
      const early = leadSeconds < minLeadSeconds;
      problems.push({
        path: ['scheduledFor'],
        rule: early ? 'scheduledFor.min_lead' : 'scheduledFor.max_lead',
        message: `is ${describeLead(leadSeconds)} from now; Facebook schedules posts from 10 minutes to 30 days ahead. Pick an instant in that window, or publish at the time without scheduledFor.`,
        limit: early ? minLeadSeconds : maxLeadSeconds,
        actual: leadSeconds,
      });
    }
  }
  if (post.firstComment !== undefined) {
    problems.push({
      path: ['firstComment'],
      rule: 'first_comment.scheduled',
      message:
        'cannot go on a scheduled Facebook post: Facebook publishes it later, and comments go on published posts. Publish at the time without scheduledFor, or leave the first comment out.',
    });
  }
  if (problems.length > 0) throw new ValidationError(problems, 'publish options', { platform: 'facebook' });
  const unixSeconds = Math.floor(at / 1000);
  return { unixSeconds, at: new Date(unixSeconds * 1000) };
}

/**
 * The Graph parameters of a post created now or for later: nothing, or `published=false` with
 * `scheduled_publish_time` (https://developers.facebook.com/docs/pages-api/posts, Schedule a post).
 *
 * @param schedule - the schedule, or `undefined` to publish now
 * @returns the parameters to spread into the creating request
 *
 * @example
 * ```ts
 * const json = { message, ...scheduleParams(schedule) };
 * ```
 */
export function scheduleParams(schedule: FacebookSchedule | undefined): {
  readonly published?: false;
  readonly scheduled_publish_time?: number;
} {
  return schedule === undefined ? {} : { published: false, scheduled_publish_time: schedule.unixSeconds };
}

/** A lead in seconds as a person reads it (`-30 s`, `5 min`, `2 h`, `30.5 days`). */
function describeLead(seconds: number): string {
  const abs = Math.abs(seconds);
  const sign = seconds < 0 ? '-' : '';
  if (abs >= 86_400) return `${sign}${Number((abs / 86_400).toFixed(1))} days`;
  if (abs >= 3_600) return `${sign}${Number((abs / 3_600).toFixed(1))} h`;
  if (abs >= 60) return `${sign}${Math.floor(abs / 60)} min`;
  return `${sign}${abs} s`;
}
