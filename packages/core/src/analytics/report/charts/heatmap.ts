import { type HeatmapCell, rankCells } from '../../best-time.js';
import { formatHour, formatValue, NO_DATA, type ValueKind, WEEKDAYS } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { coord } from '../scale.js';
import { svgFrame, svgText } from './svg.js';

/** How to draw the heatmap. */
export interface HeatmapOptions {
  /** Unique id prefix in the page. */
  readonly id: string;
  /** Name of the measure, for the legend and labels. */
  readonly label: string;
  /** How values are formatted. */
  readonly kind: ValueKind;
  /** The sample threshold below which a cell is `null`. */
  readonly minSamples: number;
  /** Whose hours these are, in words (`Europe/Berlin`, `each post's own time zone`). */
  readonly zoneLabel: string;
  /** How many best cells to mark (default 3). */
  readonly best?: number | undefined;
}

/** One cell as drawn: finite value or `null`, and a sample count. */
export interface GridCell {
  /** Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  /** Local hour, 0–23. */
  readonly hour: number;
  /** The mean, or `null` (an empty cell). */
  readonly value: number | null;
  /** Posts in the cell. */
  readonly samples: number;
}

/** Sequential colours, light to dark (ColorBrewer YlGnBu, lightest class left out so it stays apart from empty cells). */
const COLOURS = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Classes from this index on are dark enough for white text. */
const DARK_FROM = 2;

const LEFT = 52;
const TOP = 34;
const CELL_W = 26;
const CELL_H = 22;
const GAP = 2;
const GRID_W = 24 * (CELL_W + GAP) - GAP;
const GRID_H = 7 * (CELL_H + GAP) - GAP;
const WIDTH = LEFT + GRID_W + 12;
const LEGEND_Y = TOP + GRID_H + 26;
const HEIGHT = LEGEND_Y + 44;
const SWATCH = 76;

/** The 7 × 24 grid of `cells`, whatever its shape: a missing or non-finite cell is `null`. */
export function toGrid(cells: readonly (readonly HeatmapCell[])[]): GridCell[] {
  const grid: GridCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const cell = cells[weekday]?.[hour];
      const value = cell?.value;
      grid.push({
        weekday,
        hour,
        value: typeof value === 'number' && Number.isFinite(value) ? value : null,
        samples: cell?.samples ?? 0,
      });
    }
  }
  return grid;
}

/** `Tue 09:00–10:00`. */
export function slotLabel(cell: { readonly weekday: number; readonly hour: number }): string {
  return `${WEEKDAYS[cell.weekday] ?? ''} ${formatHour(cell.hour)}–${formatHour((cell.hour + 1) % 24)}`;
}

/**
 * Hour-of-week heatmap: 7 rows (Monday first) × 24 hours, coloured in five equal classes from
 * the lowest to the highest value; cells without a value (`null`: fewer posts than
 * `minSamples`) stay empty. The best cells are numbered. A legend explains classes and empty cells.
 */
export function heatmap(cells: readonly (readonly HeatmapCell[])[], options: HeatmapOptions): SafeHtml {
  const grid = toGrid(cells);
  const values = grid.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
  const min = values.length === 0 ? 0 : Math.min(...values);
  const max = values.length === 0 ? 0 : Math.max(...values);
  const classOf = (value: number): number =>
    max === min
      ? DARK_FROM
      : Math.min(COLOURS.length - 1, Math.floor(((value - min) / (max - min)) * COLOURS.length));
  const best = rankCells(grid, options.best ?? 3);
  const rank = new Map(best.map((cell, i) => [cell.weekday * 24 + cell.hour, i + 1]));
  const posts = (n: number): string => `${n} ${n === 1 ? 'post' : 'posts'}`;

  const rects = grid.map((cell) => {
    const x = LEFT + cell.hour * (CELL_W + GAP);
    const y = TOP + cell.weekday * (CELL_H + GAP);
    const where = slotLabel(cell);
    if (cell.value === null) {
      const why =
        cell.samples === 0 ? 'no posts' : `${posts(cell.samples)}, fewer than ${options.minSamples}`;
      return html`<rect class="cell nodata" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="3" data-weekday="${cell.weekday}" data-hour="${cell.hour}"><title>${where}: ${NO_DATA} (${why})</title></rect>`;
    }
    const level = classOf(cell.value);
    const place = rank.get(cell.weekday * 24 + cell.hour);
    const mark =
      place === undefined
        ? null
        : html`<text class="${level >= DARK_FROM ? 'rank on-dark' : 'rank'}" x="${coord(x + CELL_W / 2)}" y="${coord(y + CELL_H / 2 + 4)}" text-anchor="middle">${place}</text>`;
    return html`<rect class="${place === undefined ? 'cell' : 'cell best'}" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="3" fill="${COLOURS[level] ?? COLOURS[0]}" data-weekday="${cell.weekday}" data-hour="${cell.hour}" data-value="${String(cell.value)}"><title>${where}: ${formatValue(cell.value, options.kind)} (${posts(cell.samples)})</title></rect>${mark}`;
  });
  const dayLabels = WEEKDAYS.map((day, i) =>
    svgText(String(LEFT - 8), coord(TOP + i * (CELL_H + GAP) + CELL_H / 2 + 4), day, 'tick', 'end'),
  );
  const hourLabels = [];
  for (let hour = 0; hour < 24; hour += 3) {
    hourLabels.push(
      svgText(
        coord(LEFT + hour * (CELL_W + GAP) + CELL_W / 2),
        String(TOP - 8),
        formatHour(hour),
        'tick',
        'middle',
      ),
    );
  }

  const edges =
    max === min ? [min] : COLOURS.map((_, i) => min + ((max - min) * i) / COLOURS.length).concat(max);
  const swatches =
    values.length === 0
      ? []
      : (max === min ? [COLOURS[DARK_FROM]] : COLOURS).map(
          (colour, i) =>
            html`<rect class="swatch" x="${i * SWATCH}" y="0" width="${SWATCH - 2}" height="12" fill="${colour}"/>`,
        );
  const edgeLabels =
    values.length === 0
      ? []
      : edges.map((edge, i) =>
          svgText(
            String(max === min ? SWATCH / 2 : i * SWATCH),
            '28',
            formatValue(edge, options.kind),
            'tick',
            max === min ? 'middle' : i === 0 ? 'start' : i === edges.length - 1 ? 'end' : 'middle',
          ),
        );
  const scaleWidth = values.length === 0 ? 0 : max === min ? SWATCH : COLOURS.length * SWATCH;
  const emptyX = scaleWidth + (values.length === 0 ? 0 : 28);
  const legend = html`<g class="legend" transform="translate(${LEFT},${LEGEND_Y})">${swatches}${edgeLabels}<rect class="swatch nodata" x="${emptyX}" y="0" width="${SWATCH - 2}" height="12"/>${svgText(String(emptyX + SWATCH + 4), '11', `${NO_DATA} (fewer than ${posts(options.minSamples)})`, 'legend-label')}${
    best.length > 0
      ? html`<rect class="swatch best-key" x="${emptyX}" y="20" width="14" height="12" fill="${COLOURS[DARK_FROM]}"/>${svgText(String(emptyX + 20), '30', 'numbered: best hours', 'legend-label')}`
      : null
  }</g>`;

  const description =
    values.length === 0
      ? `${options.label} by hour of the week (${options.zoneLabel}): no hour has ${posts(options.minSamples)} or more.`
      : `${options.label} by hour of the week (${options.zoneLabel}), ${values.length} of 168 hours with data, from ${formatValue(min, options.kind)} to ${formatValue(max, options.kind)}. Best: ${best
          .map((cell) => `${slotLabel(cell)} ${formatValue(cell.value, options.kind)}`)
          .join('; ')}.`;
  return svgFrame(
    {
      id: options.id,
      kind: 'heatmap',
      width: WIDTH,
      height: HEIGHT,
      title: `Best time to post: ${options.label}`,
      description,
    },
    html`${hourLabels}${dayLabels}${rects}${legend}`,
  );
}
