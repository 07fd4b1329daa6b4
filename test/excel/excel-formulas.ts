// Computes the formulas the template writes, as Excel does, so a wrong
// reference shows as a wrong number: IF, SUMIFS, comparisons, `&`, + - * /,
// cell and whole-column references on any sheet. Any other function is not
// modelled and fails loudly rather than computing something Excel would not.

import { Box, CellValue, MAX_ROWS, Sheet, Workbook } from './excel-workbook';

export class FormulaNotModelled extends Error {}

type Value = CellValue | null | RangeRef;
interface RangeRef {
  sheet: Sheet;
  box: Box;
}

const isRange = (v: Value): v is RangeRef => typeof v === 'object' && v !== null;

/** Reads a formula as Excel's en-US syntax, without computing it: throws FormulaNotModelled where the host cannot. */
export function readFormula(workbook: Workbook, sheet: Sheet, formula: string): void {
  const parser = new Parser(formula.replace(/^=/, ''), workbook, sheet, 0, false);
  parser.expression();
  parser.end();
}

/** The value a formula cell shows; `sheet` is the sheet the formula is on. */
export function computeFormula(workbook: Workbook, sheet: Sheet, formula: string, depth = 0): CellValue {
  if (depth > 50) return '#REF!';
  const parser = new Parser(formula.replace(/^=/, ''), workbook, sheet, depth, true);
  const v = parser.expression();
  parser.end();
  return scalar(v, workbook, depth) ?? 0;
}

function cellValue(workbook: Workbook, sheet: Sheet, row: number, column: number, depth: number): CellValue | null {
  const cell = sheet.cell(row, column);
  if (!cell) return null;
  if (cell.formula !== undefined) return computeFormula(workbook, sheet, cell.formula, depth + 1);
  return cell.value === '' ? null : cell.value;
}

function scalar(v: Value, workbook: Workbook, depth: number): CellValue | null {
  if (!isRange(v)) return v;
  if (v.box.rows !== 1 || v.box.columns !== 1) return '#VALUE!';
  return cellValue(workbook, v.sheet, v.box.top, v.box.left, depth);
}

function text(v: CellValue | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function number(v: CellValue | null): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaNotModelled(`#VALUE!: ${v} is not a number`);
  return n;
}

function compare(a: CellValue | null, b: CellValue | null, op: string): boolean {
  let d: number;
  const an = a === null ? (typeof b === 'number' ? 0 : '') : a;
  const bn = b === null ? (typeof a === 'number' ? 0 : '') : b;
  if (typeof an === 'number' && typeof bn === 'number') d = an - bn;
  else if (typeof an === 'string' && typeof bn === 'string') d = an.toLowerCase().localeCompare(bn.toLowerCase());
  else d = typeof an === 'number' ? -1 : typeof bn === 'number' ? 1 : text(an).localeCompare(text(bn));
  return { '=': d === 0, '<>': d !== 0, '<': d < 0, '>': d > 0, '<=': d <= 0, '>=': d >= 0 }[op] ?? false;
}

/** Whether a cell matches a SUMIFS criterion, as Excel's criteria rules say. */
function matches(cell: CellValue | null, criterion: CellValue | null): boolean {
  if (typeof criterion === 'number') return typeof cell === 'number' && cell === criterion;
  if (typeof criterion === 'boolean') return cell === criterion;
  const c = criterion ?? '';
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(c)!;
  const op = m[1] ?? '=';
  const operand = m[2];
  if (operand === '') return op === '=' ? cell === null || cell === '' : op === '<>' ? cell !== null && cell !== '' : false;
  const n = Number(operand);
  if (operand.trim() !== '' && !Number.isNaN(n)) {
    if (typeof cell !== 'number') return op === '<>';
    return compare(cell, n, op);
  }
  if (op === '=' || op === '<>') {
    const pattern = new RegExp(`^${operand.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'is');
    const equal = typeof cell === 'string' && pattern.test(cell);
    return op === '=' ? equal : !equal;
  }
  return typeof cell === 'string' && compare(cell, operand, op);
}

class Parser {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly workbook: Workbook,
    private readonly sheet: Sheet,
    private readonly depth: number,
    /** False: only read the syntax (every function and reference gives null). */
    private readonly evaluate: boolean,
  ) {}

  end(): void {
    this.space();
    if (this.at < this.src.length) throw new FormulaNotModelled(`cannot read formula at "${this.src.slice(this.at)}"`);
  }
  private space(): void {
    while (this.src[this.at] === ' ') this.at++;
  }
  private eat(token: string): boolean {
    this.space();
    if (this.src.startsWith(token, this.at)) {
      this.at += token.length;
      return true;
    }
    return false;
  }
  expression(): Value {
    const left = this.concat();
    for (const op of ['<>', '<=', '>=', '=', '<', '>']) {
      if (this.eat(op)) {
        const right = this.concat();
        return compare(this.value(left), this.value(right), op);
      }
    }
    return left;
  }
  private value(v: Value): CellValue | null {
    return scalar(v, this.workbook, this.depth);
  }
  private concat(): Value {
    let v = this.additive();
    while (this.eat('&')) v = text(this.value(v)) + text(this.value(this.additive()));
    return v;
  }
  private additive(): Value {
    let v = this.term();
    for (;;) {
      if (this.eat('+')) v = number(this.value(v)) + number(this.value(this.term()));
      else if (this.eat('-')) v = number(this.value(v)) - number(this.value(this.term()));
      else return v;
    }
  }
  private term(): Value {
    let v = this.primary();
    for (;;) {
      if (this.eat('*')) v = number(this.value(v)) * number(this.value(this.primary()));
      else if (this.eat('/')) v = number(this.value(v)) / number(this.value(this.primary()));
      else return v;
    }
  }
  private primary(): Value {
    this.space();
    const rest = this.src.slice(this.at);
    if (this.eat('(')) {
      const v = this.expression();
      if (!this.eat(')')) throw new FormulaNotModelled('missing )');
      return v;
    }
    if (this.eat('-')) return -number(this.value(this.primary()));
    let m = /^"((?:[^"]|"")*)"/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    m = /^\d+(\.\d+)?/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return Number(m[0]);
    }
    m = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return this.call(m[1].toUpperCase());
    }
    return this.reference();
  }
  private call(name: string): Value {
    const args: Value[] = [];
    if (!this.eat(')')) {
      do args.push(this.expression());
      while (this.eat(','));
      if (!this.eat(')')) throw new FormulaNotModelled(`missing ) after ${name}`);
    }
    if (name !== 'IF' && name !== 'SUMIFS') throw new FormulaNotModelled(`the test host does not compute ${name}()`);
    if (!this.evaluate) return null;
    if (name === 'IF') {
      const test = this.value(args[0] ?? null);
      const truthy = typeof test === 'string' ? test !== '' : Boolean(test);
      return truthy ? (args[1] ?? true) : (args[2] ?? false);
    }
    return this.sumifs(args);
  }
  private sumifs(args: Value[]): number {
    const [sum, ...pairs] = args;
    if (!isRange(sum) || pairs.length === 0 || pairs.length % 2 !== 0) throw new FormulaNotModelled('SUMIFS(sum_range, criteria_range, criteria, ...)');
    const criteria: { range: RangeRef; criterion: CellValue | null }[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const range = pairs[i];
      if (!isRange(range) || range.box.rows !== sum.box.rows || range.box.columns !== sum.box.columns) return Number.NaN;
      criteria.push({ range, criterion: this.value(pairs[i + 1]) });
    }
    // Whole columns: only rows that hold something can match or add.
    const used = Math.max(sum.sheet.lastRowOf(sum.box.left), ...criteria.map((c) => c.range.sheet.lastRowOf(c.range.box.left)));
    const rows = Math.min(sum.box.rows, used - sum.box.top + 1);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < sum.box.columns; c++) {
        const ok = criteria.every((k) => matches(cellValue(this.workbook, k.range.sheet, k.range.box.top + r, k.range.box.left + c, this.depth), k.criterion));
        const v = ok ? cellValue(this.workbook, sum.sheet, sum.box.top + r, sum.box.left + c, this.depth) : null;
        if (typeof v === 'number') total += v;
      }
    }
    return total;
  }
  private reference(): Value {
    const rest = this.src.slice(this.at);
    const m = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Z]{1,3}(?:\$?\d+)?)(?::(\$?[A-Z]{1,3}(?:\$?\d+)?))?/.exec(rest);
    if (!m) throw new FormulaNotModelled(`cannot read "${rest}"`);
    this.at += m[0].length;
    if (!this.evaluate) return null;
    let sheet = this.sheet;
    if (m[1]) {
      const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      const found = this.workbook.find(name);
      if (!found) return '#REF!';
      sheet = found;
    }
    const a = part(m[2]);
    const b = m[3] ? part(m[3]) : a;
    if (a.row === undefined !== (b.row === undefined)) throw new FormulaNotModelled(`mixed reference ${m[0]}`);
    const top = a.row ?? 0;
    const bottom = b.row ?? MAX_ROWS - 1;
    return { sheet, box: { top: Math.min(top, bottom), left: Math.min(a.column, b.column), rows: Math.abs(bottom - top) + 1, columns: Math.abs(b.column - a.column) + 1 } };
  }
}

function part(ref: string): { column: number; row?: number } {
  const m = /^\$?([A-Z]{1,3})(?:\$?(\d+))?$/.exec(ref)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: m[2] === undefined ? undefined : Number(m[2]) - 1 };
}
