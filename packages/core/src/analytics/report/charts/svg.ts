import { type HtmlValue, html, type SafeHtml } from '../html.js';

/** What every chart's `<svg>` carries for people and assistive technology. */
export interface SvgFrame {
  /** Unique id prefix within the page (ids of the `<title>` and `<desc>`). */
  readonly id: string;
  /** Chart kind, as a class (`line-chart`, `bar-chart`, …). */
  readonly kind: string;
  /** Width of the drawing in px (the viewBox; CSS scales it down on narrow screens). */
  readonly width: number;
  /** Height of the drawing in px. */
  readonly height: number;
  /** Short name of the chart, its `<title>`. */
  readonly title: string;
  /** What the chart shows, in words: its `aria-label` and `<desc>`. */
  readonly description: string;
}

/** An inline `<svg role="img">` with a `<title>`, a `<desc>` and an `aria-label`. */
export function svgFrame(frame: SvgFrame, body: HtmlValue): SafeHtml {
  return html`<svg class="chart ${frame.kind}" xmlns="http://www.w3.org/2000/svg" role="img" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" aria-label="${frame.description}"><title id="${frame.id}-title">${frame.title}</title><desc id="${frame.id}-desc">${frame.description}</desc>${body}</svg>`;
}

/** A `<text>` element; `className` picks the style (`axis`, `label`, `value`, `nodata`, …). */
export function svgText(
  x: string,
  y: string,
  text: string,
  className: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
): SafeHtml {
  return html`<text class="${className}" x="${x}" y="${y}" text-anchor="${anchor}">${text}</text>`;
}
