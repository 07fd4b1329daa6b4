// The formulas the spreadsheet double computes: what the plan template writes
// (IF, SUMIFS over whole columns of another sheet, comparisons, &), parsed in
// the spreadsheet locale's syntax, as Sheets parses a formula handed to
// setValues. A formula in the wrong syntax computes to #ERROR! (Sheets' "Formula
// parse error"), a reference to a sheet that is not there to #REF!; a function
// or operator the double does not model throws when the formula is written,
// so nothing the double cannot compute ever reads back as a silent blank.

import { ArgumentSeparator } from '../../core/formula-locale';

export type Scalar = string | number | boolean;
/** A computed value: a scalar ('' is blank), or an error value as getValues shows it (`#REF!`). */
export type Computed = Scalar | { error: string };

/** What formulas read: the raw value of a cell ('' when blank; a formula cell computed), and a sheet's extent. */
export interface FormulaBook {
  hasSheet(name: string): boolean;
  value(sheet: string, row: number, column: number): Computed;
  lastRow(sheet: string): number;
  /** Changes whenever any cell changes, so indexes built over a column can be kept until then. */
  version(): number;
}

type Node =
  | { t: 'scalar'; v: Scalar }
  | { t: 'cell'; sheet?: string; row: number; column: number }
  | { t: 'columns'; sheet?: string; column: number }
  | { t: 'call'; name: 'IF' | 'SUMIFS'; args: Node[] }
  | { t: 'compare'; op: string; a: Node; b: Node }
  | { t: 'concat'; parts: Node[] }
  | { t: 'negate'; a: Node };

export interface Formula {
  /** The value the formula shows in a cell of `sheet`. */
  compute(book: FormulaBook, sheet: string): Computed;
}

class ParseError extends Error {}

/** Thrown when a formula uses what the double does not compute: a test must not read it back as a value. */
export class NotModelled extends Error {}

const PARSE_ERROR: Formula = { compute: () => ({ error: '#ERROR!' }) };

/** Parses `=...` as Sheets would in a locale whose argument separator is `separator`. */
export function parseFormula(text: string, separator: ArgumentSeparator): Formula {
  try {
    const parser = new Parser(tokens(text.slice(1), separator));
    const node = parser.expression();
    parser.end();
    return { compute: (book, sheet) => evaluate(node, book, sheet) };
  } catch (e) {
    if (e instanceof ParseError) return PARSE_ERROR;
    throw e;
  }
}

type Token = { k: 'str' | 'num' | 'name' | 'ref' | 'cols' | 'sheet' | 'op' | 'sep' | '(' | ')'; v: string };

function tokens(src: string, separator: ArgumentSeparator): Token[] {
  const decimal = separator === ';' ? ',' : '.';
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if (ch === ' ') {
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let v = '';
      for (;;) {
        if (j >= src.length) throw new ParseError('unclosed string');
        if (src[j] === '"' && src[j + 1] === '"') {
          v += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else v += src[j++];
      }
      out.push({ k: 'str', v });
      i = j + 1;
    } else if (ch === "'") {
      const m2 = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!m2) throw new ParseError('bad sheet name');
      out.push({ k: 'sheet', v: m2[1].replace(/''/g, "'") });
      i += m2[0].length;
    } else if ((m = /^([A-Za-z_][A-Za-z0-9_]*)!/.exec(rest))) {
      out.push({ k: 'sheet', v: m[1] });
      i += m[0].length;
    } else if ((m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9(])/.exec(rest))) {
      if (m[1].toUpperCase() !== m[2].toUpperCase()) throw new NotModelled(`multi-column ranges (${m[0]})`);
      out.push({ k: 'cols', v: m[1].toUpperCase() });
      i += m[0].length;
    } else if ((m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)(?![A-Za-z0-9(:])/.exec(rest))) {
      out.push({ k: 'ref', v: `${m[1].toUpperCase()}${m[2]}` });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/.exec(rest))) {
      out.push({ k: 'name', v: m[0].toUpperCase() });
      i += m[0].length;
    } else if ((m = new RegExp(`^[0-9]+(\\${decimal}[0-9]+)?`).exec(rest))) {
      out.push({ k: 'num', v: m[0].replace(decimal, '.') });
      i += m[0].length;
    } else if (ch === separator) {
      out.push({ k: 'sep', v: ch });
      i++;
    } else if ((m = /^(<>|<=|>=|<|>|=|&)/.exec(rest))) {
      out.push({ k: 'op', v: m[0] });
      i += m[0].length;
    } else if (ch === '(' || ch === ')') {
      out.push({ k: ch, v: ch });
      i++;
    } else if (ch === '+' || ch === '-') {
      out.push({ k: 'op', v: ch });
      i++;
    } else if (ch === '*' || ch === '/' || ch === '^' || ch === '{' || ch === '}') {
      throw new NotModelled(`the operator ${ch}`);
    } else {
      // Anything else, the other locale's separator among it, does not parse.
      throw new ParseError(`unexpected ${ch}`);
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly ts: Token[]) {}
  private peek(): Token | undefined {
    return this.ts[this.i];
  }
  private next(): Token {
    const t = this.ts[this.i++];
    if (!t) throw new ParseError('unexpected end');
    return t;
  }
  end(): void {
    if (this.i < this.ts.length) throw new ParseError(`unexpected ${this.ts[this.i].v}`);
  }
  expression(): Node {
    const a = this.concat();
    const t = this.peek();
    if (t?.k === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(t.v)) {
      this.i++;
      return { t: 'compare', op: t.v, a, b: this.concat() };
    }
    return a;
  }
  private concat(): Node {
    const parts = [this.unary()];
    while (this.peek()?.k === 'op' && this.peek()!.v === '&') {
      this.i++;
      parts.push(this.unary());
    }
    return parts.length === 1 ? parts[0] : { t: 'concat', parts };
  }
  private unary(): Node {
    const t = this.peek();
    if (t?.k === 'op' && (t.v === '+' || t.v === '-')) {
      this.i++;
      const a = this.unary();
      return t.v === '-' ? { t: 'negate', a } : a;
    }
    const node = this.primary();
    const after = this.peek();
    if (after?.k === 'op' && (after.v === '+' || after.v === '-')) throw new NotModelled('arithmetic');
    return node;
  }
  private primary(): Node {
    const t = this.next();
    switch (t.k) {
      case 'str':
        return { t: 'scalar', v: t.v };
      case 'num':
        return { t: 'scalar', v: Number(t.v) };
      case 'ref':
        return cellNode(t.v);
      case 'cols':
        return { t: 'columns', column: columnNumber(t.v) };
      case 'sheet': {
        const target = this.next();
        if (target.k === 'ref') return { ...cellNode(target.v), sheet: t.v };
        if (target.k === 'cols') return { t: 'columns', sheet: t.v, column: columnNumber(target.v) };
        throw new ParseError('a sheet name must be followed by a reference');
      }
      case 'name': {
        if (t.v !== 'IF' && t.v !== 'SUMIFS') throw new NotModelled(`the function ${t.v}`);
        this.expect('(');
        const args: Node[] = [];
        if (this.peek()?.k !== ')') {
          args.push(this.expression());
          while (this.peek()?.k === 'sep') {
            this.i++;
            args.push(this.expression());
          }
        }
        this.expect(')');
        return { t: 'call', name: t.v, args };
      }
      case '(': {
        const inner = this.expression();
        this.expect(')');
        return inner;
      }
      default:
        throw new ParseError(`unexpected ${t.v}`);
    }
  }
  private expect(k: Token['k']): void {
    if (this.next().k !== k) throw new ParseError(`expected ${k}`);
  }
}

function cellNode(ref: string): Extract<Node, { t: 'cell' }> {
  const m = /^([A-Z]+)([0-9]+)$/.exec(ref)!;
  return { t: 'cell', row: Number(m[2]), column: columnNumber(m[1]) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const isError = (v: Computed): v is { error: string } => typeof v === 'object';

function evaluate(node: Node, book: FormulaBook, here: string): Computed {
  switch (node.t) {
    case 'scalar':
      return node.v;
    case 'cell': {
      const sheet = node.sheet ?? here;
      return book.hasSheet(sheet) ? book.value(sheet, node.row, node.column) : { error: '#REF!' };
    }
    case 'columns':
      throw new NotModelled('a whole column used as a value');
    case 'negate': {
      const a = evaluate(node.a, book, here);
      if (isError(a)) return a;
      return typeof a === 'number' ? -a : { error: '#VALUE!' };
    }
    case 'concat': {
      let text = '';
      for (const p of node.parts) {
        const v = evaluate(p, book, here);
        if (isError(v)) return v;
        text += typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
      }
      return text;
    }
    case 'compare': {
      const a = evaluate(node.a, book, here);
      const b = evaluate(node.b, book, here);
      if (isError(a)) return a;
      if (isError(b)) return b;
      return compare(a, node.op, b);
    }
    case 'call':
      return node.name === 'IF' ? evaluateIf(node.args, book, here) : sumIfs(node.args, book, here);
  }
}

function evaluateIf(args: Node[], book: FormulaBook, here: string): Computed {
  if (args.length < 2 || args.length > 3) return { error: '#N/A' };
  const test = evaluate(args[0], book, here);
  if (isError(test)) return test;
  const truth = typeof test === 'boolean' ? test : typeof test === 'number' ? test !== 0 : test === '' ? false : undefined;
  if (truth === undefined) return { error: '#VALUE!' };
  return truth ? evaluate(args[1], book, here) : args[2] ? evaluate(args[2], book, here) : false;
}

/** Blank equals ''; text compares without case; a number and text are never equal. */
function compare(a: Scalar, op: string, b: Scalar): boolean {
  const blankA = a === '';
  const blankB = b === '';
  let order: number;
  if (typeof a === 'number' && typeof b === 'number') order = a - b;
  else if (blankA && blankB) order = 0;
  else if (typeof a === 'string' && typeof b === 'string') order = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  else if ((blankA && typeof b === 'number') || (blankB && typeof a === 'number')) order = (blankA ? 0 : (a as number)) - (blankB ? 0 : (b as number));
  else return op === '<>';
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** A SUMIFS criterion: "op operand" text, or a plain value to equal. */
function matcher(criterion: Scalar): (v: Computed) => boolean {
  let op = '=';
  let operand: Scalar = criterion;
  if (typeof criterion === 'string') {
    const m = /^(<>|<=|>=|<|>|=)?(.*)$/s.exec(criterion)!;
    op = m[1] ?? '=';
    const rest = m[2];
    operand = rest !== '' && !Number.isNaN(Number(rest)) ? Number(rest) : rest;
    if (rest === '') {
      // "=" matches blank cells, "<>" cells that are not blank; another operator with nothing after it matches nothing (inferred).
      if (op === '=' && m[1] !== undefined) return (v) => v === '';
      if (op === '<>') return (v) => v !== '';
      if (m[1] !== undefined) return () => false;
    }
  }
  if (typeof criterion === 'string' && /[*?~]/.test(String(operand))) throw new NotModelled(`wildcards in SUMIFS criteria (${criterion})`);
  return (v) => {
    if (isError(v)) return false;
    if (op === '<>') return v === '' || compare(v, '<>', operand);
    if (v === '') return false;
    if (typeof operand === 'number' && typeof v !== 'number') return false;
    return compare(v, op, operand);
  };
}

const indexes = new WeakMap<FormulaBook, { version: number; byColumn: Map<string, Map<string, number[]>> }>();

/** Rows of a column by the lower-cased value they hold, built once per version of the book. */
function columnIndex(book: FormulaBook, sheet: string, column: number): Map<string, number[]> {
  let cache = indexes.get(book);
  if (!cache || cache.version !== book.version()) indexes.set(book, (cache = { version: book.version(), byColumn: new Map() }));
  const key = `${sheet}\u0000${column}`;
  let index = cache.byColumn.get(key);
  if (!index) {
    index = new Map();
    const last = book.lastRow(sheet);
    for (let r = 1; r <= last; r++) {
      const v = book.value(sheet, r, column);
      const k = isError(v) ? '\u0000error' : typeof v === 'string' ? v.toLowerCase() : `\u0001${String(v)}`;
      let rows = index.get(k);
      if (!rows) index.set(k, (rows = []));
      rows.push(r);
    }
    cache.byColumn.set(key, index);
  }
  return index;
}

function sumIfs(args: Node[], book: FormulaBook, here: string): Computed {
  if (args.length < 3 || args.length % 2 === 0) return { error: '#N/A' };
  const range = (n: Node): { sheet: string; column: number } => {
    if (n.t !== 'columns') throw new NotModelled('SUMIFS over anything but whole columns');
    return { sheet: n.sheet ?? here, column: n.column };
  };
  const sum = range(args[0]);
  const pairs: { sheet: string; column: number; criterion: Scalar }[] = [];
  for (let i = 1; i < args.length; i += 2) {
    const r = range(args[i]);
    const c = evaluate(args[i + 1], book, here);
    if (isError(c)) return c;
    pairs.push({ ...r, criterion: c });
  }
  for (const r of [sum, ...pairs]) if (!book.hasSheet(r.sheet)) return { error: '#REF!' };
  if (pairs.some((p) => p.sheet !== sum.sheet)) throw new NotModelled('SUMIFS ranges on different sheets');
  // Rows worth looking at: those the first plain-equality criterion picks out, else every row.
  const first = pairs[0];
  let rows: number[];
  if (typeof first.criterion === 'string' && !/^(<>|<=|>=|<|>|=)/.test(first.criterion) && first.criterion !== '') {
    rows = columnIndex(book, first.sheet, first.column).get(first.criterion.toLowerCase()) ?? [];
  } else {
    rows = Array.from({ length: book.lastRow(sum.sheet) }, (_, i) => i + 1);
  }
  const tests = pairs.map((p) => ({ column: p.column, match: matcher(p.criterion) }));
  let total = 0;
  for (const row of rows) {
    if (!tests.every((t) => t.match(book.value(sum.sheet, row, t.column)))) continue;
    const v = book.value(sum.sheet, row, sum.column);
    if (typeof v === 'number') total += v;
  }
  return Math.round(total * 1e9) / 1e9;
}
