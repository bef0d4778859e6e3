import { formatValue, NO_DATA } from './format.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';

/** A report section with its heading, as the report's other sections. */
export function researchSection(id: string, heading: string, body: HtmlValue): SafeHtml {
  return html`<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${heading}</h2>${body}</section>`;
}

/** A signed count (`+1,200`, `−40`, `0`), or "no data". */
export function formatSignedCount(value: number | null): string {
  const text = formatValue(value, 'count');
  return value !== null && value > 0 && text !== NO_DATA ? `+${text}` : text;
}
