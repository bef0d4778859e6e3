/** Folders of docs/ that the site, its links plugin and its test agree on. */

/** Where typedoc writes the Markdown API reference (typedoc.markdown.json: `out`). */
export const REFERENCE_DIR = 'reference';

/**
 * Where typedoc copies the files that the packages' READMEs link to (`../../docs/cli.md`): copies
 * of guides, not pages; a link to one goes to the guide itself.
 */
export const MEDIA_DIR = `${REFERENCE_DIR}/_media`;

/** typedoc's HTML output (`pnpm docs:api`), which the site does not serve. */
export const HTML_API_DIR = 'api';
