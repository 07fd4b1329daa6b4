// How the sheets kap writes print: landscape, scaled to one page wide, the
// header row repeated at the top of every page, narrow margins. The Capacity
// sheet fits on one page; the Review sheet fits the width and runs down as far
// as it needs. Every writer (kap's two, Excel's, and what Sheets allows)
// applies this same data; none decides it.

import { SheetKey } from '../contract';

export interface PrintSetup {
  orientation: 'landscape' | 'portrait';
  /** Pages across the sheet is scaled to fit. */
  fitWidth: number;
  /** Pages down it is scaled to fit; 0 = as many as its rows need. */
  fitHeight: number;
  /** Rows repeated at the top of every printed page (1-based, inclusive); absent when none. */
  titleRows?: { first: number; last: number };
  /** Margins in inches, as Excel's page setup shows them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** Lines of text a table header row has room for: "Points lost", "Confirmed with client" take two. */
export const HEADER_LINES = 2;
/** Points per line of 11-point text: the height Excel and LibreOffice give a default row. */
export const LINE_POINTS = 15;

/** Excel's "Narrow" margins: a wide plan sheet keeps a readable scale. */
const NARROW = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/**
 * The print setup of a plan sheet whose header is at `headerRow` (0 when the
 * sheet has none, the Plan sheet's field rows), or of the Review sheet.
 */
export function printSetupOf(sheet: SheetKey, headerRow: number): PrintSetup {
  const setup: PrintSetup = {
    orientation: 'landscape',
    fitWidth: 1,
    // A team's capacity rows are few and read together: one page.
    fitHeight: sheet === 'capacity' ? 1 : 0,
    margins: { ...NARROW },
  };
  if (headerRow > 0 && sheet !== 'review') setup.titleRows = { first: headerRow, last: headerRow };
  return setup;
}

/** `$1:$1`: the rows a print setup repeats, as Excel's print titles name them. */
export function titleRowsReference(setup: PrintSetup): string | undefined {
  const t = setup.titleRows;
  return t ? `$${t.first}:$${t.last}` : undefined;
}

/**
 * Characters of ordinary text a column holds per line, per character of its
 * width: widths count the widest digit, and text averages narrower.
 */
const TEXT_PER_WIDTH = 1.2;

/** The lines a text takes wrapped in a column `width` characters wide (each of its own lines at least one). */
export function wrappedLineCount(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * TEXT_PER_WIDTH));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** A column's wrapping, as a layout's formats say it. */
interface WrapFormat {
  column: number;
  fromRow: number;
  toRow: number;
  width?: number;
  wrap?: boolean;
}

/**
 * The rows whose wrapped text needs more than one line, and how many: the
 * height kap's file writers give them, since a viewer that does not
 * re-measure rows on opening (LibreOffice) would otherwise print the text
 * over the rows below. Excel's writer lets Excel autofit instead.
 */
export function wrappedRowLines(cells: Iterable<{ row: number; column: number; value: unknown }>, formats: readonly WrapFormat[]): Map<number, number> {
  const wrapped = formats.filter((f) => f.wrap && f.width !== undefined);
  const lines = new Map<number, number>();
  if (wrapped.length === 0) return lines;
  for (const { row, column, value } of cells) {
    if (typeof value !== 'string' || value === '') continue;
    const f = wrapped.find((x) => x.column === column && row >= x.fromRow && row <= x.toRow);
    if (!f) continue;
    const n = wrappedLineCount(value, f.width!);
    if (n > 1 && n > (lines.get(row) ?? 1)) lines.set(row, n);
  }
  return lines;
}

/** Every cell of blocks of rows placed at (row, column): what wrappedRowLines reads. */
export function* blockCells(blocks: readonly { row: number; column: number; values: readonly (readonly unknown[])[] }[]): Generator<{ row: number; column: number; value: unknown }> {
  for (const b of blocks) for (let i = 0; i < b.values.length; i++) for (let j = 0; j < b.values[i].length; j++) yield { row: b.row + i, column: b.column + j, value: b.values[i][j] };
}
