/**
 * The docs site: the guides in docs/ (GitHub-flavoured Markdown, also read on GitHub), the
 * capability matrix and the API reference that typedoc writes as Markdown into docs/reference/
 * (typedoc.markdown.json). Build it with `pnpm docs:build`; the output is docs/.vitepress/dist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DefaultTheme, defineConfig } from 'vitepress';
import { guidesSidebar } from './guides.ts';
import { commonmarkHtmlBlocks } from './html-blocks.ts';
import { repositoryUrl, siteLinks } from './links.ts';
import { HTML_API_DIR, MEDIA_DIR, REFERENCE_DIR } from './paths.ts';
import { referenceSidebars } from './reference-sidebar.ts';
import { slugForPage } from './slugs.ts';

const srcDir = resolve(import.meta.dirname, '..');
const root = resolve(srcDir, '..');

const referenceSidebarFile = join(srcDir, REFERENCE_DIR, 'typedoc-sidebar.json');
if (!existsSync(referenceSidebarFile)) {
  throw new Error(
    `${referenceSidebarFile} is missing: build the site with \`pnpm docs:build\`, which generates the API reference first`,
  );
}
const referenceSidebar = JSON.parse(readFileSync(referenceSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[];
const repository = repositoryUrl([join(root, 'package.json'), join(root, 'packages/core/package.json')]);

export default defineConfig({
  title: 'smmkit',
  description: 'A TypeScript SDK for social media management: publish, schedule, inbox and analytics.',
  srcExclude: [`${HTML_API_DIR}/**`, `${MEDIA_DIR}/**`, '**/node_modules/**'],
  // docs/README.md (what GitHub shows for the folder) is the site's home page, and so is every
  // subfolder's README.md for that folder; the files keep their names for the links to them.
  rewrites: (page) => page.replace(/(^|\/)README\.md$/, '$1index.md'),
  // A link to a page that does not exist fails the build (VitePress's default, kept on purpose).
  ignoreDeadLinks: false,
  lastUpdated: false,
  // The site's data (sidebars, the page list) in one cached script instead of inside every page.
  metaChunk: true,
  // No favicon yet: an empty one, so that browsers do not ask for /favicon.ico and get a 404.
  head: [['link', { rel: 'icon', href: 'data:,' }]],
  vite: {
    // Say what differs when a page's HTML and its hydration disagree (the site test reports it).
    define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' },
    // The local search index is one large chunk, loaded only when search opens.
    build: { chunkSizeWarningLimit: 5000 },
  },
  markdown: {
    anchor: { slugifyWithState: slugForPage },
    config: (md) => {
      md.use(commonmarkHtmlBlocks);
      md.use(
        siteLinks({
          srcDir,
          root,
          repository,
          htmlApiDir: HTML_API_DIR,
          mediaDir: MEDIA_DIR,
          referencePath: `/${REFERENCE_DIR}/`,
        }),
      );
    },
  },
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/' },
      { text: 'API reference', link: `/${REFERENCE_DIR}/` },
    ],
    sidebar: {
      ...referenceSidebars(`/${REFERENCE_DIR}/`, referenceSidebar),
      '/': guidesSidebar(srcDir, [REFERENCE_DIR, HTML_API_DIR]),
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    ...(repository === undefined ? {} : { socialLinks: [{ icon: 'github', link: repository }] }),
  },
});
