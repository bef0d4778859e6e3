import { ValidationError } from '../../errors/validation-error.js';
import type { Analytics } from '../analytics.js';
import type { BenchmarkAccount } from '../competitors.js';
import { rankInfluencers } from '../influencers.js';
import { CompiledPostFilter, type PostFilter } from '../post-filter.js';
import { type BrandTerms, type ListenedOptions, shareOfVoice } from '../share-of-voice.js';
import type { ResearchReportInput } from './research-report-input.js';

/** The research sections `buildReportInput` can add; each reads the report's window and platforms. */
export interface ResearchReportOptions {
  /**
   * A competitor table (`Analytics.benchmark` over `since`–`until`, both then required) and, with
   * `brands`, share of voice in the window's ingested engagements.
   */
  readonly competitors?:
    | {
        /** Own accounts to compare (default: every own account of the report's platforms). */
        readonly own?: readonly BenchmarkAccount[] | undefined;
        /** Tracked accounts to compare (default: every tracked account of the report's platforms). */
        readonly competitors?: readonly BenchmarkAccount[] | undefined;
        /** Brands and their terms, for share of voice. */
        readonly brands?: readonly BrandTerms[] | undefined;
        /** Inbox kinds that count as listened posts (default `mention`, `comment`, `reply`). */
        readonly kinds?: ListenedOptions['kinds'];
      }
    | undefined;
  /**
   * An influencer list: `rankInfluencers` over the window's ingested engagements, with the
   * tracked accounts' snapshots (`Analytics.publicAccounts()`).
   */
  readonly influencers?:
    | {
        /** How many (default 10). */
        readonly n?: number | undefined;
        /** Inbox kinds that count (default `mention`, `comment`, `reply`). */
        readonly kinds?: ListenedOptions['kinds'];
      }
    | undefined;
  /**
   * Audience charts: the latest splits before `until` of the report's platforms and accounts
   * (`true` for every breakdown, or only `dimensions`).
   */
  readonly audience?:
    | boolean
    | {
        /** Only these breakdowns (`age`, `country`, …). */
        readonly dimensions?: readonly string[] | undefined;
      }
    | undefined;
}

/** The report's window, which a benchmark needs whole. */
function period(since: Date | undefined, until: Date | undefined): { since: Date; until: Date } {
  if (since !== undefined && until !== undefined) return { since, until };
  throw new ValidationError(
    [
      {
        path: [since === undefined ? 'since' : 'until'],
        rule: 'report.competitors_period',
        message: 'a competitor benchmark needs the report to have both since and until',
      },
    ],
    'report options',
  );
}

/**
 * The research part of a report's input, for the sections asked for in `options`.
 *
 * @throws ValidationError when competitors are asked for without `since` and `until`, or for a
 *   bad brand, `n` or window
 */
export function buildResearchInput(
  analytics: Analytics,
  options: ResearchReportOptions & PostFilter,
): ResearchReportInput {
  const { since, until, platforms, accounts } = options;
  const needsItems = options.influencers !== undefined || options.competitors?.brands !== undefined;
  // The window is applied by shareOfVoice and rankInfluencers; this filter only picks the inboxes.
  const inboxes = new CompiledPostFilter({ platforms, accounts });
  const items = needsItems
    ? analytics.engagements().filter((item) => inboxes.accepts(item.platform, item.accountId, 0))
    : [];
  const competitors = options.competitors;
  const audience = options.audience;
  return {
    ...(competitors === undefined
      ? {}
      : {
          competitors: {
            benchmark: analytics.benchmark({
              ...period(since, until),
              own: competitors.own,
              competitors: competitors.competitors,
              platforms,
            }),
            ...(competitors.brands === undefined
              ? {}
              : {
                  shareOfVoice: shareOfVoice(items, competitors.brands, {
                    since,
                    until,
                    kinds: competitors.kinds,
                  }),
                }),
          },
        }),
    ...(options.influencers === undefined
      ? {}
      : {
          influencers: rankInfluencers(items, {
            accounts: analytics.publicAccounts(),
            since,
            until,
            kinds: options.influencers.kinds,
            n: options.influencers.n ?? 10,
          }),
        }),
    ...(audience === undefined || audience === false
      ? {}
      : {
          audience: analytics.audience({
            platforms,
            accounts,
            until,
            dimensions: audience === true ? undefined : audience.dimensions,
          }),
        }),
  };
}
