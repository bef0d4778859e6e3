/**
 * Renders adapters' capabilities as the Markdown of docs/capabilities.md: overview tables with a
 * column per adapter, then per adapter its media limits, scopes, rate limits and what it cannot
 * do and why. Adapters whose section would read the same share it.
 */
import type { Capabilities } from '@smmkit/core';
import type { AuthScopes, MediaKindRules } from '@smmkit/core/adapter-kit';
import { markdownTable } from '../generated-section.ts';

/** An adapter as the matrix shows it: a column name and its capabilities. */
export interface MatrixAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;
}

type Row = readonly [label: string, cell: (capabilities: Capabilities) => string];

const yes = (value: boolean) => (value ? 'yes' : '—');
const list = (values: readonly string[]) => (values.length === 0 ? '—' : values.join(', '));
const code = (values: readonly string[]) => list(values.map((value) => `\`${value}\``));
const count = (value: number) => value.toLocaleString('en-US');

/** Bytes in the largest binary unit that divides them. */
function bytes(value: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (value % size === 0) return `${count(value / size)} ${unit}`;
  }
  return `${count(value)} B`;
}

/** Seconds in the largest unit that divides them. */
function duration(seconds: number): string {
  for (const [unit, size] of [
    ['days', 86_400],
    ['h', 3600],
    ['min', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) {
      const amount = seconds / size;
      return `${count(amount)} ${unit === 'days' && amount === 1 ? 'day' : unit}`;
    }
  }
  return `${count(seconds)} s`;
}

function range(min: string | undefined, max: string | undefined): string {
  if (min === undefined) return max === undefined ? '—' : `≤ ${max}`;
  return max === undefined ? `≥ ${min}` : `${min}–${max}`;
}

const LINKS: Record<Capabilities['links'], string> = {
  in_text: 'in the text',
  attachment: 'an attachment',
  not_clickable: 'not clickable',
};

const POSTING: readonly Row[] = [
  ['formats', (c) => list(c.formats)],
  [
    'text length',
    (c) => `${count(c.text.maxLength)} ${c.text.counting}${c.text.configurable ? ' (a setting)' : ''}`,
  ],
  ['a URL counts as', (c) => (c.text.urlLength === undefined ? '—' : String(c.text.urlLength))],
  ['text required', (c) => yes(c.text.required)],
  ['most hashtags', (c) => opt(c.text.maxHashtags) ?? '—'],
  ['most mentions', (c) => opt(c.text.maxMentions) ?? '—'],
  [
    'title',
    (c) =>
      c.title
        ? `${count(c.title.maxLength)} ${c.title.counting}${c.title.required ? ', required' : ''}`
        : '—',
  ],
  ['media required', (c) => yes(c.media.required)],
  ['media kinds', (c) => list(Object.keys(c.media.kinds))],
  ['media sources', (c) => list(c.media.sources)],
  [
    'threads',
    (c) => (c.threads === false ? '—' : c.threads.maxParts ? `up to ${c.threads.maxParts} parts` : 'yes'),
  ],
  ['polls', (c) => (c.polls === false ? '—' : pollSummary(c.polls))],
  ['first comment', (c) => yes(c.firstComment)],
  ['links', (c) => LINKS[c.links]],
  [
    'native scheduling',
    (c) =>
      c.nativeScheduling === false
        ? '—'
        : `${duration(c.nativeScheduling.minLeadSeconds)} to ${duration(c.nativeScheduling.maxLeadSeconds)} ahead`,
  ],
  [
    'privacy levels',
    (c) =>
      c.privacy === false
        ? '—'
        : `${c.privacy.source === 'account' ? 'per account: ' : ''}${list(c.privacy.options)}`,
  ],
  ['delete', (c) => yes(c.delete)],
];

const READING: readonly Row[] = [
  ['post metrics', (c) => list(c.metrics.post)],
  ['account metrics', (c) => list(c.metrics.account)],
  ['posts per metrics request', (c) => opt(c.metrics.maxPostsPerRequest) ?? '—'],
  ['engagement read', (c) => list(c.engagement.read)],
  ['reply', (c) => yes(c.engagement.reply)],
  ['hide', (c) => yes(c.engagement.hide)],
  ['delete engagement', (c) => yes(c.engagement.delete)],
  ['like', (c) => yes(c.engagement.like)],
  ['search public posts', (c) => (c.engagement.search === false ? '—' : `by ${c.engagement.search}`)],
  ['other accounts', (c) => yes(c.research?.publicAccounts ?? false)],
  ['audience breakdowns', (c) => list(c.research?.audience ?? [])],
  ['webhooks', (c) => (c.webhooks ? 'yes, with a webhook secret set' : '—')],
];

const OPERATING: readonly Row[] = [
  ['auth', (c) => c.auth.flavour.replace('_', ' + ')],
  [
    'access token lives',
    (c) => (c.auth.accessTokenLifetimeSec === undefined ? '—' : duration(c.auth.accessTokenLifetimeSec)),
  ],
  ['refreshable', (c) => yes(c.auth.refreshable)],
  ['refresh token rotates', (c) => yes(c.auth.refreshTokenRotates)],
  ['rate limits in headers', (c) => yes(c.rateLimits.headers)],
  ['declared budgets', (c) => String(c.rateLimits.budgets.length)],
  ['idempotency key', (c) => yes(c.reconciliation.idempotencyKey)],
  ['finds recent posts', (c) => yes(c.reconciliation.findRecentPosts)],
  ['duplicate signal', (c) => yes(c.reconciliation.duplicateSignal)],
  ['read-after-write list', (c) => yes(c.reconciliation.readAfterWrite)],
];

function opt(value: number | undefined): string | undefined {
  return value === undefined ? undefined : count(value);
}

function pollSummary(polls: Exclude<Capabilities['polls'], false>): string {
  const durations = polls.durationsMinutes
    ? list(polls.durationsMinutes.map((minutes) => duration(minutes * 60)))
    : `${duration(polls.minDurationMinutes * 60)}–${duration(polls.maxDurationMinutes * 60)}`;
  return `${polls.minOptions}–${polls.maxOptions} options of ≤ ${polls.maxOptionLength} chars, ${durations}`;
}

function overview(title: string, rows: readonly Row[], adapters: readonly MatrixAdapter[]): string {
  const body = rows.map(([label, cell]) => [
    label,
    ...adapters.map((adapter) => escapePipes(cell(adapter.capabilities))),
  ]);
  return `### ${title}\n\n${markdownTable(['', ...adapters.map((adapter) => adapter.name)], body)}`;
}

function escapePipes(text: string): string {
  return text.replaceAll('|', '\\|');
}

function media(c: Capabilities): string {
  const kinds = Object.entries(c.media.kinds) as [string, MediaKindRules][];
  const table = markdownTable(
    ['kind', 'MIME types', 'largest', 'duration', 'width', 'height', 'aspect ratio', 'fps', 'alt text'],
    kinds.map(([kind, rules]) => [
      kind,
      list(rules.mimeTypes),
      rules.maxBytes === undefined ? '—' : bytes(rules.maxBytes),
      range(seconds(rules.minDurationSec), seconds(rules.maxDurationSec)),
      range(opt(rules.minWidth), opt(rules.maxWidth)),
      range(opt(rules.minHeight), opt(rules.maxHeight)),
      range(ratio(rules.minAspectRatio), ratio(rules.maxAspectRatio)),
      range(opt(rules.minFps), opt(rules.maxFps)),
      rules.altTextMaxLength === undefined ? '—' : count(rules.altTextMaxLength),
    ]),
  );
  const sets = c.media.sets.map(
    (set) =>
      `- ${set.format ?? 'feed'}: ${set.min === set.max ? set.min : `${set.min}–${set.max}`} × ${set.kinds.join(' or ')}`,
  );
  return [
    table,
    `Combinations a post's media must fit one of:\n\n${sets.length === 0 ? '- none' : sets.join('\n')}`,
    `Sources: ${list(c.media.sources)}.`,
  ].join('\n\n');
}

function seconds(value: number | undefined): string | undefined {
  return value === undefined ? undefined : value < 60 ? `${value} s` : duration(value);
}

function ratio(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

const OPERATIONS: Record<keyof AuthScopes, string> = {
  publish: 'publish (media included)',
  delete: 'delete',
  metrics: 'metrics',
  engagement: 'read engagement',
  reply: 'reply, hide, delete engagement',
  like: 'like',
  search: 'search mentions',
  research: 'other accounts, audience',
  findRecentPosts: 'find own posts (reconciling)',
  refresh: 'refresh token',
};

function scopes(c: Capabilities): string {
  const declared = c.auth.scopes ?? {};
  const rows = (Object.keys(OPERATIONS) as (keyof AuthScopes)[]).flatMap((operation) => {
    const needed = declared[operation];
    return needed === undefined ? [] : [[OPERATIONS[operation], code(needed)]];
  });
  if (rows.length === 0) return 'No scopes declared.';
  return `${markdownTable(['operation', 'scopes'], rows)}\n\nAn operation not listed needs no scope beyond sign-in, or the adapter does not offer it.`;
}

function rateLimits(c: Capabilities): string {
  const { budgets, headers, operations } = c.rateLimits;
  const parts = [
    headers
      ? 'The platform reports limits in response headers; the publisher learns from them.'
      : 'The platform sends no rate-limit headers: the publisher paces by the budgets below.',
  ];
  if (budgets.length > 0) {
    parts.push(
      markdownTable(
        ['bucket', 'limit', 'per', 'counted per', 'resets'],
        budgets.map((budget) => [
          `\`${budget.bucket}\``,
          count(budget.limit),
          duration(budget.windowSec),
          budget.scope,
          budget.resets.replace('_', ' '),
        ]),
      ),
    );
  }
  const spent = Object.entries(operations ?? {}).filter(
    (entry): entry is [string, string[]] => entry[1] !== undefined,
  );
  if (spent.length > 0) {
    parts.push(
      markdownTable(
        ['operation', 'spends from'],
        spent.map(([operation, buckets]) => [operation, code(buckets)]),
      ),
    );
  }
  return parts.join('\n\n');
}

function unavailable(c: Capabilities): string | undefined {
  const reasons = c.research?.unavailable;
  const lines = [
    reasons?.publicAccounts === undefined ? undefined : `- Other accounts: ${reasons.publicAccounts}`,
    reasons?.audience === undefined ? undefined : `- Audience: ${reasons.audience}`,
  ].filter((line) => line !== undefined);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** One section per group of adapters whose text is the same, headed by their names. */
function perAdapter(
  title: string,
  adapters: readonly MatrixAdapter[],
  render: (capabilities: Capabilities) => string | undefined,
): string {
  const groups = new Map<string, string[]>();
  for (const adapter of adapters) {
    const text = render(adapter.capabilities);
    if (text === undefined) continue;
    groups.set(text, [...(groups.get(text) ?? []), adapter.name]);
  }
  const sections = [...groups].map(([text, names]) => `### ${names.join(', ')}\n\n${text}`);
  return [`## ${title}`, ...sections].join('\n\n');
}

/**
 * The generated part of docs/capabilities.md.
 *
 * @param adapters - the adapters, one column each, in the order shown
 * @returns Markdown
 */
export function renderCapabilityMatrix(adapters: readonly MatrixAdapter[]): string {
  return [
    '## Overview',
    overview('Posting', POSTING, adapters),
    overview('Reading and engagement', READING, adapters),
    overview('Auth, rate limits and reconciliation', OPERATING, adapters),
    perAdapter('Media limits', adapters, media),
    perAdapter('Scopes each operation needs', adapters, scopes),
    perAdapter('Rate limits', adapters, rateLimits),
    perAdapter('Not available, and why', adapters, unavailable),
  ].join('\n\n');
}
