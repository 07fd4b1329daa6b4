// Edits an existing worksheet part the way a surgeon would: new cells are
// spliced into their rows (or new rows between the existing ones), columns
// kap adds get their width and format, drop-downs are appended to the sheet's
// own list; every other byte of the part stays as it was. saxes finds the
// places; the edit is text spliced in at them.

import { a1, parseRange, RangeBox } from '../core/a1';
import { columnOf, rowOf } from './package-reader';
import { insertionPointFor } from './schema-order';
import { CellDraft, cellXml, ColumnDraft, dataValidationXml, ListValidation } from './sheet-xml';
import { applySplices, attributes, ElementEvent, prefixOf, Span, Splice, walkElements } from './xml-text';

/** The style a written cell gets: a cellXfs index, or one chosen from the cell's present style. */
export type StyleChoice = number | undefined | ((existing: number | undefined) => number | undefined);

export interface CellEdit extends Omit<CellDraft, 'style'> {
  style?: StyleChoice;
  /** Leave the cell alone if it already holds a value (a format kap offers, never imposes). */
  onlyIfEmpty?: boolean;
}

export interface SheetEdit {
  /** row -> column -> cell, 1-based. */
  cells: Map<number, Map<number, CellEdit>>;
  columns: ColumnDraft[];
  validations: ListValidation[];
}

/** The sheet is protected: kap never writes into it (that would be weakening the protection). */
export class ProtectedSheet extends Error {}

interface ExistingCell {
  column: number;
  span: Span;
  style?: number;
  hasValue: boolean;
}

interface TargetRow {
  span: Span;
  attributes: Record<string, string>;
  name: string;
  cells: ExistingCell[];
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true';

/** Whether a worksheet part is protected (`<sheetProtection sheet="1">`). */
export function isProtected(xml: string, part: string): boolean {
  let found = false;
  walkElements(part, xml, (e) => {
    if (e.local === 'sheetProtection' && e.path.length === 1 && truthy(e.tag.attributes.sheet)) found = true;
  });
  return found;
}

/** The part with the edit applied. Throws ProtectedSheet for a protected sheet. */
export function editSheet(xml: string, part: string, edit: SheetEdit): string {
  const targets = new Map<number, TargetRow>();
  const rowStarts: [number, number][] = [];
  const topLevel: ElementEvent[] = [];
  const cols: { event: ElementEvent; min: number; max: number }[] = [];
  let colsElement: ElementEvent | undefined;
  let sheetData: ElementEvent | undefined;
  let validations: ElementEvent | undefined;
  let root: ElementEvent | undefined;
  let prefix = '';
  let protectedSheet = false;
  let rowNumber = 0;
  let column = 0;
  let rowCells: ExistingCell[] = [];
  let cellHasValue = false;
  // The ranges the user's own drop-downs and other validations cover (x14 ones in extLst too).
  const validated: string[] = [];
  walkElements(
    part,
    xml,
    (e) => {
      const parent = e.path[e.path.length - 1];
      if (e.path.length === 0) root = e;
      else if (e.path.length === 1) {
        topLevel.push(e);
        if (e.local === 'sheetData') sheetData = e;
        else if (e.local === 'cols') colsElement = e;
        else if (e.local === 'dataValidations') validations = e;
        else if (e.local === 'sheetProtection' && truthy(e.tag.attributes.sheet)) protectedSheet = true;
      }
      if (parent === 'cols' && e.local === 'col') cols.push({ event: e, min: Number(e.tag.attributes.min), max: Number(e.tag.attributes.max) });
      if (parent === 'c' && (e.local === 'v' || e.local === 'is' || e.local === 'f')) cellHasValue = true;
      if (e.local === 'dataValidation' && e.tag.attributes.sqref) validated.push(e.tag.attributes.sqref);
      if (e.local === 'sqref' && parent === 'dataValidation' && !e.span.selfClosing) validated.push(xml.slice(e.span.openEnd, e.span.closeStart));
      if (parent === 'row' && e.local === 'c' && targets.has(rowNumber) === false && edit.cells.has(rowNumber)) {
        const s = e.tag.attributes.s;
        rowCells.push({ column, span: e.span, style: s === undefined ? undefined : Number(s), hasValue: cellHasValue });
      }
      if (parent === 'sheetData' && e.local === 'row' && edit.cells.has(rowNumber)) {
        targets.set(rowNumber, { span: e.span, attributes: { ...e.tag.attributes }, name: e.tag.name, cells: rowCells });
      }
    },
    (e) => {
      if (e.path.length === 0) prefix = prefixOf(e.tag.name);
      const parent = e.path[e.path.length - 1];
      if (parent === 'sheetData' && e.local === 'row') {
        const r = Number(e.tag.attributes.r);
        rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        rowStarts.push([rowNumber, e.span.start]);
        column = 0;
        rowCells = [];
      } else if (parent === 'row' && e.local === 'c') {
        const ref = e.tag.attributes.r;
        column = ref ? columnOf(ref) || column + 1 : column + 1;
        cellHasValue = false;
      }
    },
  );
  if (protectedSheet) throw new ProtectedSheet(part);
  if (!root || !sheetData) throw new Error(`${part} has no sheetData`);
  const p = prefix;
  const splices: Splice[] = [];

  // Cells, row by row.
  const newRows: string[] = [];
  const newRowsAt = new Map<number, string[]>();
  for (const [row, cells] of [...edit.cells.entries()].sort((a, b) => a[0] - b[0])) {
    const target = targets.get(row);
    const sorted = [...cells.entries()].sort((a, b) => a[0] - b[0]);
    if (!target) {
      const text = sorted.map(([c, cell]) => cellXml(p, a1(row, c), resolve(cell, undefined))).join('');
      if (text === '') continue;
      const next = rowStarts.find(([n]) => n > row);
      const xmlRow = `<${p}row r="${row}">${text}</${p}row>`;
      if (next) {
        const list = newRowsAt.get(next[1]) ?? [];
        list.push(xmlRow);
        newRowsAt.set(next[1], list);
      } else newRows.push(xmlRow);
      continue;
    }
    const inserts: Splice[] = [];
    let touched = false;
    for (const [c, cell] of sorted) {
      const existing = target.cells.find((x) => x.column === c);
      if (existing && cell.onlyIfEmpty && existing.hasValue) continue;
      const text = cellXml(p, a1(row, c), resolve(cell, existing?.style));
      touched = true;
      if (existing) inserts.push({ start: existing.span.start, end: existing.span.end, text });
      else {
        const after = target.cells.find((x) => x.column > c);
        const at = after ? after.span.start : target.span.closeStart;
        inserts.push({ start: at, end: at, text });
      }
    }
    if (!touched) continue;
    const attrs = widenSpans(target.attributes, sorted.map(([c]) => c));
    if (target.span.selfClosing) {
      splices.push({ start: target.span.start, end: target.span.end, text: `<${target.name}${attributes(Object.entries(attrs))}>${inserts.map((i) => i.text).join('')}</${target.name}>` });
    } else {
      if (attrs !== target.attributes) splices.push({ start: target.span.start, end: target.span.openEnd, text: `<${target.name}${attributes(Object.entries(attrs))}>` });
      splices.push(...inserts);
    }
  }
  for (const [at, rows] of newRowsAt) splices.push({ start: at, end: at, text: rows.join('') });
  if (newRows.length > 0) {
    if (sheetData.span.selfClosing) splices.push({ start: sheetData.span.start, end: sheetData.span.end, text: `<${sheetData.tag.name}>${newRows.join('')}</${sheetData.tag.name}>` });
    else splices.push({ start: sheetData.span.closeStart, end: sheetData.span.closeStart, text: newRows.join('') });
  }

  // Columns kap adds: their width and default format, splitting a range of the user's that covers them.
  if (edit.columns.length > 0) {
    const mine = new Map(edit.columns.map((c) => [c.column, c]));
    const out: [number, string][] = [];
    const covered = new Set<number>();
    for (const col of cols) {
      const inside = [...mine.keys()].filter((c) => c >= col.min && c <= col.max).sort((a, b) => a - b);
      if (inside.length === 0) {
        out.push([col.min, xml.slice(col.event.span.start, col.event.span.end)]);
        continue;
      }
      const attrs = col.event.tag.attributes;
      let from = col.min;
      for (const c of inside) {
        covered.add(c);
        if (c > from) out.push([from, colXml(col.event.tag.name, { ...attrs, min: String(from), max: String(c - 1) })]);
        out.push([c, colXml(col.event.tag.name, mergeColumn({ ...attrs, min: String(c), max: String(c) }, mine.get(c)!))]);
        from = c + 1;
      }
      if (from <= col.max) out.push([from, colXml(col.event.tag.name, { ...attrs, min: String(from), max: String(col.max) })]);
    }
    for (const [c, draft] of mine) if (!covered.has(c)) out.push([c, colXml(`${p}col`, mergeColumn({ min: String(c), max: String(c) }, draft))]);
    const text = out
      .sort((a, b) => a[0] - b[0])
      .map(([, t]) => t)
      .join('');
    if (colsElement && !colsElement.span.selfClosing) splices.push({ start: colsElement.span.openEnd, end: colsElement.span.closeStart, text });
    else if (colsElement) splices.push({ start: colsElement.span.start, end: colsElement.span.end, text: `<${colsElement.tag.name}>${text}</${colsElement.tag.name}>` });
    else splices.push({ start: sheetData.span.start, end: sheetData.span.start, text: `<${p}cols>${text}</${p}cols>` });
  }

  // Drop-downs: appended to the sheet's own list, the user's untouched; none where the user has a validation of their own.
  const taken = validated.flatMap((sqref) => sqref.trim().split(/\s+/)).map((ref) => parseRange(ref)).filter((b): b is RangeBox => b !== undefined);
  const newValidations = edit.validations.filter((v) => {
    const box = parseRange(v.range);
    return box !== undefined && !taken.some((t) => overlap(t, box));
  });
  if (newValidations.length > 0) {
    const added = newValidations.map((v) => dataValidationXml(p, v)).join('');
    if (validations && !validations.span.selfClosing) {
      const count = Number(validations.tag.attributes.count ?? 0) + newValidations.length;
      splices.push({ start: validations.span.start, end: validations.span.openEnd, text: `<${validations.tag.name}${attributes(Object.entries({ ...validations.tag.attributes, count: String(count) }))}>` });
      splices.push({ start: validations.span.closeStart, end: validations.span.closeStart, text: added });
    } else {
      const name = validations?.tag.name ?? `${p}dataValidations`;
      const text = `<${name} count="${newValidations.length}">${added}</${name}>`;
      if (validations) splices.push({ start: validations.span.start, end: validations.span.end, text });
      else {
        const at = insertionPointFor('worksheet', 'dataValidations', topLevel, root);
        splices.push({ start: at, end: at, text });
      }
    }
  }
  return applySplices(xml, splices);
}

function overlap(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function resolve(cell: CellEdit, existing: number | undefined): CellDraft {
  const style = typeof cell.style === 'function' ? cell.style(existing) : (cell.style ?? existing);
  return { value: cell.value, result: cell.result, style };
}

/** A row's `spans` hint (`1:5`) widened to the columns written into it; the attributes unchanged when it already covers them. */
function widenSpans(attrs: Record<string, string>, columns: number[]): Record<string, string> {
  const spans = attrs.spans;
  if (!spans) return attrs;
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  if (!m) return attrs;
  const lo = Math.min(Number(m[1]), ...columns);
  const hi = Math.max(Number(m[2]), ...columns);
  if (lo === Number(m[1]) && hi === Number(m[2])) return attrs;
  return { ...attrs, spans: `${lo}:${hi}` };
}

function mergeColumn(attrs: Record<string, string>, draft: ColumnDraft): Record<string, string> {
  const out = { ...attrs };
  if (draft.width !== undefined) {
    out.width = String(draft.width);
    out.customWidth = '1';
  }
  if (draft.style !== undefined) out.style = String(draft.style);
  // A column kap fills is shown, whatever the user's range around it said.
  delete out.hidden;
  return out;
}

function colXml(name: string, attrs: Record<string, string>): string {
  return `<${name}${attributes(Object.entries(attrs))}/>`;
}

export { rowOf };
