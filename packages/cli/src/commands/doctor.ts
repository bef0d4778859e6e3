import type { Adapter, Capabilities, RateLimitInfo, RequestContext } from '@smmkit/core';

type AuthScopes = NonNullable<Capabilities['auth']['scopes']>;

import type { OpenApp } from '../app/open-app.js';
import type { AccountConfig } from '../config/smmkit-config.js';
import { EXIT, type ExitCode } from '../output/exit-codes.js';
import type { Output } from '../output/output.js';
import { type CommandContext, describeError, withApp } from './context.js';

/** Scopes of one operation: `ok`, `missing` (some not granted) or `unknown` (granted scopes not reported). */
interface ScopeCheck {
  readonly operation: string;
  readonly needed: readonly string[];
  readonly state: 'ok' | 'missing' | 'unknown';
  readonly missing: readonly string[];
}

/** What doctor found for one account. */
interface AccountDiagnosis {
  readonly id: string;
  readonly platform: string;
  readonly ok: boolean;
  readonly status: string;
  readonly tokens: {
    readonly source: string;
    readonly expiresAt: string | null;
    readonly refreshable: boolean;
  };
  readonly auth: { readonly ok: boolean; readonly checkedWith: string | null; readonly error?: string };
  readonly scopes: {
    readonly declared: boolean;
    readonly granted: readonly string[] | null;
    readonly operations: readonly ScopeCheck[];
  };
  readonly rateLimits: {
    readonly reported: readonly {
      bucket: string | null;
      limit: number | null;
      remaining: number | null;
      resetAt: string | null;
    }[];
    readonly budgets: readonly string[];
  };
  readonly problems: readonly string[];
  /** What is fine now but will not stay so (a token expiring soon with no way to refresh it). */
  readonly warnings: readonly string[];
}

/** A token that cannot be refreshed and expires within this is worth a warning. */
const EXPIRY_WARNING_MS = 7 * 86_400_000;

/** Compares the scopes each operation needs (the adapter's `capabilities.auth.scopes`) with those granted. */
export function scopeChecks(
  scopes: AuthScopes | undefined,
  granted: readonly string[] | undefined,
): ScopeCheck[] {
  return Object.entries(scopes ?? {}).flatMap(([operation, needed]): ScopeCheck[] => {
    if (needed === undefined) return [];
    if (granted === undefined) return [{ operation, needed, state: 'unknown', missing: [] }];
    const missing = needed.filter((scope) => !granted.includes(scope));
    return [{ operation, needed, state: missing.length === 0 ? 'ok' : 'missing', missing }];
  });
}

/**
 * One authenticated read, through the publisher's queue, that shows whether the token works:
 * the account's metrics, else its recent posts. Records every rate-limit state the answers report.
 */
async function checkAuth(
  app: OpenApp,
  adapter: Adapter,
  account: AccountConfig,
  reported: RateLimitInfo[],
): Promise<{ ok: boolean; checkedWith: string | null; error?: string }> {
  const tap = (context: RequestContext): RequestContext => ({
    ...context,
    onRateLimit: (info) => {
      reported.push(info);
      context.onRateLimit?.(info);
    },
  });
  try {
    const metrics = adapter.getAccountMetrics;
    if (metrics !== undefined) {
      await app.smm.publisher.run(account, 'metrics', (context) => metrics.call(adapter, tap(context)));
      return { ok: true, checkedWith: 'account metrics' };
    }
    const recent = adapter.findRecentPosts;
    if (recent !== undefined) {
      const since = new Date(Date.now() - 86_400_000);
      await app.smm.publisher.run(account, 'findRecentPosts', (context) =>
        recent.call(adapter, { since, limit: 5 }, tap(context)),
      );
      return { ok: true, checkedWith: 'recent posts' };
    }
    return { ok: true, checkedWith: null };
  } catch (error) {
    return {
      ok: false,
      checkedWith: adapter.getAccountMetrics === undefined ? 'recent posts' : 'account metrics',
      error: describeError(error),
    };
  }
}

async function diagnose(app: OpenApp, account: AccountConfig): Promise<AccountDiagnosis> {
  const adapter = app.adapters.find((candidate) => candidate.platform === account.platform) as Adapter;
  const registered = await app.smm.accounts.get(account.id);
  const stored = await app.store.tokens.load(account.id);
  const source = app.tokenSources.get(account.id) ?? 'missing';
  const problems: string[] = [];
  const status = registered?.status.state ?? 'not connected';
  if (registered?.status.state === 'needs_reauthorization')
    problems.push(`needs re-authorization: ${registered.status.reason}`);
  const reported: RateLimitInfo[] = [];
  let auth: AccountDiagnosis['auth'] = { ok: false, checkedWith: null };
  if (stored === undefined) {
    const variable = account.tokens?.accessTokenEnv;
    problems.push(
      variable === undefined
        ? 'no tokens: the config names no tokens.accessTokenEnv'
        : `no tokens: set ${variable}`,
    );
  } else if (registered?.status.state === 'active') {
    auth = await checkAuth(app, adapter, account, reported);
    if (!auth.ok) problems.push(`authentication failed: ${auth.error ?? ''}`);
  }
  const expiresAt = stored?.tokens.expiresAt;
  if (
    expiresAt !== undefined &&
    expiresAt.getTime() <= Date.now() &&
    stored?.tokens.refreshToken === undefined
  ) {
    problems.push('the access token has expired and there is no refresh token');
  }
  const warnings: string[] = [];
  if (
    expiresAt !== undefined &&
    expiresAt.getTime() > Date.now() &&
    expiresAt.getTime() - Date.now() < EXPIRY_WARNING_MS &&
    stored?.tokens.refreshToken === undefined
  ) {
    warnings.push(
      `the access token expires ${expiresAt.toISOString()} and cannot be refreshed here: authorize again before then`,
    );
  }
  const declared = adapter.capabilities.auth.scopes;
  const granted = stored?.tokens.scopes;
  const operations = scopeChecks(declared, granted);
  for (const check of operations) {
    if (check.state === 'missing') problems.push(`${check.operation} needs ${check.missing.join(', ')}`);
  }
  return {
    id: account.id,
    platform: account.platform,
    ok: problems.length === 0,
    status,
    tokens: {
      source,
      expiresAt: expiresAt?.toISOString() ?? null,
      refreshable: stored?.tokens.refreshToken !== undefined,
    },
    auth,
    scopes: { declared: declared !== undefined, granted: granted ?? null, operations },
    rateLimits: {
      reported: reported.map((info) => ({
        bucket: info.bucket ?? null,
        limit: info.limit ?? null,
        remaining: info.remaining ?? null,
        resetAt: info.resetAt?.toISOString() ?? null,
      })),
      budgets: adapter.capabilities.rateLimits.budgets.map(
        (budget) => `${budget.bucket}: ${budget.limit} per ${budget.windowSec} s (${budget.scope})`,
      ),
    },
    problems,
    warnings,
  };
}

function print(output: Output, found: AccountDiagnosis): void {
  const mark = found.ok ? output.paint('green', '✔') : output.paint('red', '✖');
  output.line(
    `${mark} ${output.paint('bold', found.id)} ${output.paint('dim', `(${found.platform}, ${found.status})`)}`,
  );
  const expiry = found.tokens.expiresAt === null ? 'no expiry' : `expires ${found.tokens.expiresAt}`;
  output.line(
    `    tokens    from ${found.tokens.source}, ${expiry}${found.tokens.refreshable ? ', refreshable' : ''}`,
  );
  output.line(
    `    auth      ${found.auth.ok ? `ok${found.auth.checkedWith === null ? '' : ` (${found.auth.checkedWith})`}` : found.auth.error === undefined ? 'not checked' : output.paint('red', 'failed')}`,
  );
  if (!found.scopes.declared)
    output.line(`    scopes    ${output.paint('dim', 'the adapter declares no scopes')}`);
  else if (found.scopes.granted === null)
    output.line(
      `    scopes    ${output.paint('dim', 'granted scopes unknown (the platform did not report them)')}`,
    );
  else {
    const states = found.scopes.operations.map((check) =>
      check.state === 'ok' ? check.operation : output.paint('red', `${check.operation}✖`),
    );
    output.line(`    scopes    ${states.join(' ')}`);
  }
  for (const info of found.rateLimits.reported) {
    if (info.remaining !== null) {
      output.line(
        `    budget    ${info.bucket ?? 'main'}: ${info.remaining}${info.limit === null ? '' : `/${info.limit}`} left${info.resetAt === null ? '' : `, resets ${info.resetAt}`}`,
      );
    }
  }
  for (const problem of found.problems) output.line(`    ${output.paint('red', problem)}`);
  for (const warning of found.warnings) output.line(`    ${output.paint('yellow', warning)}`);
}

/**
 * `smmkit doctor`: per account, whether the token works, where it came from and when it expires,
 * the scopes granted against those each operation needs, and the rate budget the platform
 * reported. Exits 1 when an account has a problem.
 */
export async function doctorCommand(context: CommandContext): Promise<ExitCode> {
  const { output } = context;
  return withApp(context, async (app) => {
    if (app.simulated) output.line(output.paint('dim', 'simulated platforms (no network, no credentials)'));
    if (app.accounts.length === 0) output.line('no accounts in the config');
    const found: AccountDiagnosis[] = [];
    for (const account of app.accounts) {
      const task = output.task(`${account.id} checking`);
      const diagnosis = await diagnose(app, account);
      task.end(diagnosis.ok ? 'ok' : 'failed');
      found.push(diagnosis);
      print(output, diagnosis);
    }
    const ok = found.every((diagnosis) => diagnosis.ok);
    output.data({ ok, simulated: app.simulated, accounts: found });
    return ok ? EXIT.ok : EXIT.failure;
  });
}
