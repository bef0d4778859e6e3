import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The site path of every Markdown page under `srcDir` (VitePress's rules with this site's config:
 * a folder's README.md or index.md is `/folder/`, any other page is `/page.html`), skipping dot
 * folders, node_modules and the folders named in `skip`.
 */
export function sitePages(srcDir: string, skip: readonly string[], folder = ''): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(join(srcDir, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || skip.includes(path)) continue;
      pages.push(...sitePages(srcDir, skip, path));
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      pages.push(`/${path.replace(/(^|\/)(README|index)\.md$/, '$1').replace(/\.md$/, '.html')}`);
    }
  }
  return pages.sort();
}

/** A link's page in the same form as {@link sitePages}: decoded, `index.html` as the folder. */
export function pageOf(url: URL): string {
  return decodeURIComponent(url.pathname).replace(/(^|\/)index\.html$/, '$1');
}
