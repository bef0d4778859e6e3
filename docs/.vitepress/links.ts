/**
 * Links in the guides, written for GitHub, made to work in the site too:
 *
 * - a link to a folder's `README.md` goes to that folder's page (`index.md`, see `rewrites` in
 *   config.ts);
 * - a link into typedoc's HTML output (docs/api/, `pnpm docs:api`, not part of the site) goes to
 *   the site's API reference;
 * - a link to typedoc's copy of a guide (a package README's link to `../../docs/cli.md`, which
 *   typedoc copies into the reference's media folder) goes to the guide itself;
 * - a link out of docs/ (`../examples/scale-out`) goes to that file in the repository when the
 *   packages name one (`repository` in package.json), and is otherwise left as plain text: the site
 *   does not hold those files.
 *
 * Everything else is left to VitePress, which fails the build on a link to a page that does not
 * exist.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { MarkdownRenderer } from 'vitepress';

type Token = ReturnType<MarkdownRenderer['parse']>[number];

/** What the links plugin needs to know about the site. */
export interface LinkOptions {
  /** The docs folder (VitePress's `srcDir`). */
  readonly srcDir: string;
  /** The repository's root folder. */
  readonly root: string;
  /** typedoc's HTML output folder, relative to srcDir (`api`). */
  readonly htmlApiDir: string;
  /** Where typedoc copies the files that comments and READMEs link to, relative to srcDir. */
  readonly mediaDir: string;
  /** The site's API reference (`/reference/`). */
  readonly referencePath: string;
  /** The repository's web address (`https://github.com/owner/name`), if the packages name one. */
  readonly repository: string | undefined;
}

/**
 * The repository's web address from a package.json `repository` field (a string or
 * `{ url }`, as npm allows), or `undefined` when none names a GitHub repository.
 */
export function repositoryUrl(packageJsonPaths: readonly string[]): string | undefined {
  for (const path of packageJsonPaths) {
    if (!existsSync(path)) continue;
    const { repository } = JSON.parse(readFileSync(path, 'utf8')) as {
      repository?: string | { url?: string };
    };
    const url = typeof repository === 'string' ? repository : repository?.url;
    const match = url?.match(/github\.com[/:]([^/]+\/[^/#]+?)(?:\.git)?(?:#.*)?$/);
    if (match) return `https://github.com/${match[1]}`;
  }
  return undefined;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** A markdown-it plugin (VitePress `markdown.config`) that rewrites the links described above. */
export function siteLinks(options: LinkOptions) {
  return (md: MarkdownRenderer): void => {
    md.core.ruler.push('smmkit_site_links', (state) => {
      const env = state.env as { realPath?: string; path?: string };
      const page = env.realPath ?? env.path;
      if (page === undefined) return;
      for (const block of state.tokens) {
        if (block.children !== null) rewrite(block.children, dirname(page), options);
      }
    });
  };
}

function rewrite(tokens: Token[], pageDir: string, options: LinkOptions): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.type !== 'link_open') continue;
    const href = token.attrGet('href');
    if (href === null || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) continue;
    const [path = '', hash] = splitHash(href);
    const target = resolve(pageDir, decodeURI(path));
    const htmlApi = resolve(options.srcDir, options.htmlApiDir);
    if (target === htmlApi || target.startsWith(htmlApi + sep)) {
      token.attrSet('href', options.referencePath);
      continue;
    }
    const media = resolve(options.srcDir, options.mediaDir);
    if (target.startsWith(media + sep)) {
      // VitePress checks the result: a copy of anything but a guide is a dead link.
      token.attrSet('href', `/${relative(media, target).split(sep).join('/')}${hash}`);
      continue;
    }
    if (target === options.srcDir || target.startsWith(options.srcDir + sep)) {
      token.attrSet('href', path.replace(/(^|\/)README\.md$/, '$1index.md') + hash);
      continue;
    }
    const file = relative(options.root, target).split(sep).join('/');
    if (options.repository !== undefined && existsSync(target)) {
      const kind = statSync(target).isDirectory() ? 'tree' : 'blob';
      token.attrSet('href', `${options.repository}/${kind}/HEAD/${file}${hash}`);
      continue;
    }
    unlink(tokens, index);
  }
}

/** `path#hash` → [`path`, `#hash`] (the hash is `''` when there is none). */
function splitHash(href: string): [string, string] {
  const at = href.indexOf('#');
  return at < 0 ? [href, ''] : [href.slice(0, at), href.slice(at)];
}

/** Removes the link at `index` and its matching close, keeping the text between them. */
function unlink(tokens: Token[], index: number): void {
  let depth = 0;
  for (let close = index; close < tokens.length; close++) {
    const type = (tokens[close] as Token).type;
    if (type === 'link_open') depth++;
    if (type === 'link_close' && --depth === 0) {
      tokens.splice(close, 1);
      tokens.splice(index, 1);
      return;
    }
  }
}
