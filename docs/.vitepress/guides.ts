/**
 * The guides' sidebar, read from the docs folder itself, so a new guide appears without editing
 * the site: every `*.md` in docs/ and its subfolders (a subfolder is a group), titled by its first
 * `# ` heading. Within a folder, pages come in the order the folder's README.md links them (the
 * order its authors chose), then the rest by title.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefaultTheme } from 'vitepress';

/** One page or group of the guides' sidebar. */
export type SidebarItem = DefaultTheme.SidebarItem;

/**
 * The sidebar of everything in `srcDir`, except folders named in `skip` (relative to srcDir),
 * dot folders and `node_modules`.
 */
export function guidesSidebar(srcDir: string, skip: readonly string[]): SidebarItem[] {
  return folderItems(srcDir, '', new Set(skip));
}

function folderItems(srcDir: string, folder: string, skip: ReadonlySet<string>): SidebarItem[] {
  const dir = join(srcDir, folder);
  const entries = readdirSync(dir, { withFileTypes: true });
  const pages: SidebarItem[] = [];
  const groups: SidebarItem[] = [];
  for (const entry of entries) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || skip.has(path)) continue;
      const items = folderItems(srcDir, path, skip);
      if (items.length === 0) continue;
      const readme = join(srcDir, path, 'README.md');
      groups.push({
        text: existsSync(readme) ? titleOf(readme) : entry.name,
        collapsed: false,
        items,
      });
    } else if (entry.isFile() && entry.name.endsWith('.md')) {
      pages.push({ text: titleOf(join(dir, entry.name)), link: `/${linkOf(path)}` });
    }
  }
  const order = linkOrder(join(dir, 'README.md'), folder);
  const rank = (item: SidebarItem) => {
    const at = order.indexOf(item.link ?? '');
    return at < 0 ? order.length : at;
  };
  pages.sort((a, b) => rank(a) - rank(b) || (a.text ?? '').localeCompare(b.text ?? ''));
  groups.sort((a, b) => (a.text ?? '').localeCompare(b.text ?? ''));
  return [...pages, ...groups];
}

/** The page's first `# ` heading without Markdown marks, or its file name. */
function titleOf(file: string): string {
  const heading = readFileSync(file, 'utf8').match(/^# (.+)$/m)?.[1];
  return heading === undefined ? (file.split('/').pop() ?? file) : heading.replace(/[`*_]/g, '').trim();
}

/** The site's link of a page: a folder's README.md is its index (see `rewrites` in config.ts). */
function linkOf(path: string): string {
  return path.replace(/(^|\/)README\.md$/, '$1').replace(/\.md$/, '');
}

/** The site links of the pages a folder's README.md links to, in the order it links them. */
function linkOrder(readme: string, folder: string): string[] {
  if (!existsSync(readme)) return [`/${linkOf(folder === '' ? 'README.md' : `${folder}/README.md`)}`];
  const prefix = folder === '' ? '' : `${folder}/`;
  const links = [...readFileSync(readme, 'utf8').matchAll(/\]\(([\w./-]+\.md)(?:#[^)]*)?\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !target.startsWith('../') && !target.startsWith('/'))
    .map((target) => `/${linkOf(prefix + target.replace(/^\.\//, ''))}`);
  return [`/${linkOf(`${prefix}README.md`)}`, ...links];
}
