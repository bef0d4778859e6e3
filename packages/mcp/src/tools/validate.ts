import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type Post, ValidationError, type ValidationProblem } from '@smmkit/core';
import * as z from 'zod';
import { PostInput } from '../schemas.js';
import type { ToolContext } from '../tool-context.js';
import { parseToolPost } from '../tool-post.js';
import { runTool, type ToolOutput } from '../tool-result.js';

/** One target validate checks: an account id or a platform, and its platform. */
interface ValidateTarget {
  readonly target: string;
  readonly platform: string;
}

const ProblemOutput = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  rule: z.string(),
  message: z.string(),
  limit: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
});

/**
 * Resolves `to`: each entry is a connected account's id, or else a platform with an adapter;
 * without `to`, every adapter's platform.
 *
 * @throws ValidationError for an entry that is neither
 */
async function targetsOf(context: ToolContext, to: readonly string[] | undefined): Promise<ValidateTarget[]> {
  const platforms = new Set(context.adapters.map((adapter) => adapter.platform));
  if (to === undefined) return [...platforms].map((platform) => ({ target: platform, platform }));
  const accounts = await context.app.accounts.list();
  const problems: ValidationProblem[] = [];
  const targets = to.flatMap((entry, index): ValidateTarget[] => {
    const account = accounts.find((candidate) => candidate.id === entry);
    if (account !== undefined) return [{ target: entry, platform: account.platform }];
    if (platforms.has(entry)) return [{ target: entry, platform: entry }];
    problems.push({
      path: ['to', index],
      rule: 'account.unknown',
      message: `"${entry}" is neither a connected account nor a platform (${[...platforms].join(', ')})`,
      actual: entry,
    });
    return [];
  });
  if (problems.length > 0) throw new ValidationError(problems, 'request');
  return targets;
}

function describeProblem(problem: ValidationProblem): string {
  const path = problem.path.length === 0 ? '(post)' : problem.path.join('.');
  return `  - ${path}: ${problem.message}`;
}

/** Checks a post, then each target's platform rules, every problem at once. */
async function validate(
  context: ToolContext,
  input: unknown,
  to: readonly string[] | undefined,
): Promise<ToolOutput> {
  const targets = await targetsOf(context, to);
  let post: Post;
  try {
    post = parseToolPost(input);
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    return {
      text: `The post is invalid for every target:\n${error.problems.map(describeProblem).join('\n')}`,
      data: { valid: false, post: error.problems, targets: [] },
    };
  }
  const byPlatform = new Map(context.adapters.map((adapter) => [adapter.platform, adapter]));
  const results = targets.map(({ target, platform }) => ({
    target,
    platform,
    problems: byPlatform.get(platform)?.validate(post) ?? [],
  }));
  const valid = results.every((result) => result.problems.length === 0);
  const lines = results.map((result) =>
    result.problems.length === 0
      ? `${result.target} (${result.platform}): valid`
      : `${result.target} (${result.platform}): ${result.problems.length} problem(s)\n${result.problems.map(describeProblem).join('\n')}`,
  );
  return { text: lines.join('\n'), data: { valid, post: [], targets: results } };
}

/** Registers `validate`: no I/O, nothing sent. */
export function registerValidateTool(server: McpServer, context: ToolContext): void {
  server.registerTool(
    'validate',
    {
      title: 'Validate a post',
      description:
        "Checks a post against each target platform's rules (text length, media counts and kinds, polls, " +
        'options) with no request to any platform, and lists every problem at once with its path. ' +
        'Nothing is published.',
      inputSchema: {
        post: PostInput,
        to: z
          .array(z.string().min(1))
          .min(1)
          .optional()
          .describe(
            'Account ids (brand-x) or platforms (x, instagram, …) to check for; default: every platform.',
          ),
      },
      outputSchema: {
        valid: z.boolean().describe('True when the post can be published to every target.'),
        post: z.array(ProblemOutput).describe('Problems of the post itself; then no target was checked.'),
        targets: z.array(
          z.object({ target: z.string(), platform: z.string(), problems: z.array(ProblemOutput) }),
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ post, to }) => runTool(() => validate(context, post, to)),
  );
}
