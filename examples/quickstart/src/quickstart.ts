import {
  createRefreshingTokenProvider,
  parsePost,
  RateLimitError,
  SmmkitError,
  type TokenSet,
  ValidationError,
} from '@smmkit/core';

/** A post as an app builds it: plain data, checked by `parsePost`. */
export function buildLaunchPost() {
  return parsePost({
    text: 'Our spring collection is live 🌸',
    link: 'https://shop.example.com/spring',
    media: [
      {
        kind: 'image',
        mimeType: 'image/jpeg',
        source: { type: 'url', url: 'https://cdn.example.com/spring.jpg' },
        altText: 'Three linen jackets on a rail',
        width: 1080,
        height: 1350,
      },
    ],
    firstComment: 'Free shipping this week only.',
    tags: ['launch'],
    campaign: 'spring-26',
    contentClass: 'promotion',
  });
}

/** Bad input yields one error listing every problem with its path. */
export function describeBadPost(): string {
  try {
    parsePost({
      text: 42,
      media: [{ kind: 'sticker', mimeType: 'jpeg', source: { type: 'url', url: 'nope' } }],
    });
    return 'no problems';
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.message;
    throw error;
  }
}

/**
 * Tokens: one refresh for all concurrent callers, and the rotated refresh token stored before
 * it is used. Here the "platform" is a function and the "database" a Map.
 */
export async function refreshOnceForManyCallers(): Promise<{
  tokens: string[];
  refreshes: number;
  stored?: TokenSet;
}> {
  const database = new Map<string, TokenSet>();
  let refreshes = 0;
  const tokens = createRefreshingTokenProvider({
    tokens: {
      accessToken: 'old-access-token',
      expiresAt: new Date(Date.now() - 1000),
      refreshToken: 'refresh-1',
    },
    refresh: async (refreshToken) => {
      refreshes++;
      return {
        accessToken: `new-access-token-from-${refreshToken}`,
        refreshToken: 'refresh-2',
        expiresAt: new Date(Date.now() + 7_200_000),
      };
    },
    persist: (next) => {
      database.set('x:acct-1', next);
    },
  });
  const handedOut = await Promise.all([1, 2, 3].map(() => tokens.getAccessToken()));
  const stored = database.get('x:acct-1');
  return { tokens: handedOut, refreshes, ...(stored ? { stored } : {}) };
}

/** What an app does with any smmkit failure: match on the class or the stable code. */
export function adviceFor(error: unknown): string {
  if (RateLimitError.isInstance(error))
    return `rate limited until ${error.resetAt?.toISOString() ?? 'unknown'}`;
  if (SmmkitError.isInstance(error))
    return `${error.code}${error.retryable ? ' (retry later)' : ''}: ${error.hint}`;
  return 'not an smmkit error';
}
