import { stripVTControlCharacters } from 'node:util';

/** Columns padded to their widest cell (colours not counted), two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const width = (cell: string) => stripVTControlCharacters(cell).length;
  const widths = rows.reduce<number[]>(
    (found, row) => row.map((cell, column) => Math.max(found[column] ?? 0, width(cell))),
    [],
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell)),
      )
      .join('  ')
      .trimEnd(),
  );
}
