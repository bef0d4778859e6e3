/**
 * A line that starts with an unknown tag (`<leaseMs>`) does not interrupt a paragraph, as
 * CommonMark and GitHub have it. VitePress lets any tag do so (for Vue components in Markdown,
 * which these docs do not use), and a TSDoc comment that wraps `` `SET … <leaseMs>` `` onto a new
 * line then turns into an unclosed element that fails the build. Blocks that start with a known
 * HTML block tag, a comment or `<script>`-like raw text still interrupt, as CommonMark says.
 */
import type { MarkdownRenderer } from 'vitepress';

type BlockRule = (state: BlockState, startLine: number, endLine: number, silent: boolean) => boolean;
interface BlockState {
  readonly src: string;
  readonly bMarks: number[];
  readonly tShift: number[];
  readonly eMarks: number[];
}

// CommonMark's HTML block start conditions 1 to 6 (https://spec.commonmark.org/0.31.2/#html-blocks):
// the only ones that may interrupt a paragraph.
const INTERRUPTING = new RegExp(
  '^(?:<(?:script|pre|style|textarea)(?:\\s|>|$)|<!--|<\\?|<![A-Za-z]|<!\\[CDATA\\[|</?(?:' +
    'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|' +
    'dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|' +
    'header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|' +
    'param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\\s|/?>|$))',
  'i',
);

/** A markdown-it plugin (VitePress `markdown.config`) that applies the rule above. */
export function commonmarkHtmlBlocks(md: MarkdownRenderer): void {
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] })
    .__rules__;
  const current = rules.find((rule) => rule.name === 'html_block');
  if (current === undefined) throw new Error('markdown-it has no html_block rule to wrap');
  const original = current.fn;
  // markdown-it asks a rule whether a line interrupts a paragraph by calling it with `silent`.
  const wrapped: BlockRule = (state, startLine, endLine, silent) => {
    if (silent) {
      const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
      const line = state.src.slice(start, state.eMarks[startLine]);
      if (!INTERRUPTING.test(line)) return false;
    }
    return original(state, startLine, endLine, silent);
  };
  md.block.ruler.at('html_block', wrapped as Parameters<typeof md.block.ruler.at>[1], { alt: current.alt });
}
