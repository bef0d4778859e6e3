import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { Engagement, EngagementKind } from '../models/engagement.js';
import type { EngagementResponse } from './post-meta.js';
import { isValidDate } from './validate-inputs.js';

/**
 * An engagement as the SLA figures need it: a core `Engagement` fits. `outgoing` (or an author id
 * equal to `accountId`) marks the account's own items, which are not waiting for an answer.
 */
export interface SlaEngagement extends Pick<Engagement, 'platform' | 'id' | 'createdAt' | 'kind'> {
  /** The account whose inbox it belongs to. */
  readonly accountId?: string | undefined;
  /** Who engaged. */
  readonly author?:
    | {
        /** The platform's id for the author. */
        readonly id: string;
      }
    | undefined;
  /** True when the account itself sent it (its own reply or message). */
  readonly outgoing?: boolean | undefined;
}

/** Options for {@link engagementSla}. */
export interface EngagementSlaOptions {
  /** The response-time target in milliseconds (e.g. `3_600_000` for one hour). */
  readonly targetMs: number;
}

/** SLA figures for one platform or for all of them; every rate is a fraction from 0 to 1. */
export interface SlaFigures {
  /** Inbound engagements (see `comment`, `reply`, `mention` and `direct_message`), own items and duplicates left out. */
  readonly inbound: number;
  /** Inbound engagements with at least one response. */
  readonly answered: number;
  /** Inbound engagements with a response marked `resolved`. */
  readonly resolved: number;
  /** Median first-response time in ms over answered engagements; `null` when none is answered. */
  readonly firstResponseMedianMs: number | null;
  /** 90th-percentile first-response time in ms over answered engagements; `null` when none is answered. */
  readonly firstResponseP90Ms: number | null;
  /** answered ÷ inbound; `null` when there is no inbound engagement. */
  readonly responseRate: number | null;
  /** (answered within `targetMs`) ÷ inbound, unanswered counting as missed; `null` without inbound. */
  readonly withinTargetShare: number | null;
  /** resolved ÷ inbound; `null` without inbound. */
  readonly resolutionRate: number | null;
}

/** The result of {@link engagementSla}. */
export interface SlaReport {
  /** The target used, in ms. */
  readonly targetMs: number;
  /** Figures over every platform. */
  readonly overall: SlaFigures;
  /** Figures per platform id, for platforms with at least one inbound engagement. */
  readonly byPlatform: Readonly<Record<string, SlaFigures>>;
  /** Responses whose engagement is not among the inbound ones (ignored in the figures). */
  readonly unmatchedResponses: number;
}

/**
 * Kinds that wait for an answer: comments, replies, mentions and direct messages. Reactions
 * (likes, LinkedIn PRAISE, …) expect no reply and are left out.
 */
export const INBOUND_KINDS: readonly EngagementKind[] = ['comment', 'reply', 'mention', 'direct_message'];

/** What is known about one inbound engagement once its responses are matched. */
interface Handled {
  readonly platform: string;
  readonly firstResponseMs: number | null;
  readonly resolved: boolean;
}

/**
 * Engagement SLA figures per platform and overall: first-response time, share answered within a
 * target, response and resolution rates.
 *
 * - Inbound = engagements of the kinds in `comment`, `reply`, `mention` and `direct_message`, not the account's own
 *   (`outgoing: true`, or `author.id === accountId`); a repeated (platform, account, id) counts
 *   once, and one post that engages two of your accounts counts once for each.
 * - First-response time = earliest `respondedAt` of the responses matching (platform, id) and,
 *   when both name one, the account, minus `createdAt`; a response stamped before the
 *   engagement (clock skew) counts as 0 ms.
 * - Median and p90 use linear interpolation between closest ranks (Hyndman & Fan type 7, as
 *   Excel `PERCENTILE.INC` and NumPy's default): with the n times sorted x₀ ≤ … ≤ xₙ₋₁ and
 *   h = (n − 1)·q, Q(q) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 * - withinTargetShare = (answered with first-response time ≤ targetMs) ÷ inbound.
 * - responseRate = answered ÷ inbound; resolutionRate = resolved ÷ inbound, where resolved means
 *   some matching response has `resolved: true`.
 * Without inbound engagements the rates and times are `null`, never 0 or NaN.
 *
 * @param engagements - the inbox items (core `Engagement`s fit)
 * @param responses - the team's responses
 * @param options - see {@link EngagementSlaOptions}
 * @returns the figures overall and per platform
 * @throws ValidationError when `targetMs` is negative or not finite, or a date is invalid
 *
 * @example
 * ```ts
 * const sla = engagementSla(engagements, responses, { targetMs: 60 * 60 * 1000 });
 * sla.overall.firstResponseMedianMs; // e.g. 1_260_000 (21 minutes)
 * sla.byPlatform.instagram?.withinTargetShare; // e.g. 0.85
 * ```
 */
export function engagementSla(
  engagements: readonly SlaEngagement[],
  responses: readonly EngagementResponse[],
  options: EngagementSlaOptions,
): SlaReport {
  validate(engagements, responses, options.targetMs);
  // Responses that name their account answer that account's copy; the others every copy. An
  // engagement that names no account takes responses from any account.
  const byAccount = new Map<string, FirstResponse>();
  const byAnyone = new Map<string, FirstResponse>();
  const byAnyAccount = new Map<string, FirstResponse>();
  for (const response of responses) {
    const id = idKey(response.platform, response.engagementId);
    if (response.accountId === undefined) {
      byAnyone.set(id, earliest(byAnyone.get(id), response));
      continue;
    }
    const key = accountKey(response.platform, response.accountId, response.engagementId);
    byAccount.set(key, earliest(byAccount.get(key), response));
    byAnyAccount.set(id, earliest(byAnyAccount.get(id), response));
  }

  const handled = new Map<string, Handled>();
  const inboundIds = new Set<string>();
  const inboundWithoutAccount = new Set<string>();
  for (const engagement of engagements) {
    const { platform, accountId, id } = engagement;
    const key = accountId === undefined ? idKey(platform, id) : accountKey(platform, accountId, id);
    if (!isInbound(engagement) || handled.has(key)) continue;
    inboundIds.add(idKey(platform, id));
    if (accountId === undefined) inboundWithoutAccount.add(key);
    const response = earlier(
      byAnyone.get(idKey(platform, id)),
      accountId === undefined ? byAnyAccount.get(key) : byAccount.get(key),
    );
    handled.set(key, {
      platform,
      firstResponseMs:
        response === undefined ? null : Math.max(0, response.at - engagement.createdAt.getTime()),
      resolved: response?.resolved ?? false,
    });
  }

  const items = [...handled.values()];
  const platforms = [...new Set(items.map((item) => item.platform))].sort();
  return {
    targetMs: options.targetMs,
    overall: figures(items, options.targetMs),
    byPlatform: Object.fromEntries(
      platforms.map((platform) => [
        platform,
        figures(
          items.filter((item) => item.platform === platform),
          options.targetMs,
        ),
      ]),
    ),
    unmatchedResponses: responses.filter((response) => {
      const { platform, accountId, engagementId } = response;
      const id = idKey(platform, engagementId);
      if (accountId === undefined) return !inboundIds.has(id);
      return !handled.has(accountKey(platform, accountId, engagementId)) && !inboundWithoutAccount.has(id);
    }).length,
  };
}

/** The earliest response to one engagement, and whether any of them resolved it. */
interface FirstResponse {
  readonly at: number;
  readonly resolved: boolean;
}

/** `known` with `response` counted in. */
function earliest(known: FirstResponse | undefined, response: EngagementResponse): FirstResponse {
  const own = { at: response.respondedAt.getTime(), resolved: response.resolved === true };
  return earlier(known, own) ?? own;
}

/** The earlier of two first responses, resolved when either is; `undefined` when both are. */
function earlier(a: FirstResponse | undefined, b: FirstResponse | undefined): FirstResponse | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return { at: Math.min(a.at, b.at), resolved: a.resolved || b.resolved };
}

/** One account's copy of an engagement. */
function accountKey(platform: string, accountId: string, id: string): string {
  return JSON.stringify([platform, accountId, id]);
}

/** An engagement whatever the account. */
function idKey(platform: string, id: string): string {
  return JSON.stringify([platform, id]);
}

function isInbound(engagement: SlaEngagement): boolean {
  if (!INBOUND_KINDS.includes(engagement.kind)) return false;
  if (engagement.outgoing === true) return false;
  return engagement.author === undefined || engagement.author.id !== engagement.accountId;
}

function figures(items: readonly Handled[], targetMs: number): SlaFigures {
  const times = items.flatMap((item) => (item.firstResponseMs === null ? [] : [item.firstResponseMs]));
  times.sort((a, b) => a - b);
  const inbound = items.length;
  const resolved = items.filter((item) => item.resolved).length;
  const withinTarget = times.filter((ms) => ms <= targetMs).length;
  const rate = (count: number) => (inbound === 0 ? null : count / inbound);
  return {
    inbound,
    answered: times.length,
    resolved,
    firstResponseMedianMs: quantile(times, 0.5),
    firstResponseP90Ms: quantile(times, 0.9),
    responseRate: rate(times.length),
    withinTargetShare: rate(withinTarget),
    resolutionRate: rate(resolved),
  };
}

/** Hyndman & Fan type 7 quantile of ascending `sorted`; `null` when it is empty. */
function quantile(sorted: readonly number[], q: number): number | null {
  const h = (sorted.length - 1) * q;
  const lower = sorted[Math.floor(h)];
  if (lower === undefined) return null;
  const upper = sorted[Math.ceil(h)] ?? lower;
  return lower + (h - Math.floor(h)) * (upper - lower);
}

function validate(
  engagements: readonly SlaEngagement[],
  responses: readonly EngagementResponse[],
  targetMs: number,
): void {
  const problems: ValidationProblem[] = [];
  if (!(Number.isFinite(targetMs) && targetMs >= 0)) {
    problems.push({
      path: ['targetMs'],
      rule: 'sla.target',
      message: 'must be a finite number of ms, at least 0',
    });
  }
  engagements.forEach((engagement, i) => {
    if (!isValidDate(engagement.createdAt)) {
      problems.push({
        path: ['engagements', i, 'createdAt'],
        rule: 'sla.date',
        message: 'must be a valid Date',
      });
    }
  });
  responses.forEach((response, i) => {
    if (!isValidDate(response.respondedAt)) {
      problems.push({
        path: ['responses', i, 'respondedAt'],
        rule: 'sla.date',
        message: 'must be a valid Date',
      });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems, 'engagement SLA input');
}
