// A1 addresses: the only way findings point at cells, on every host.

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 1-based row and 1-based column. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column - 1)}${row}`;
}

export interface CellPosition {
  row: number;
  column: number;
}

export function parseA1(address: string): CellPosition | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(address.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B2:D4` (or a single cell) as a box of 1-based rows and columns. */
export function parseRange(range: string): RangeBox | undefined {
  const bare = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [from, to] = bare.split(':');
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}
