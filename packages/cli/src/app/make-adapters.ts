import { createFacebookAdapter, type FacebookSettings } from '@smmkit/adapter-facebook';
import { createInstagramAdapter, type InstagramSettings } from '@smmkit/adapter-instagram';
import { createLinkedInAdapter, type LinkedInSettings, refreshLinkedInToken } from '@smmkit/adapter-linkedin';
import { createTikTokAdapter, refreshTikTokToken, type TikTokSettings } from '@smmkit/adapter-tiktok';
import { createXAdapter, refreshXToken, type XSettings } from '@smmkit/adapter-x';
import type { Adapter } from '@smmkit/core';
import type { RefreshTokens } from '@smmkit/core/app';
import type { Platform } from '../config/platforms.js';
import type { SmmkitConfig } from '../config/smmkit-config.js';

/** Settings per platform, as the config file gives them (JSON) or the simulation sets them. */
export type AdapterSettings = Readonly<Partial<Record<Platform, Readonly<Record<string, unknown>>>>>;

/**
 * One adapter per platform, each made by its factory with the given settings. The factories check
 * their settings and throw a `ValidationError` for a wrong one.
 */
export function makeAdapters(settings: AdapterSettings): Adapter[] {
  return [
    createXAdapter(settings.x as XSettings | undefined),
    createInstagramAdapter(settings.instagram as InstagramSettings | undefined),
    createFacebookAdapter(settings.facebook as FacebookSettings | undefined),
    createLinkedInAdapter(settings.linkedin as LinkedInSettings | undefined),
    createTikTokAdapter(settings.tiktok as TikTokSettings | undefined),
  ];
}

/** The adapters' settings in a config. */
export function settingsOf(config: SmmkitConfig): AdapterSettings {
  const adapters = config.adapters ?? {};
  return Object.fromEntries(
    Object.entries(adapters).flatMap(([platform, adapter]) =>
      adapter?.settings === undefined ? [] : [[platform, adapter.settings]],
    ),
  );
}

/**
 * The refresh calls of the platforms whose tokens expire and whose OAuth client the config names
 * (X, LinkedIn, TikTok). The client id and secret are read from the environment when a refresh
 * runs, never kept. Instagram's and Facebook's long-lived tokens are refreshed differently (or
 * not at all) and are left to their own helpers.
 */
export function refreshCalls(
  config: SmmkitConfig,
  env: NodeJS.ProcessEnv,
): Readonly<Record<string, RefreshTokens>> {
  const calls: Record<string, RefreshTokens> = {};
  const client = (platform: Platform) => {
    const adapter = config.adapters?.[platform];
    const clientId = adapter?.clientIdEnv === undefined ? undefined : env[adapter.clientIdEnv];
    const clientSecret = adapter?.clientSecretEnv === undefined ? undefined : env[adapter.clientSecretEnv];
    return clientId === undefined || clientId === '' ? undefined : { clientId, clientSecret };
  };
  const x = client('x');
  if (x !== undefined) {
    calls.x = (refreshToken) => refreshXToken({ ...x, refreshToken });
  }
  const linkedin = client('linkedin');
  if (linkedin?.clientSecret !== undefined) {
    const { clientId, clientSecret } = linkedin;
    calls.linkedin = (refreshToken) => refreshLinkedInToken({ clientId, clientSecret, refreshToken });
  }
  const tiktok = client('tiktok');
  if (tiktok?.clientSecret !== undefined) {
    const { clientId, clientSecret } = tiktok;
    calls.tiktok = (refreshToken) => refreshTikTokToken({ clientKey: clientId, clientSecret, refreshToken });
  }
  return calls;
}
