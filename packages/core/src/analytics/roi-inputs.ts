import * as z from 'zod/mini';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { NonEmptyStringSchema, PlatformIdSchema } from '../models/ids.js';
import { InstantSchema } from '../models/instant.js';
import { type PostRef, PostRefSchema } from '../models/post-ref.js';
import { safeParseModel } from '../parse/parse-model.js';
import type { PostFilter } from './post-filter.js';
import type { UtmParams } from './utm.js';

/** The UTM parameters a conversion arrived with (from its landing page URL); any may be missing. */
export interface ConversionUtm {
  /** `utm_source`: the platform, in the links smmkit builds (`x`, `linkedin`). */
  readonly source?: string | undefined;
  /** `utm_medium` (`social`). */
  readonly medium?: string | undefined;
  /** `utm_campaign`: the campaign. */
  readonly campaign?: string | undefined;
  /** `utm_content`: what `utmForTarget` put there (the content or the account handle). */
  readonly content?: string | undefined;
  /** `utm_term`. */
  readonly term?: string | undefined;
}

/**
 * A conversion (a lead, a sign-up, a purchase) as your web analytics recorded it, with the UTM
 * parameters of the visit that led to it.
 *
 * @example
 * ```ts
 * const lead: ConversionEvent = { utm: { source: 'linkedin', medium: 'social', campaign: 'spring-26', content: 'acme' }, value: 120 };
 * ```
 */
export interface ConversionEvent {
  /** The visit's UTM parameters. */
  readonly utm: ConversionUtm;
  /** What it was worth, in the report's currency (default 0; negative for a refund). */
  readonly value?: number | undefined;
  /** How many conversions the event stands for (default 1; a row of an aggregated export may hold more). */
  readonly count?: number | undefined;
  /** When it happened; without it the conversion counts whatever the window. */
  readonly at?: Date | undefined;
}

/**
 * Money spent: on a campaign, a platform, both, or one promoted post. A post's spend counts
 * for its platform and its campaign (`PostMeta.campaign`, else the campaign of its link).
 *
 * @example
 * ```ts
 * const spend: SpendEntry[] = [
 *   { platform: 'x', campaign: 'spring-26', amount: 400 },
 *   { post: { platform: 'linkedin', accountId: 'acme', platformPostId: 'urn:li:share:7' }, amount: 250 },
 * ];
 * ```
 */
export interface SpendEntry {
  /** The amount, in the report's currency (≥ 0). */
  readonly amount: number;
  /** The platform it was spent on. */
  readonly platform?: string | undefined;
  /** The campaign it was spent on. */
  readonly campaign?: string | undefined;
  /** The post it promoted. */
  readonly post?: PostRef | undefined;
}

/**
 * A UTM link smmkit built for a post (`buildUtmUrl(url, utmForTarget(target))`), recorded with
 * the post it went out in: how a conversion finds its post.
 */
export interface RoiLink {
  /** The post that carried the link. */
  readonly post: PostRef;
  /** The link's parameters, as `utmForTarget` returned them. */
  readonly utm: UtmParams;
}

/** Options of `Analytics.roi`. The `PostFilter` fields select the posts whose clicks count, and the window of dated conversions. */
export interface RoiOptions extends PostFilter {
  /** The conversions (events, or `parseConversionsCsv` of an export). */
  readonly conversions: readonly ConversionEvent[];
  /** What was spent (default none: cost figures are "no data"). */
  readonly spend?: readonly SpendEntry[] | undefined;
  /** The UTM links posts carried, to attribute conversions to single posts. */
  readonly links?: readonly RoiLink[] | undefined;
  /** ISO 4217 code of the amounts (`EUR`), shown in the report. */
  readonly currency?: string | undefined;
}

/** A UTM value: blank means absent. */
const UtmValueSchema = /* @__PURE__ */ (() => z.optional(z.string()))();

const ConversionSchema = /* @__PURE__ */ (() =>
  z.object({
    utm: z.object({
      source: UtmValueSchema,
      medium: UtmValueSchema,
      campaign: UtmValueSchema,
      content: UtmValueSchema,
      term: UtmValueSchema,
    }),
    value: z.optional(z.number()),
    count: z.optional(z.number().check(z.nonnegative())),
    at: z.optional(InstantSchema),
  }))();

const SpendSchema = /* @__PURE__ */ (() =>
  z
    .object({
      amount: z.number().check(z.nonnegative()),
      platform: z.optional(PlatformIdSchema),
      campaign: z.optional(NonEmptyStringSchema),
      post: z.optional(PostRefSchema),
    })
    .check(
      z.refine(
        (spend) => spend.platform !== undefined || spend.campaign !== undefined || spend.post !== undefined,
        {
          error: 'say what the money was spent on: a platform, a campaign or a post',
          path: ['platform'],
          params: { rule: 'roi.spend_target' },
        },
      ),
      z.refine(
        (spend) =>
          spend.post === undefined || spend.platform === undefined || spend.post.platform === spend.platform,
        { error: "must be the post's platform", path: ['platform'], params: { rule: 'roi.spend_target' } },
      ),
    ))();

const LinkSchema = /* @__PURE__ */ (() =>
  z.object({
    post: PostRefSchema,
    utm: z.object({
      source: NonEmptyStringSchema,
      medium: NonEmptyStringSchema,
      campaign: NonEmptyStringSchema,
      content: z.optional(z.string()),
      term: z.optional(z.string()),
    }),
  }))();

/** A conversion after checking: UTM values trimmed (blank → absent), defaults applied. */
export interface CheckedConversion {
  readonly source: string | undefined;
  readonly campaign: string | undefined;
  readonly content: string | undefined;
  readonly value: number;
  readonly count: number;
  readonly at: number;
}

/** What {@link checkRoiInputs} returns. */
export interface CheckedRoiInputs {
  readonly conversions: CheckedConversion[];
  readonly spend: SpendEntry[];
  readonly links: RoiLink[];
}

/** A UTM value trimmed, or undefined when blank. */
export function utmValue(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

const MAX_PROBLEMS = 100;

function parseList<S extends z.core.$ZodType>(
  schema: S,
  items: readonly unknown[] | undefined,
  key: string,
  problems: ValidationProblem[],
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  if (items !== undefined && !Array.isArray(items)) {
    problems.push({ path: [key], rule: 'schema.invalid_type', message: 'must be an array' });
    return parsed;
  }
  (items ?? []).forEach((item, index) => {
    const result = safeParseModel(schema, item);
    if (result.success) parsed.push(result.data);
    else {
      for (const problem of result.problems) {
        if (problems.length < MAX_PROBLEMS)
          problems.push({ ...problem, path: [key, index, ...problem.path] });
      }
    }
  });
  return parsed;
}

/**
 * Checks the conversions, spend and links of {@link RoiOptions}; all or nothing.
 *
 * @throws ValidationError listing the problems (paths start with `conversions`, `spend` or
 *   `links` and the item's index; at most 100)
 */
export function checkRoiInputs(options: RoiOptions): CheckedRoiInputs {
  const problems: ValidationProblem[] = [];
  const conversions = parseList(ConversionSchema, options.conversions, 'conversions', problems);
  const spend = parseList(SpendSchema, options.spend, 'spend', problems);
  const links = parseList(LinkSchema, options.links, 'links', problems);
  if (problems.length > 0) throw new ValidationError(problems, 'ROI inputs');
  return {
    conversions: conversions.map((conversion) => ({
      source: utmValue(conversion.utm.source),
      campaign: utmValue(conversion.utm.campaign),
      content: utmValue(conversion.utm.content),
      value: conversion.value ?? 0,
      count: conversion.count ?? 1,
      at: conversion.at?.getTime() ?? Number.NaN,
    })),
    spend,
    links,
  };
}
