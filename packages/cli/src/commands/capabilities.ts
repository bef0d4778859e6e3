import type { Adapter, Capabilities } from '@smmkit/core';
import { makeAdapters, settingsOf } from '../app/make-adapters.js';
import { isPlatform, PLATFORMS } from '../config/platforms.js';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { table } from '../output/table.js';
import type { CommandContext } from './context.js';

/** One row of the matrix: a feature and how to read it from an adapter's capabilities. */
const ROWS: readonly (readonly [string, (capabilities: Capabilities) => string])[] = [
  ['text length', (c) => `${c.text.maxLength} ${c.text.counting}`],
  ['text required', (c) => yesNo(c.text.required)],
  ['media required', (c) => yesNo(c.media.required)],
  ['media kinds', (c) => Object.keys(c.media.kinds).join(' ') || '–'],
  ['media sources', (c) => c.media.sources.join(' ')],
  ['formats', (c) => c.formats.join(' ')],
  [
    'threads',
    (c) =>
      c.threads === false ? 'no' : `yes${c.threads.maxParts === undefined ? '' : ` (${c.threads.maxParts})`}`,
  ],
  ['polls', (c) => (c.polls === false ? 'no' : `${c.polls.minOptions}–${c.polls.maxOptions} options`)],
  ['first comment', (c) => yesNo(c.firstComment)],
  ['links', (c) => c.links],
  ['native scheduling', (c) => yesNo(c.nativeScheduling !== false)],
  ['privacy', (c) => (c.privacy === false ? 'public' : c.privacy.source)],
  ['delete', (c) => yesNo(c.delete)],
  ['post metrics', (c) => String(c.metrics.post.length)],
  ['account metrics', (c) => String(c.metrics.account.length)],
  ['inbox reads', (c) => c.engagement.read.join(' ') || '–'],
  ['reply', (c) => yesNo(c.engagement.reply)],
  ['hide', (c) => yesNo(c.engagement.hide)],
  ['like', (c) => yesNo(c.engagement.like)],
  ['mention search', (c) => (c.engagement.search === false ? 'no' : c.engagement.search)],
  ['public accounts', (c) => yesNo(c.research?.publicAccounts === true)],
  ['audience breakdowns', (c) => String(c.research?.audience.length ?? 0)],
  ['webhooks', (c) => yesNo(c.webhooks)],
  ['auth', (c) => `${c.auth.flavour}${c.auth.refreshable ? ', refresh' : ''}`],
  // The names are long (Meta's, LinkedIn's): the matrix counts them, --json lists them.
  [
    'scopes to publish',
    (c) => (c.auth.scopes?.publish === undefined ? '–' : String(c.auth.scopes.publish.length)),
  ],
  ['rate limits', (c) => (c.rateLimits.headers ? 'headers + budgets' : 'budgets')],
];

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** `smmkit capabilities`: what each adapter supports, as a matrix (or every capability as JSON). */
export function capabilitiesCommand(context: CommandContext, platforms: readonly string[]): ExitCode {
  const unknown = platforms.filter((platform) => !isPlatform(platform));
  if (unknown.length > 0) {
    throw new CliError(
      EXIT.usage,
      `--platform names no platform smmkit knows: ${unknown.map((platform) => `"${platform}"`).join(', ')} (the platforms: ${PLATFORMS.join(', ')})`,
    );
  }
  const adapters = makeAdapters(settingsOf(context.config)).filter(
    (adapter: Adapter) => platforms.length === 0 || platforms.includes(adapter.platform),
  );
  const { output } = context;
  output.data({
    platforms: adapters.map((adapter) => adapter.platform),
    capabilities: Object.fromEntries(adapters.map((adapter) => [adapter.platform, adapter.capabilities])),
  });
  const header = ['', ...adapters.map((adapter) => output.paint('bold', adapter.platform))];
  const rows = ROWS.map(([label, read]) => [label, ...adapters.map((adapter) => read(adapter.capabilities))]);
  for (const line of table([header, ...rows])) output.line(line);
  return EXIT.ok;
}
