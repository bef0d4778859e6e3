/**
 * Writes docs/capabilities.md, the capability matrix: what every adapter supports and every rule
 * it enforces, read from the `capabilities` of real adapters (the built packages, as an app
 * imports them), never from a hand-written table. `pnpm check` fails when the page differs from
 * what the adapters declare (run with `--write` to update it).
 *
 * Usage: `pnpm capabilities` (part of `pnpm check`; needs the packages built), or
 * `pnpm capabilities --write`.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Capabilities } from '@smmkit/core';
import { renderCapabilityMatrix } from './capability-matrix/render.ts';
import { syncGeneratedSection } from './generated-section.ts';

const root = resolve(import.meta.dirname, '..');

/** Loads a workspace package's main entry as an app would: through its own `exports` (the built dist). */
async function load<T>(directory: string, name: string): Promise<T> {
  const require = createRequire(join(root, directory, 'package.json'));
  return (await import(pathToFileURL(require.resolve(name)).href)) as T;
}

const x = await load<typeof import('@smmkit/adapter-x')>('packages/adapter-x', '@smmkit/adapter-x');
const instagram = await load<typeof import('@smmkit/adapter-instagram')>(
  'packages/adapter-instagram',
  '@smmkit/adapter-instagram',
);
const facebook = await load<typeof import('@smmkit/adapter-facebook')>(
  'packages/adapter-facebook',
  '@smmkit/adapter-facebook',
);
const linkedin = await load<typeof import('@smmkit/adapter-linkedin')>(
  'packages/adapter-linkedin',
  '@smmkit/adapter-linkedin',
);
const tiktok = await load<typeof import('@smmkit/adapter-tiktok')>(
  'packages/adapter-tiktok',
  '@smmkit/adapter-tiktok',
);
const mastodon = await load<typeof import('@smmkit/example-adapter-mastodon')>(
  'examples/adapter-mastodon',
  '@smmkit/example-adapter-mastodon',
);

// Each adapter as the factory makes it, with its webhook secret set (a placeholder: webhooks are
// declared only when one is), and once per setting that changes what it can do.
const secret = 'placeholder';
const adapters: readonly { readonly name: string; readonly capabilities: Capabilities }[] = [
  {
    name: 'X (self-serve)',
    capabilities: x.createXAdapter({ webhookConsumerSecret: secret }).capabilities,
  },
  {
    name: 'X (Enterprise)',
    capabilities: x.createXAdapter({ webhookConsumerSecret: secret, access: 'enterprise' }).capabilities,
  },
  {
    name: 'Instagram (Facebook Login)',
    capabilities: instagram.createInstagramAdapter({ host: 'facebook', appSecret: secret }).capabilities,
  },
  {
    name: 'Instagram (Instagram Login)',
    capabilities: instagram.createInstagramAdapter({ host: 'instagram', appSecret: secret }).capabilities,
  },
  { name: 'Facebook', capabilities: facebook.createFacebookAdapter({ appSecret: secret }).capabilities },
  {
    name: 'LinkedIn (member)',
    capabilities: linkedin.createLinkedInAdapter({
      author: 'urn:li:person:example',
      webhookClientSecret: secret,
    }).capabilities,
  },
  {
    name: 'LinkedIn (organization)',
    capabilities: linkedin.createLinkedInAdapter({
      author: 'urn:li:organization:1',
      webhookClientSecret: secret,
    }).capabilities,
  },
  { name: 'TikTok', capabilities: tiktok.createTikTokAdapter({ webhookClientSecret: secret }).capabilities },
  {
    name: 'Mastodon (example)',
    capabilities: mastodon.createMastodonAdapter({ instanceUrl: 'https://mastodon.social' }).capabilities,
  },
];

const stale = syncGeneratedSection({
  root,
  docPath: join(root, 'docs/capabilities.md'),
  name: 'capabilities',
  content: renderCapabilityMatrix(adapters),
  command: 'pnpm capabilities --write',
});
if (stale !== undefined) {
  console.error(stale);
  process.exit(1);
}
console.log(`docs/capabilities.md matches the capabilities of ${adapters.length} adapters`);
