// kap's writer for a workbook the user already has: it adds or replaces only
// the parts kap owns and leaves every other part of the package as it was,
// byte for byte after decompression (JSZip copies untouched entries without
// even recompressing them).
//
// What it writes:
//   - the Review sheet: its own part, replaced whole on every run (a new Review
//     is added as the last sheet), with what the old one owned (notes, drawings,
//     threaded comments someone added in Excel or LibreOffice) removed, so
//     nothing stale hangs on the new one;
//   - new plan sheets (`kap new` on a workbook that lacks them), added last;
//   - in existing plan sheets, only the cells, column widths/formats and
//     drop-downs of the columns and Plan fields `kap new` adds;
//   - the index parts, only extended: an Override in [Content_Types].xml, a
//     <sheet> in xl/workbook.xml and a Relationship in its rels per new sheet;
//   - xl/styles.xml, only appended (fonts, fills, borders, number formats and
//     cell formats kap's cells need, found again instead of added twice);
//   - when kap wrote formulas (the Capacity sheet's), `fullCalcOnLoad="1"` on
//     xl/workbook.xml's calcPr, so Excel recalculates them on opening.
// New sheets use the workbook's own namespaces (transitional or Strict).
// Text is written as inline strings, so xl/sharedStrings.xml never changes.
//
// API for other commands (kap approve writes a few cells of an existing sheet):
//   await writeCells(file, 'Commitments', [{ cell: 'K7', value: 'Yes' }, { cell: 'L7', value: { date: day } }], { force })
//     opens FILE with every file-safety check, writes the cells (a LayoutCell
//     each: text stays text, never a formula; a DateCell gets a date format if
//     the cell has none; null clears the value), keeps each cell's own style,
//     and saves atomically. Throws UnreadableWorkbook with a one-line reason.
//   WorkbookPackage.load(bytes) / .writeCells(sheet, cells) / .toBuffer()
//     the same on bytes, for several edits in one save.

import JSZip from 'jszip';
import { a1, parseRange } from '../core/a1';
import { checkPlan } from '../core/check';
import { needsQuote } from '../core/inert';
import { isDate, isFormula, LayoutCell, NUMBER_FORMATS } from '../core/layout/cells';
import { ReviewLayout } from '../core/layout/review';
import { ColumnFormat, SheetLayout, TemplateLayout } from '../core/layout/template';
import { SheetGrid, WorkbookInput } from '../core/read';
import { columnOf, readPlanPackage, rowOf } from './package-reader';
import { readWorkbookIndex, REL_TYPE, WorkbookIndex } from './package-xml';
import { CellStyle, EMPTY_STYLES, StylesEditor } from './package-styles';
import { CellEdit, editSheet, isProtected, ProtectedSheet, SheetEdit } from './sheet-editor';
import { ownedParts, readAllRels, withoutOverrides } from './package-relations';
import { CellDraft, ColumnDraft, emptyDraft, REL_NS, setCell, SheetDraft, SheetNamespaces, STRICT, STRICT_MAIN_NS, STRICT_REL_NS, TRANSITIONAL, worksheetXml } from './sheet-xml';
import { blockCells, HEADER_LINES, wrappedRowLines } from '../core/layout/print';
import { printedParts, SheetPrint } from './sheet-print';
import { UnreadableWorkbook } from './unreadable-workbook';
import { applySplices, attributes, ElementEvent, prefixOf, walkElements } from './xml-text';
import { openForWrite, writeTarget } from './file-safety';
import { insertionPointFor } from './schema-order';

const CONTENT_TYPES = '[Content_Types].xml';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const HEADER: CellStyle = { bold: true, fill: 'FFDCE6F1', bottomBorder: 'FF7F9DB9', wrap: true, vertical: 'center' };
const TITLE: CellStyle = { bold: true, size: 14 };
/** Points per line of 11-point text: the height Excel and LibreOffice give a default row. */
const LINE_HEIGHT = 15;

/** One cell for writeCells: an A1 address and what to put there. */
export interface CellValue {
  cell: string;
  value: LayoutCell;
}

/** Refused because kap would have to weaken a protection the user set. */
function protectedSheetProblem(sheet: string): UnreadableWorkbook {
  return new UnreadableWorkbook(`the sheet ${sheet} is protected, and kap never writes into a protected sheet: unprotect it (Review > Unprotect Sheet), run kap again, and protect it again`);
}

export class WorkbookPackage {
  private styles?: StylesEditor;
  private readonly changedParts = new Map<string, string>();
  private readonly removedParts = new Set<string>();
  private readonly newSheets: { name: string; part: string }[] = [];
  private namespaces?: SheetNamespaces;
  private wroteFormulas = false;
  /** How each sheet kap writes prints (cli/sheet-print.ts keeps a user's own setup on a sheet kap does not own). */
  private readonly prints = new Map<string, SheetPrint>();

  private constructor(
    private readonly zip: JSZip,
    readonly index: WorkbookIndex,
    private readonly bytes: Buffer,
  ) {}

  /** Opens a package; `index` is the one the reader already made of the same bytes, when there is one. */
  static async load(bytes: Buffer, index?: WorkbookIndex): Promise<WorkbookPackage> {
    const known = index ?? readPlanPackage(bytes, 'the workbook').index;
    return new WorkbookPackage(await JSZip.loadAsync(bytes), known, bytes);
  }

  sheetNames(): string[] {
    return this.index.sheets.map((s) => s.name);
  }

  /** The plan sheets' values as they are on disk (before this package's edits). */
  input(): WorkbookInput {
    return readPlanPackage(this.bytes, 'the workbook').input;
  }

  /** Writes the Review sheet whole: in its own part when it exists, as a new last sheet otherwise. */
  async applyReview(layout: ReviewLayout): Promise<void> {
    const styles = await this.stylesEditor();
    const draft = emptyDraft();
    const width = Math.max(1, ...layout.values.map((r) => r.length));
    const headers = new Set(layout.headerRows);
    const lines = wrappedRowLines(blockCells([{ row: 1, column: 1, values: layout.values }]), layout.formats);
    for (const row of layout.headerRows) lines.set(row, Math.max(lines.get(row) ?? 1, HEADER_LINES));
    layout.values.forEach((values, i) => {
      const row = i + 1;
      for (let column = 1; column <= width; column++) {
        const value = values[column - 1] ?? null;
        if (value === null) continue;
        const style: CellStyle = {};
        if (row === 1 && column === 1) Object.assign(style, TITLE);
        else if (headers.has(row)) Object.assign(style, HEADER);
        const format = layout.formats.find((f) => f.column === column && row >= f.fromRow && row <= f.toRow);
        if (format?.wrap) Object.assign(style, { wrap: true, vertical: 'top' });
        if (lines.has(row)) style.vertical = 'top';
        Object.assign(style, valueStyle(value, format));
        setCell(draft, row, column, { value, style: styles.xf(style) || undefined });
      }
    });
    for (const [row, n] of lines) draft.rowHeights.set(row, n * LINE_HEIGHT);
    this.prints.set(layout.name, { setup: layout.print, owned: true });
    draft.columns = layout.formats.filter((f) => f.width !== undefined).map((f) => ({ column: f.column, width: f.width }));
    draft.freezeRows = layout.freezeRows;
    const existing = this.index.sheets.find((s) => s.name === layout.name);
    const ns = await this.sheetNamespaces();
    if (existing?.part && existing.isWorksheet) {
      if (isProtected(await this.text(existing.part), existing.part)) throw protectedSheetProblem(layout.name);
      this.changedParts.set(existing.part, worksheetXml(draft, ns));
      await this.removeOwnedBy(existing.part);
    } else {
      this.addSheet(layout.name, worksheetXml(draft, ns));
    }
  }

  /** Writes what the template layout says is missing: new sheets whole, new columns and fields into existing ones. */
  async applyTemplate(layout: TemplateLayout, input: WorkbookInput): Promise<void> {
    const styles = await this.stylesEditor();
    const results = capacityResults(input, layout);
    const ns = await this.sheetNamespaces();
    if (layout.sheets.some((s) => s.blocks.some((b) => b.values.some((r) => r.some((v) => v !== null && isFormula(v)))))) this.wroteFormulas = true;
    for (const sheet of layout.sheets) {
      this.prints.set(sheet.name, { setup: sheet.print, owned: sheet.isNew });
      if (sheet.isNew) {
        this.addSheet(sheet.name, worksheetXml(this.newSheetDraft(sheet, styles, results.get(sheet.name)), ns));
        continue;
      }
      const entry = this.index.sheets.find((s) => s.name === sheet.name);
      if (!entry?.part) continue;
      const xml = await this.text(entry.part);
      try {
        this.changedParts.set(entry.part, editSheet(xml, entry.part, this.existingSheetEdit(sheet, styles, results.get(sheet.name))));
      } catch (e) {
        if (e instanceof ProtectedSheet) throw protectedSheetProblem(sheet.name);
        throw e;
      }
    }
  }

  /** Writes a few cells of an existing worksheet, each keeping its own style (see the top of this file). */
  async writeCells(sheetName: string, cells: readonly CellValue[]): Promise<void> {
    const entry = this.index.sheets.find((s) => s.name === sheetName);
    if (!entry?.part || !entry.isWorksheet) throw new UnreadableWorkbook(`the workbook has no worksheet named ${sheetName}`);
    const styles = await this.stylesEditor();
    const edit: SheetEdit = { cells: new Map(), columns: [], validations: [] };
    for (const { cell, value } of cells) {
      const row = rowOf(cell);
      const column = columnOf(cell);
      if (!/^[A-Z]{1,3}[1-9]\d*$/i.test(cell) || row < 1 || column < 1) throw new UnreadableWorkbook(`${cell} is not a cell address`);
      let r = edit.cells.get(row);
      if (!r) edit.cells.set(row, (r = new Map()));
      r.set(column, userCell(value, styles));
    }
    const previous = this.changedParts.get(entry.part) ?? (await this.text(entry.part));
    try {
      this.changedParts.set(entry.part, editSheet(previous, entry.part, edit));
    } catch (e) {
      if (e instanceof ProtectedSheet) throw protectedSheetProblem(sheetName);
      throw e;
    }
  }

  /** The package with kap's edits, every untouched entry copied as it was. */
  async toBuffer(): Promise<Buffer> {
    if (this.newSheets.length > 0) await this.registerSheets();
    if (this.wroteFormulas) this.changedParts.set(this.index.part, withFullCalcOnLoad(await this.current(this.index.part), this.index.part));
    const printed = await printedParts(this.prints, [...this.index.sheets, ...this.newSheets], this.index.part, (p) => this.current(p));
    for (const [part, xml] of printed) this.changedParts.set(part, xml);
    if (this.styles?.changed) {
      if (this.index.stylesPart) this.changedParts.set(this.index.stylesPart, this.styles.toXml());
      else await this.addStylesPart(this.styles.toXml());
    }
    for (const [part, xml] of this.changedParts) {
      const before = this.zip.file(part) ? await this.text(part) : undefined;
      if (before !== xml) this.zip.file(part, xml);
    }
    for (const part of this.removedParts) this.zip.remove(part);
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  /** The folder of the workbook part, with its slash: `xl/` nearly always. */
  private workbookFolder(): string {
    return this.index.part.slice(0, this.index.part.lastIndexOf('/') + 1);
  }

  /** A part as kap's edits so far left it. */
  private async current(part: string): Promise<string> {
    return this.changedParts.get(part) ?? (await this.text(part));
  }

  /** The workbook's namespaces, which the sheets kap adds must share (a Strict workbook's sheets are Strict too). */
  private async sheetNamespaces(): Promise<SheetNamespaces> {
    if (!this.namespaces) {
      let ns = TRANSITIONAL;
      walkElements(this.index.part, await this.text(this.index.part), () => undefined, (e) => {
        if (e.path.length !== 0) return;
        const prefix = prefixOf(e.tag.name);
        const uri = e.tag.attributes[prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns'];
        if (uri === STRICT_MAIN_NS) ns = STRICT;
      });
      this.namespaces = ns;
    }
    return this.namespaces;
  }

  /** Removes the parts only `part` points to (an old Review sheet's notes and drawings) and their content types. */
  private async removeOwnedBy(part: string): Promise<void> {
    const rels = new Map<string, Uint8Array>();
    for (const name of Object.keys(this.zip.files)) if (name.endsWith('.rels') && !this.zip.files[name].dir) rels.set(name, await this.zip.file(name)!.async('uint8array'));
    const owned = ownedParts(part, readAllRels(rels));
    if (owned.size === 0) return;
    for (const p of owned) this.removedParts.add(p);
    this.changedParts.set(CONTENT_TYPES, withoutOverrides(await this.current(CONTENT_TYPES), CONTENT_TYPES, owned));
  }

  private async text(part: string): Promise<string> {
    const file = this.zip.file(part);
    if (!file) throw new UnreadableWorkbook(`the file is damaged (part ${part} is missing)`);
    return file.async('string');
  }

  private async stylesEditor(): Promise<StylesEditor> {
    if (!this.styles) {
      const part = this.index.stylesPart;
      this.styles = new StylesEditor(part && this.zip.file(part) ? await this.text(part) : EMPTY_STYLES, part);
    }
    return this.styles;
  }

  private addSheet(name: string, xml: string): void {
    if (this.index.structureLocked) {
      throw new UnreadableWorkbook(
        `the workbook's structure is protected (Review > Protect Workbook), so kap cannot add the sheet ${name}: unprotect the workbook, run kap again, and protect it again`,
      );
    }
    const taken = new Set([...Object.keys(this.zip.files).map((f) => f.toLowerCase()), ...this.newSheets.map((s) => s.part.toLowerCase())]);
    let n = 1;
    const folder = this.workbookFolder();
    while (taken.has(`${folder}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const part = `${folder}worksheets/sheet${n}.xml`;
    this.newSheets.push({ name, part });
    this.changedParts.set(part, xml);
  }

  /** Extends [Content_Types].xml, xl/workbook.xml and its rels with the new sheets; nothing there is changed or removed. */
  private async registerSheets(): Promise<void> {
    const { part: workbookPart, relsPart } = this.index;
    const rels = this.zip.file(relsPart) ? await this.current(relsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const workbook = await this.current(workbookPart);
    const types = await this.current(CONTENT_TYPES);
    const usedIds = new Set(this.index.rels.map((r) => r.id));
    const worksheetType = this.index.rels.find((r) => r.type.endsWith('/worksheet'))?.type ?? REL_TYPE.worksheet;
    const ids: string[] = [];
    let n = 1;
    for (let i = 0; i < this.newSheets.length; i++) {
      while (usedIds.has(`rId${n}`)) n++;
      usedIds.add(`rId${n}`);
      ids.push(`rId${n}`);
    }
    this.changedParts.set(
      relsPart,
      insertBeforeRootEnd(
        rels,
        relsPart,
        this.newSheets.map((s, i) => `<Relationship${attributes([['Id', ids[i]], ['Type', worksheetType], ['Target', `/${s.part}`]])}/>`),
      ),
    );
    this.changedParts.set(workbookPart, addSheetEntries(workbook, workbookPart, this.newSheets.map((s, i) => ({ name: s.name, relId: ids[i] })), await this.sheetNamespaces()));
    const overrides = this.newSheets.map((s) => `<Override${attributes([['PartName', `/${s.part}`], ['ContentType', WORKSHEET_TYPE]])}/>`);
    this.changedParts.set(CONTENT_TYPES, insertBeforeRootEnd(types, CONTENT_TYPES, overrides));
  }

  private async addStylesPart(xml: string): Promise<void> {
    const part = `${this.workbookFolder()}styles.xml`;
    const relsPart = this.index.relsPart;
    this.changedParts.set(part, xml);
    const used = new Set(this.index.rels.map((r) => r.id));
    let n = 1;
    while (used.has(`rId${n}`) || this.changedParts.get(relsPart)?.includes(`Id="rId${n}"`)) n++;
    const base = await this.current(relsPart);
    this.changedParts.set(relsPart, insertBeforeRootEnd(base, relsPart, [`<Relationship Id="rId${n}" Type="${REL_TYPE.styles}" Target="/${part}"/>`]));
    const types = this.changedParts.get(CONTENT_TYPES) ?? (await this.text(CONTENT_TYPES));
    this.changedParts.set(CONTENT_TYPES, insertBeforeRootEnd(types, CONTENT_TYPES, [`<Override PartName="/${part}" ContentType="${STYLES_TYPE}"/>`]));
  }

  private newSheetDraft(sheet: SheetLayout, styles: StylesEditor, results?: Map<string, string | number>): SheetDraft {
    const draft = emptyDraft();
    forEachLayoutCell(sheet, styles, results, (row, column, cell) => setCell(draft, row, column, cell));
    for (const f of sheet.formats) {
      if (f.fromRow === f.toRow && f.numberFormat) {
        if (!draft.cells.get(f.fromRow)?.has(f.column)) setCell(draft, f.fromRow, f.column, { value: { empty: true }, style: styles.xf({ numberFormat: f.numberFormat }) });
      }
    }
    draft.columns = columnDrafts(sheet.formats, styles);
    draft.validations = validations(sheet.formats);
    draft.freezeRows = sheet.freezeRows;
    for (const [row, n] of wrappedRowLines(blockCells(sheet.blocks), sheet.formats)) draft.rowHeights.set(row, n * LINE_HEIGHT);
    if (sheet.headerCells.columns.length > 0) draft.rowHeights.set(sheet.headerCells.row, HEADER_LINES * LINE_HEIGHT);
    return draft;
  }

  private existingSheetEdit(sheet: SheetLayout, styles: StylesEditor, results?: Map<string, string | number>): SheetEdit {
    const edit: SheetEdit = { cells: new Map(), columns: columnDrafts(sheet.formats, styles), validations: validations(sheet.formats) };
    const put = (row: number, column: number, cell: CellEdit): void => {
      let r = edit.cells.get(row);
      if (!r) edit.cells.set(row, (r = new Map()));
      r.set(column, cell);
    };
    forEachLayoutCell(sheet, styles, results, put);
    // A Plan field's value cell gets its format, unless the user already typed something there.
    for (const f of sheet.formats) {
      if (f.fromRow !== f.toRow || !f.numberFormat || edit.cells.get(f.fromRow)?.has(f.column)) continue;
      const numberFormat = f.numberFormat;
      put(f.fromRow, f.column, { value: { empty: true }, style: (existing) => styles.derivedXf(existing ?? 0, { numberFormat }), onlyIfEmpty: true });
    }
    return edit;
  }
}

/** Every cell a layout writes, with its header, number-format and quote-prefix style, and a formula's cached result. */
function forEachLayoutCell(
  sheet: SheetLayout,
  styles: StylesEditor,
  results: Map<string, string | number> | undefined,
  visit: (row: number, column: number, cell: CellDraft) => void,
): void {
  const headers = new Set(sheet.headerCells.columns.map((c) => `${sheet.headerCells.row}:${c}`));
  for (const block of sheet.blocks) {
    block.values.forEach((values, i) =>
      values.forEach((value, j) => {
        if (value === null) return;
        const row = block.row + i;
        const column = block.column + j;
        const style: CellStyle = headers.has(`${row}:${column}`) ? { ...HEADER } : {};
        Object.assign(style, valueStyle(value, formatAt(sheet.formats, row, column)));
        // Every body cell at the top of its row, beside the first line of any wrapped text.
        if (!headers.has(`${row}:${column}`)) Object.assign(style, { vertical: 'top', wrap: sheet.formats.some((f) => f.wrap && f.column === column && row >= f.fromRow && row <= f.toRow) || undefined });
        visit(row, column, { value, style: styles.xf(style) || undefined, result: results?.get(a1(row, column)) });
      }),
    );
  }
}

/** The number format and quote prefix a value needs. */
function valueStyle(value: Exclude<LayoutCell, null>, format: ColumnFormat | undefined): CellStyle {
  const style: CellStyle = {};
  if (format?.numberFormat) style.numberFormat = format.numberFormat;
  if (isDate(value) && !style.numberFormat) style.numberFormat = NUMBER_FORMATS.date;
  if (typeof value === 'string' && needsQuote(value)) style.quotePrefix = true;
  return style;
}

/** A user's cell written by writeCells: its own style kept, a date format or quote prefix added only where needed. */
function userCell(value: LayoutCell, styles: StylesEditor): CellEdit {
  if (value === null) return { value: { empty: true } };
  if (isDate(value)) return { value, style: (existing) => (styles.isDateXf(existing ?? 0) ? existing : styles.derivedXf(existing ?? 0, { numberFormat: NUMBER_FORMATS.date })) };
  if (typeof value === 'string' && needsQuote(value)) return { value, style: (existing) => styles.derivedXf(existing ?? 0, { quotePrefix: true }) };
  return { value };
}

function formatAt(formats: readonly ColumnFormat[], row: number, column: number): ColumnFormat | undefined {
  return formats.find((f) => f.column === column && row >= f.fromRow && row <= f.toRow && f.numberFormat);
}

/** Widths, and the default format of a column's empty cells where a format covers a range of rows. */
function columnDrafts(formats: readonly ColumnFormat[], styles: StylesEditor): ColumnDraft[] {
  const byColumn = new Map<number, ColumnDraft>();
  for (const f of formats) {
    const range = f.toRow > f.fromRow;
    if (f.width === undefined && !(range && (f.numberFormat || f.wrap))) continue;
    const draft = byColumn.get(f.column) ?? { column: f.column };
    if (f.width !== undefined) draft.width = f.width;
    if (range && (f.numberFormat || f.wrap)) draft.style = styles.xf({ numberFormat: f.numberFormat, ...(f.wrap ? { wrap: true, vertical: 'top' } : {}) });
    byColumn.set(f.column, draft);
  }
  return [...byColumn.values()];
}

function validations(formats: readonly ColumnFormat[]): { range: string; values: string[] }[] {
  return formats.filter((f) => f.list && f.list.length > 0).map((f) => ({ range: `${a1(f.fromRow, f.column)}:${a1(f.toRow, f.column)}`, values: f.list! }));
}

/**
 * The cached results of the live Capacity formulas kap writes: what the core
 * computes for each row once the layout is in place (blank where the row
 * names no team), so viewers that do not recalculate show the right figures.
 */
function capacityResults(input: WorkbookInput, layout: TemplateLayout): Map<string, Map<string, string | number>> {
  const out = new Map<string, Map<string, string | number>>();
  const formulas = layout.sheets.filter((s) => s.key === 'capacity' && s.blocks.some((b) => b.values.some((r) => r.some((v) => v !== null && isFormula(v)))));
  if (formulas.length === 0) return out;
  const after = withLayout(input, layout);
  const result = checkPlan(after, { asOf: 0 });
  const found = result.plan.sheets.capacity;
  if (!found) return out;
  const loads = new Map(result.capacity.map((c) => [c.row, c]));
  const cells = new Map<string, string | number>();
  for (const [column, key] of [
    [found.columns.committedHours, 'committedHours'],
    [found.columns.committedCost, 'committedCost'],
  ] as const) {
    if (column === undefined) continue;
    for (const sheet of formulas) {
      for (const block of sheet.blocks) {
        block.values.forEach((values, i) => {
          const value = values[column - block.column];
          if (value === null || value === undefined || !isFormula(value)) return;
          const row = block.row + i;
          const load = loads.get(row);
          cells.set(a1(row, column), load ? load[key] : '');
        });
      }
    }
  }
  out.set(found.name, cells);
  return out;
}

/** The grids as they will be once the layout's cells are written (formulas as blanks: the core computes their figures itself). */
function withLayout(input: WorkbookInput, layout: TemplateLayout): WorkbookInput {
  const sheets: SheetGrid[] = input.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) }));
  for (const sheet of layout.sheets) {
    let grid = sheets.find((s) => s.name === sheet.name);
    if (!grid) sheets.push((grid = { name: sheet.name, values: [], firstRow: 1, firstColumn: 1 }));
    for (const block of sheet.blocks) {
      block.values.forEach((values, i) =>
        values.forEach((value, j) => {
          if (value === null || isFormula(value)) return;
          const r = block.row + i - (grid.firstRow ?? 1);
          const c = block.column + j - (grid.firstColumn ?? 1);
          while (grid.values.length <= r) grid.values.push([]);
          grid.values[r][c] = isDate(value) ? new Date(value.date * 86400000) : value;
        }),
      );
    }
  }
  return { sheets };
}

/** The XML with elements appended as the root's last children. */
function insertBeforeRootEnd(xml: string, part: string, elements: string[]): string {
  let rootClose = -1;
  let selfClosing = false;
  let rootName = '';
  walkElements(part, xml, (e) => {
    if (e.path.length === 0) {
      rootClose = e.span.closeStart;
      selfClosing = e.span.selfClosing;
      rootName = e.tag.name;
      if (selfClosing) rootClose = e.span.start;
    }
  });
  const p = prefixOf(rootName);
  const text = elements.map((el) => (p ? el.replace(/^<(\w+)/, `<${p}$1`) : el)).join('');
  if (selfClosing) {
    const end = xml.indexOf('>', rootClose) + 1;
    const open = xml.slice(rootClose, end).replace(/\/>$/, '>');
    return `${xml.slice(0, rootClose)}${open}${text}</${rootName}>${xml.slice(end)}`;
  }
  return xml.slice(0, rootClose) + text + xml.slice(rootClose);
}

/** xl/workbook.xml with `<sheet>` entries appended to its sheet list; `r:id` in the workbook's own relationships namespace. */
function addSheetEntries(xml: string, part: string, sheets: { name: string; relId: string }[], namespaces: SheetNamespaces): string {
  let sheetsClose = -1;
  let prefix = '';
  let relPrefix: string | undefined;
  let maxId = 0;
  walkElements(
    part,
    xml,
    (e) => {
      if (e.local === 'sheets' && e.path.length === 1) sheetsClose = e.span.closeStart;
      if (e.local === 'sheet') maxId = Math.max(maxId, Number(e.tag.attributes.sheetId) || 0);
    },
    (e) => {
      if (e.path.length !== 0) return;
      prefix = prefixOf(e.tag.name);
      for (const [k, v] of Object.entries(e.tag.attributes)) if (k.startsWith('xmlns:') && (v === REL_NS || v === STRICT_REL_NS)) relPrefix = k.slice(6);
    },
  );
  if (sheetsClose < 0) throw new UnreadableWorkbook(`the file is damaged (${part} has no sheet list)`);
  const entries = sheets.map((s, i) => {
    const id = relPrefix ? `${relPrefix}:id` : 'r:id';
    const ns: [string, string | undefined] = ['xmlns:r', relPrefix ? undefined : namespaces.relationships];
    return `<${prefix}sheet${attributes([['name', s.name], ['sheetId', maxId + i + 1], ns, [id, s.relId]])}/>`;
  });
  return xml.slice(0, sheetsClose) + entries.join('') + xml.slice(sheetsClose);
}

/**
 * xl/workbook.xml with `fullCalcOnLoad="1"` on calcPr (added where the workbook
 * has none): the formulas kap wrote carry only the figures kap computed, and
 * Excel recalculates them all on opening. Every other byte as it was.
 */
function withFullCalcOnLoad(xml: string, part: string): string {
  let calcPr: ElementEvent | undefined;
  const children: ElementEvent[] = [];
  let root: ElementEvent | undefined;
  walkElements(part, xml, (e) => {
    if (e.path.length === 0) root = e;
    else if (e.path.length === 1) {
      children.push(e);
      if (e.local === 'calcPr') calcPr = e;
    }
  });
  if (!root) throw new UnreadableWorkbook(`the file is damaged (${part} has no workbook element)`);
  if (calcPr) {
    const value = calcPr.tag.attributes.fullCalcOnLoad;
    if (value === '1' || value === 'true') return xml;
    const tag = `<${calcPr.tag.name}${attributes(Object.entries({ ...calcPr.tag.attributes, fullCalcOnLoad: '1' }))}${calcPr.span.selfClosing ? '/>' : '>'}`;
    return applySplices(xml, [{ start: calcPr.span.start, end: calcPr.span.openEnd, text: tag }]);
  }
  const at = insertionPointFor('workbook', 'calcPr', children, root);
  return applySplices(xml, [{ start: at, end: at, text: `<${prefixOf(root.tag.name)}calcPr fullCalcOnLoad="1"/>` }]);
}

/** Opens FILE for writing with every file-safety check, writes the cells, saves atomically. */
export async function writeCells(file: string, sheetName: string, cells: readonly CellValue[], options: { force?: boolean } = {}): Promise<void> {
  const target = await openForWrite(file, options);
  const pkg = await WorkbookPackage.load(target.bytes);
  await pkg.writeCells(sheetName, cells);
  await writeTarget(target, await pkg.toBuffer());
}

export { readWorkbookIndex, parseRange };
export type { CellDraft };
