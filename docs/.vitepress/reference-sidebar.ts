/**
 * The API reference's sidebars, from the tree typedoc-vitepress-theme writes
 * (`typedoc-sidebar.json`: package → entry point → kind → export). One sidebar for the whole tree
 * would put a thousand links into every page (VitePress renders the sidebar into each page's HTML),
 * so each level gets its own: the packages on /reference/, a package's entry points on its page,
 * and an entry point's exports on its pages.
 */
import type { DefaultTheme } from 'vitepress';

type Item = DefaultTheme.SidebarItem;

/** VitePress's `themeConfig.sidebar` entries for the reference, keyed by path prefix. */
export function referenceSidebars(referencePath: string, tree: readonly Item[]): Record<string, Item[]> {
  const home: Item = { text: 'API reference', link: referencePath };
  const sidebars: Record<string, Item[]> = {
    [referencePath]: [{ ...home, items: tree.map(linkOnly) }],
  };
  for (const pkg of tree) {
    if (pkg.link === undefined) continue;
    const entries = (pkg.items ?? []).map((entry) => ({ ...entry, text: specifier(pkg, entry) }));
    sidebars[pkg.link] = [home, { text: pkg.text ?? '', link: pkg.link, items: entries.map(linkOnly) }];
    for (const entry of entries) {
      if (entry.link === undefined) continue;
      sidebars[entry.link] = [home, linkOnly(pkg), { ...entry, collapsed: false }];
    }
  }
  return sidebars;
}

/** The import path of an entry point: `@smmkit/core` for `index`, else `@smmkit/core/publisher`. */
function specifier(pkg: Item, entry: Item): string {
  return entry.text === 'index' ? (pkg.text ?? '') : `${pkg.text}/${entry.text}`;
}

function linkOnly(item: Item): Item {
  return item.link === undefined ? { text: item.text ?? '' } : { text: item.text ?? '', link: item.link };
}
