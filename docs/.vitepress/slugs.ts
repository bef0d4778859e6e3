/**
 * Heading ids. The guides are written for GitHub, where they are read too, so their links to a
 * heading (`errors.md#ambiguous-outcomes`) use GitHub's ids; the API reference is generated for
 * VitePress (typedoc-vitepress-theme writes its anchors with VitePress's own rule). Each page gets
 * the ids its links were written for.
 */
import { REFERENCE_DIR } from './paths.ts';

/**
 * GitHub's rule (github-slugger): lower case, drop every character that is not a letter, mark,
 * number, connector (`_`), space or hyphen, then each space becomes a hyphen.
 */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

// VitePress's rule (the default `slugify` of its markdown renderer, which typedoc-vitepress-theme
// copies for the anchors it writes).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f]/g;
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const COMBINING = /[\u0300-\u036F]/g;

/** VitePress's own heading ids. */
export function vitepressSlug(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(COMBINING, '')
    .replace(CONTROL, '')
    .replace(SPECIAL, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/** For markdown-it-anchor's `slugifyWithState`: the rule the page's own links were written for. */
export function slugForPage(
  heading: string,
  state: { readonly env: { readonly relativePath?: string } },
): string {
  const page = state.env.relativePath ?? '';
  return page.startsWith(`${REFERENCE_DIR}/`) ? vitepressSlug(heading) : githubSlug(heading);
}
