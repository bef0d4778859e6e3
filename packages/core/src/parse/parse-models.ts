// The models' parse functions. They live outside models/ because they throw a ValidationError:
// models are the floor of core and import nothing else from it.

import { type Account, AccountSchema } from '../models/account.js';
import { type Engagement, EngagementSchema } from '../models/engagement.js';
import { type MetricSample, MetricSampleSchema } from '../models/metric-sample.js';
import { type Post, PostSchema } from '../models/post.js';
import { type PublishResult, PublishResultSchema } from '../models/publish-result.js';
import { type ScheduleEntry, ScheduleEntrySchema } from '../models/schedule-entry.js';
import { type Target, TargetSchema } from '../models/target.js';
import { parseModel } from './parse-model.js';

/**
 * Parses a post, or throws one `ValidationError` listing every problem.
 *
 * @param input - a post object, for example from JSON
 * @returns the parsed post
 * @throws ValidationError when the input is not a valid post; a key the post (or its media, thread
 *   parts or poll) does not have is a problem too, so a misspelt `first_comment` is not dropped
 */
export function parsePost(input: unknown): Post {
  return parseModel(PostSchema, input, 'post');
}

/**
 * Parses an account, or throws one `ValidationError` listing every problem.
 *
 * @param input - an account object, for example from JSON
 * @returns the parsed account, with unknown keys removed
 * @throws ValidationError when the input is not a valid account
 */
export function parseAccount(input: unknown): Account {
  return parseModel(AccountSchema, input, 'account');
}

/**
 * Parses a target, or throws one `ValidationError` listing every problem.
 *
 * @param input - a target object, for example from JSON
 * @returns the parsed target, unknown keys removed at its top level (its `overrides` refuse them,
 *   like a post)
 * @throws ValidationError when the input is not a valid target
 */
export function parseTarget(input: unknown): Target {
  return parseModel(TargetSchema, input, 'target');
}

/**
 * Parses an engagement, or throws one `ValidationError` listing every problem.
 *
 * @param input - an engagement, for example from a store's JSON
 * @returns the parsed engagement with `createdAt` as `Date`
 * @throws ValidationError when the input is not a valid engagement
 */
export function parseEngagement(input: unknown): Engagement {
  return parseModel(EngagementSchema, input, 'engagement');
}

/**
 * Parses a metric sample, or throws one `ValidationError` listing every problem.
 *
 * @param input - a metric sample, for example from a store's JSON
 * @returns the parsed sample with instants as `Date`
 * @throws ValidationError when the input is not a valid metric sample
 */
export function parseMetricSample(input: unknown): MetricSample {
  return parseModel(MetricSampleSchema, input, 'metric sample');
}

/**
 * Parses a publish result, or throws one `ValidationError` listing every problem.
 *
 * @param input - a publish result, for example from a store's JSON
 * @returns the parsed result with `warnings` defaulted to `[]` and instants as `Date`
 * @throws ValidationError when the input is not a valid publish result
 */
export function parsePublishResult(input: unknown): PublishResult {
  return parseModel(PublishResultSchema, input, 'publish result');
}

/**
 * Parses a schedule entry, or throws one `ValidationError` listing every problem. Accepts what
 * `JSON.stringify` made of an entry, so stores can keep entries as JSON.
 *
 * @param input - a schedule entry, for example from a store's JSON
 * @returns the parsed entry with instants as `Date` and `attempts` defaulted to 0
 * @throws ValidationError when the input is not a valid schedule entry
 */
export function parseScheduleEntry(input: unknown): ScheduleEntry {
  return parseModel(ScheduleEntrySchema, input, 'schedule entry');
}
