import { SafeHtml } from './html.js';

/**
 * The report's only style sheet, inlined: system fonts (nothing to download), a light palette
 * whose text colours keep at least 4.5:1 contrast on white (WCAG AA), and print rules.
 */
export const REPORT_CSS: SafeHtml = new SafeHtml(`
:root { color-scheme: light; --ink: #1f2937; --muted: #4b5563; --line: #e5e7eb; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
header, main, footer { max-width: 800px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 0 0 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta { color: var(--muted); margin: 0 0 16px; font-size: 14px; }
.meta span + span::before { content: " · "; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 0 0 18px; break-inside: avoid; }
.lead { color: var(--muted); margin: 0 0 12px; font-size: 14px; }
.notice { background: #fffbeb; border: 1px solid #f59e0b; border-radius: 10px; padding: 12px 16px; margin: 0 0 18px; }
.empty { color: var(--muted); font-style: italic; margin: 8px 0; }
.nodata { color: #6b7280; font-style: italic; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 4px 0; font-family: inherit; }
svg .tick { font-size: 11px; fill: #4b5563; }
svg .label { font-size: 13px; fill: var(--ink); }
svg .value { font-size: 12px; fill: var(--ink); font-weight: 600; }
svg .axis-title, svg .legend-label { font-size: 12px; fill: #4b5563; }
svg text.nodata { font-size: 12px; fill: #6b7280; font-style: italic; }
svg .grid { stroke: #e5e7eb; stroke-width: 1; }
svg .axis { stroke: #9ca3af; stroke-width: 1; }
svg .series { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
svg .point { fill: #fff; stroke: var(--accent); stroke-width: 2; }
svg .nodata-band { fill: #f3f4f6; stroke: #d1d5db; stroke-dasharray: 3 3; }
svg .bar { fill: #0f766e; }
svg .bar.variant-a { fill: #64748b; }
svg .bar.variant-b { fill: #1d4ed8; }
svg .whisker line, svg .interval line { stroke: #111827; stroke-width: 2; }
svg .zero { stroke: #6b7280; stroke-dasharray: 4 3; }
svg .estimate { fill: #111827; }
svg .cell.nodata, svg .swatch.nodata { fill: #fff; stroke: #cbd5e1; stroke-width: 1; }
svg .cell.best, svg .best-key { stroke: #111827; stroke-width: 1.5; }
svg .rank { font-size: 11px; font-weight: 700; fill: #111827; }
svg .rank.on-dark { fill: #fff; }
.figures { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 8px 0; }
.figures dt { font-size: 12px; color: var(--muted); }
.figures dd { margin: 0; font-size: 18px; font-weight: 600; }
.figures dd.nodata { font-size: 15px; font-weight: 400; }
.verdict { font-weight: 600; color: #374151; margin: 4px 0; }
.verdict.significant { color: #047857; }
.warnings { background: #fff7ed; border-left: 4px solid #c2410c; padding: 6px 12px; margin: 10px 0 0; font-size: 14px; }
.warnings p, .warnings ul { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding-bottom: 4px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
th { font-weight: 600; background: #f9fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
details { margin-top: 8px; }
summary { cursor: pointer; color: var(--accent); font-size: 14px; }
ol.slots { margin: 6px 0 0; padding-left: 22px; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
@media print { body { background: #fff; } section { border-color: #d1d5db; } }
`);
