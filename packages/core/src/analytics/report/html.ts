/**
 * HTML building with escaping by default: every value interpolated into an {@link html} template
 * is escaped unless it is itself a {@link SafeHtml} produced by this module. Attributes in the
 * templates are always double-quoted, so escaping `"` is what keeps a value inside its attribute.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use as HTML (or inline SVG) element content or as a double- or single-quoted
 * attribute value: `& < > " '` become character references.
 *
 * @example
 * ```ts
 * escapeHtml('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Markup known to be safe: built by {@link html} (whose values were escaped) or a constant. */
export class SafeHtml {
  /** The markup. */
  readonly markup: string;

  /** @param markup - markup that is safe as it is; only this module and constants may make one */
  constructor(markup: string) {
    this.markup = markup;
  }

  /** The markup, so a `SafeHtml` reads naturally where a string is expected. */
  toString(): string {
    return this.markup;
  }
}

/**
 * What can go into an {@link html} template: text and numbers (escaped), safe markup (kept),
 * arrays of those (joined), and `null` / `undefined` / `false` (nothing, for optional parts).
 */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.markup;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  return value.map(render).join('');
}

/**
 * Tagged template that escapes every interpolated value (see {@link HtmlValue}).
 *
 * @example
 * ```ts
 * html`<td title="${name}">${name}</td>`; // a hostile name stays text
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(markup);
}
