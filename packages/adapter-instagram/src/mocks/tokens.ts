import type { InstagramContext } from './context.js';

/** Issues a token for `accountId` that lasts `ttlMs` (none: never expires) and records when it was issued. */
export function issueToken(context: InstagramContext, accountId: string, ttlMs: number | undefined): string {
  const { accessToken } = context.sim.tokens.issue(
    accountId,
    ttlMs === undefined ? {} : { expiresInMs: ttlMs },
  );
  context.tokenIssuedAt.set(accessToken, context.sim.clock.now());
  return accessToken;
}
