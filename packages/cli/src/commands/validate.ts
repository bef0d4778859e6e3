import { type Post, parsePost, ValidationError, type ValidationProblem } from '@smmkit/core';
import { makeAdapters, settingsOf } from '../app/make-adapters.js';
import { isPlatform } from '../config/platforms.js';
import { CliError, EXIT, type ExitCode } from '../output/exit-codes.js';
import { formatPath } from '../output/format-path.js';
import type { CommandContext } from './context.js';
import { readPostFile } from './read-post.js';

/** The problems of one target. */
interface TargetCheck {
  /** The account id or platform as given in `--to`. */
  readonly target: string;
  readonly platform: string;
  readonly problems: readonly ValidationProblem[];
}

/**
 * `smmkit validate post.json --to x,brand-instagram`: every problem of the post for every target
 * at once, from the adapters' rules, with no network. A target is an account id or a platform.
 */
export function validateCommand(context: CommandContext, file: string, to: string): ExitCode {
  const { output } = context;
  const adapters = makeAdapters(settingsOf(context.config));
  const targets = to
    .split(',')
    .map((target) => target.trim())
    .filter((target) => target.length > 0)
    .map((target) => {
      const platform = context.accounts.find((account) => account.id === target)?.platform ?? target;
      if (!isPlatform(platform)) {
        throw new CliError(
          EXIT.usage,
          context.configless
            ? `"${target}" in --to is not a platform (${adapters.map((a) => a.platform).join(', ')}); account ids need a config (smmkit.config.json here, or --config), or --simulate for the simulated accounts`
            : `"${target}" in --to is neither an account (${context.accounts.map((a) => a.id).join(', ') || 'none'}) nor a platform (${adapters.map((a) => a.platform).join(', ')})`,
        );
      }
      return { target, platform };
    });
  if (targets.length === 0) throw new CliError(EXIT.usage, '--to names no target');

  let post: Post | undefined;
  let postProblems: readonly ValidationProblem[] = [];
  try {
    post = parsePost(readPostFile(file));
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    postProblems = error.problems;
  }
  const checks: TargetCheck[] = targets.map(({ target, platform }) => {
    const adapter = adapters.find((candidate) => candidate.platform === platform);
    const problems = post === undefined || adapter === undefined ? postProblems : adapter.validate(post);
    return { target, platform, problems };
  });
  const ok = checks.every((check) => check.problems.length === 0);
  output.data({ ok, targets: checks });
  for (const check of checks) {
    const mark = check.problems.length === 0 ? output.paint('green', '✔') : output.paint('red', '✖');
    const count = check.problems.length === 1 ? '1 problem' : `${check.problems.length} problems`;
    output.line(
      `${mark} ${output.paint('bold', check.target)} ${check.problems.length === 0 ? 'ok' : count}`,
    );
    for (const problem of check.problems) {
      output.line(
        `    ${formatPath(problem.path)}: ${problem.message} ${output.paint('dim', `(${problem.rule})`)}`,
      );
    }
  }
  return ok ? EXIT.ok : EXIT.failure;
}
