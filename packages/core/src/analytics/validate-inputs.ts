import type * as z from 'zod/mini';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { type Engagement, EngagementSchema } from '../models/engagement.js';
import { type MetricSample, MetricSampleSchema } from '../models/metric-sample.js';
import { isValidTimeZone } from '../models/time-zone.js';
import { safeParseModel } from '../parse/parse-model.js';
import type { EngagementResponse, PostMeta } from './post-meta.js';

/** A validation error stops listing problems here, so a huge bad batch does not make a huge error. */
const MAX_PROBLEMS = 100;

/** Collects problems across a batch, path-prefixed with the item's index. */
class ProblemList {
  readonly problems: ValidationProblem[] = [];

  add(index: number, path: readonly (string | number)[], rule: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path: [index, ...path], rule, message });
  }

  addAll(index: number, problems: readonly ValidationProblem[]): void {
    for (const problem of problems) {
      if (this.problems.length >= MAX_PROBLEMS) return;
      this.problems.push({ ...problem, path: [index, ...problem.path] });
    }
  }

  throwIfAny(subject: string): void {
    if (this.problems.length > 0) throw new ValidationError(this.problems, subject);
  }
}

/** Parses every item of a batch with `schema`; all or nothing. */
function parseBatch<S extends z.core.$ZodType>(
  schema: S,
  inputs: Iterable<unknown>,
  subject: string,
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  const problems = new ProblemList();
  let index = 0;
  for (const input of inputs) {
    const result = safeParseModel(schema, input);
    if (result.success) parsed.push(result.data);
    else problems.addAll(index, result.problems);
    index++;
  }
  problems.throwIfAny(subject);
  return parsed;
}

/**
 * Parses a batch of metric samples with core's `MetricSampleSchema`; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the sample's index; at most 100)
 */
export function parseMetricSamples(inputs: Iterable<unknown>): MetricSample[] {
  return parseBatch(MetricSampleSchema, inputs, 'metric samples');
}

/**
 * Parses a batch of engagements with core's `EngagementSchema`; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the item's index; at most 100)
 */
export function parseEngagements(inputs: Iterable<unknown>): Engagement[] {
  return parseBatch(EngagementSchema, inputs, 'engagements');
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** True for a `Date` that holds a time (not `new Date('nope')`); false for anything else. */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

function checkPostMeta(meta: PostMeta, index: number, problems: ProblemList): void {
  for (const key of ['platform', 'accountId', 'platformPostId'] as const) {
    if (!isNonEmptyString(meta[key]))
      problems.add(index, [key], 'analytics.required', 'must be a non-empty string');
  }
  if (!isValidDate(meta.publishedAt))
    problems.add(index, ['publishedAt'], 'analytics.instant', 'must be a valid Date');
  if (meta.timeZone !== undefined && !isValidTimeZone(meta.timeZone)) {
    problems.add(index, ['timeZone'], 'analytics.time_zone', 'unknown time zone');
  }
  if (
    meta.tags !== undefined &&
    (!Array.isArray(meta.tags) || !meta.tags.every((tag) => typeof tag === 'string'))
  ) {
    problems.add(index, ['tags'], 'analytics.tags', 'must be an array of strings');
  }
  for (const key of ['campaign', 'variant'] as const) {
    if (meta[key] !== undefined && typeof meta[key] !== 'string') {
      problems.add(index, [key], 'analytics.label', 'must be a string');
    }
  }
  if (meta.contentClass !== undefined && meta.contentClass !== 'value' && meta.contentClass !== 'promotion') {
    problems.add(index, ['contentClass'], 'analytics.content_class', "must be 'value' or 'promotion'");
  }
}

/**
 * Checks a batch of post metadata; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the item's index)
 */
export function checkPostMetas(metas: Iterable<PostMeta>): PostMeta[] {
  const list = [...metas];
  const problems = new ProblemList();
  list.forEach((meta, index) => {
    checkPostMeta(meta, index, problems);
  });
  problems.throwIfAny('post metadata');
  return list;
}

/**
 * Checks the metadata among a list of posts, with problem paths that index the whole list (the
 * caller's own positions); items `metaOf` maps to `undefined` are skipped.
 *
 * @throws ValidationError listing the problems
 */
export function checkPostMetasAmong<T>(items: readonly T[], metaOf: (item: T) => PostMeta | undefined): void {
  const problems = new ProblemList();
  items.forEach((item, index) => {
    const meta = metaOf(item);
    if (meta !== undefined) checkPostMeta(meta, index, problems);
  });
  problems.throwIfAny('post metadata');
}

/**
 * Checks a batch of engagement responses; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with the item's index)
 */
export function checkResponses(responses: Iterable<EngagementResponse>): EngagementResponse[] {
  const list = [...responses];
  const problems = new ProblemList();
  list.forEach((response, index) => {
    if (!isNonEmptyString(response.platform)) {
      problems.add(index, ['platform'], 'analytics.required', 'must be a non-empty string');
    }
    if (!isNonEmptyString(response.engagementId)) {
      problems.add(index, ['engagementId'], 'analytics.required', 'must be a non-empty string');
    }
    if (!isValidDate(response.respondedAt)) {
      problems.add(index, ['respondedAt'], 'analytics.instant', 'must be a valid Date');
    }
    if (response.resolved !== undefined && typeof response.resolved !== 'boolean') {
      problems.add(index, ['resolved'], 'analytics.boolean', 'must be a boolean');
    }
  });
  problems.throwIfAny('engagement responses');
  return list;
}
