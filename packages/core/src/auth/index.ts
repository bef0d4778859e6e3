export { createOAuthState, createPkcePair, type PkcePair, pkceChallenge } from './pkce.js';
export {
  createRefreshingTokenProvider,
  type RefreshingTokenProvider,
  type RefreshingTokenProviderOptions,
} from './refreshing-token-provider.js';
export { staticTokenProvider } from './static-token-provider.js';
export type { TokenProvider, TokenRequestOptions, TokenSet } from './token-provider.js';
