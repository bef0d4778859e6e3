import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PostRef } from '@smmkit/core';
import { collectMetrics, type PostMeta, toCsv } from '@smmkit/core/analytics';
import { localTimeAt } from '@smmkit/core/scheduler';
import { fileErrorReason } from '../app/file-error.js';
import type { OpenApp } from '../app/open-app.js';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { type CommandContext, describeError, withApp } from './context.js';
import { DAY_MS, dateOf, zoneOf } from './date-option.js';

/** Most posts read per account: one page of each platform's recent posts. */
const POSTS_PER_ACCOUNT = 100;

/**
 * The accounts' posts from `since` to `until`, read from the platforms (`findRecentPosts`, through
 * the publisher's queues). The facade only remembers posts published in this process, and each
 * CLI command is a process of its own, so the report asks the platforms.
 */
async function postsOf(
  context: CommandContext,
  app: OpenApp,
  since: Date,
  until: Date,
): Promise<{ posts: PostMeta[]; failures: number }> {
  const posts: PostMeta[] = [];
  let failures = 0;
  for (const account of app.accounts) {
    const adapter = app.adapters.find((candidate) => candidate.platform === account.platform);
    const find = adapter?.findRecentPosts;
    if (adapter === undefined || find === undefined) continue;
    const task = context.output.task(`${account.id} posts`);
    try {
      const recent = await app.smm.publisher.run(account, 'findRecentPosts', (requestContext) =>
        find.call(adapter, { since, limit: POSTS_PER_ACCOUNT }, requestContext),
      );
      const inRange = recent.filter((post) => post.createdAt >= since && post.createdAt < until);
      posts.push(
        ...inRange.map((post) => ({
          ...post.ref,
          publishedAt: post.createdAt,
          ...(account.timeZone === undefined ? {} : { timeZone: account.timeZone }),
        })),
      );
      task.end('ok', `${inRange.length}`);
    } catch (error) {
      failures += 1;
      task.end('failed');
      context.output.error(`${account.id}: ${describeError(error)}`);
    }
  }
  return { posts, failures };
}

/**
 * The absolute path of an output file option, checked before any platform is read: its folder
 * exists and is writable, and the path is not a folder.
 *
 * @throws CliError (usage) naming the option and why
 */
function outputPath(option: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const absolute = resolve(path);
  const folder = dirname(absolute);
  let reason: string | undefined;
  try {
    if (!statSync(folder).isDirectory()) reason = 'a part of the path is not a folder';
    else if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true) reason = 'it is a folder';
    else accessSync(folder, constants.W_OK);
  } catch (error) {
    reason = fileErrorReason(error);
  }
  if (reason !== undefined) throw cannotWrite(option, path, reason);
  return absolute;
}

/** Writes an output file; a failure is the option's (usage), as a disk that fills up is the user's. */
function writeOutput(option: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw cannotWrite(option, path, fileErrorReason(error));
  }
}

/** The usage error of an output file option that cannot be written. */
function cannotWrite(option: string, path: string, reason: string): CliError {
  return new CliError(EXIT.usage, `${option} ${path}: cannot write there (${reason})`);
}

/**
 * `smmkit report --from --to --html report.html --csv posts.csv`: reads the accounts' posts in the
 * range and their metrics from the platforms, then writes the HTML report and a CSV of the posts.
 */
export async function reportCommand(
  context: CommandContext,
  options: {
    readonly from?: string | undefined;
    readonly to?: string | undefined;
    readonly html?: string | undefined;
    readonly csv?: string | undefined;
    readonly title?: string | undefined;
    readonly zone?: string | undefined;
  },
): Promise<ExitCode> {
  const timeZone = zoneOf(options.zone) ?? context.accounts[0]?.timeZone ?? 'UTC';
  // A day given as --from or --to starts at midnight in the report's zone, where its days are counted.
  const until = dateOf(options.to, new Date(), '--to', timeZone);
  const since = dateOf(options.from, new Date(until.getTime() - 28 * DAY_MS), '--from', timeZone);
  if (since >= until) throw new CliError(EXIT.usage, '--from must be before --to');
  const htmlPath = outputPath('--html', options.html);
  const csvPath = outputPath('--csv', options.csv);
  const { output } = context;
  return withApp(context, async (app) => {
    const { posts, failures } = await postsOf(context, app, since, until);
    const task = output.task(`metrics of ${posts.length} posts`);
    const collected = await collectMetrics(
      app.adapters,
      posts as readonly (PostMeta | PostRef)[],
      undefined,
      {
        via: app.smm.publisher,
        into: app.smm.analytics,
      },
    );
    task.end(collected.failures.length === 0 ? 'ok' : 'warning', `${collected.samples.length} samples`);
    for (const failure of collected.failures) output.error(`metrics: ${describeError(failure.error)}`);
    const { html, input } = app.smm.report({
      since,
      until,
      timeZone,
      ...(options.title === undefined ? {} : { title: options.title }),
    });
    const files: Record<string, string> = {};
    if (htmlPath !== undefined) {
      writeOutput('--html', htmlPath, html);
      files.html = htmlPath;
    }
    const rows = app.smm.analytics.posts({ since, until }).map((post) => ({
      platform: post.platform,
      accountId: post.accountId,
      postId: post.platformPostId,
      publishedAt: post.meta?.publishedAt,
      ...post.metrics,
      ...post.kpis,
    }));
    if (csvPath !== undefined) {
      writeOutput('--csv', csvPath, toCsv(rows));
      files.csv = csvPath;
    }
    const ok = failures === 0 && collected.failures.length === 0;
    output.data({
      ok,
      since: since.toISOString(),
      until: until.toISOString(),
      timeZone,
      posts: rows,
      files,
      kpi: input.kpi,
    });
    output.line(
      output.paint(
        'bold',
        `${rows.length} posts, ${localTimeAt(since, timeZone).date} – ${localTimeAt(until, timeZone).date} (${timeZone})`,
      ),
    );
    for (const row of rows) {
      output.line(
        `  ${row.platform.padEnd(10)} ${row.postId.padEnd(22)} impressions ${String(row.impressions ?? '–').padStart(7)}  likes ${String(row.likes ?? '–').padStart(5)}`,
      );
    }
    for (const [kind, path] of Object.entries(files)) output.line(`${kind}: ${path}`);
    return ok ? EXIT.ok : EXIT.failure;
  });
}
