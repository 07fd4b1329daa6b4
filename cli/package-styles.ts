// xl/styles.xml as kap extends it: the few cell formats kap's cells need
// (header, title, wrapped text, number formats, quote prefix) are appended to
// the workbook's own lists, never renumbering what is there, and found again
// on the next run instead of being appended twice. New fonts start from the
// workbook's default font, so kap's headers wear the user's typeface.

import { SaxesTagPlain } from 'saxes';
import { isDateNumberFormat } from './package-reader';
import { attributes, ElementEvent, prefixOf, Splice, applySplices, walkElements } from './xml-text';

/** What a cell kap writes looks like; every field optional. */
export interface CellStyle {
  bold?: boolean;
  /** Font size in points (the title). */
  size?: number;
  /** Solid fill, ARGB (`FFDCE6F1`). */
  fill?: string;
  /** Thin bottom border, ARGB. */
  bottomBorder?: string;
  wrap?: boolean;
  vertical?: 'top' | 'center';
  numberFormat?: string;
  /** Excel keeps the cell's text as text when the user edits it. */
  quotePrefix?: boolean;
}

/** Number formats every spreadsheet knows by id (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };
/** The order of styleSheet's children (ECMA-376 CT_Stylesheet), for inserting a list the file lacks. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as const;
type ListName = (typeof LISTS)[number];

interface List {
  /** The list element itself, when the file has it. */
  element?: ElementEvent;
  /** Each child's exact text, in order: its index is its id (numFmts: ids are attributes). */
  items: string[];
  added: string[];
}

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class StylesEditor {
  private readonly lists = new Map<ListName, List>();
  private readonly numFmtIds = new Map<string, number>();
  private readonly xfAttributes: Record<string, string>[] = [];
  private readonly xfInner: string[] = [];
  private maxNumFmtId = 163;
  private prefix = '';
  private root?: ElementEvent;
  /** The default font's children (local name, exact text), copied into every font kap adds. */
  private defaultFont: [string, string][] | undefined;
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly xml: string,
    part = 'xl/styles.xml',
  ) {
    for (const name of LISTS) this.lists.set(name, { items: [], added: [] });
    let fontIndex = -1;
    walkElements(
      part,
      xml,
      (e) => {
        const parent = e.path[e.path.length - 1];
        if (e.path.length === 0) this.root = e;
        if (e.path.length === 3 && parent === 'font' && fontIndex === -1) (this.defaultFont ??= []).push([e.local, xml.slice(e.span.start, e.span.end)]);
        if (e.path.length === 1 && (LISTS as readonly string[]).includes(e.local)) this.lists.get(e.local as ListName)!.element = e;
        if (e.path.length !== 2 || !(LISTS as readonly string[]).includes(parent)) return;
        const text = xml.slice(e.span.start, e.span.end);
        this.lists.get(parent as ListName)!.items.push(text);
        if (e.local === 'numFmt') {
          const id = Number(e.tag.attributes.numFmtId);
          this.numFmtIds.set(e.tag.attributes.formatCode ?? '', id);
          if (id > this.maxNumFmtId) this.maxNumFmtId = id;
        } else if (e.local === 'font') {
          fontIndex++;
          this.defaultFont ??= [];
        } else if (e.local === 'xf' && parent === 'cellXfs') {
          this.xfAttributes.push({ ...e.tag.attributes });
          this.xfInner.push(e.span.selfClosing ? '' : xml.slice(e.span.openEnd, e.span.closeStart));
        }
      },
      (e) => {
        if (e.path.length === 0) this.prefix = prefixOf(e.tag.name);
      },
    );
  }

  /** The cellXfs index for a style, appended the first time it is needed. */
  xf(style: CellStyle): number {
    const key = JSON.stringify(style);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const p = this.prefix;
    const fontId = style.bold || style.size ? this.item('fonts', this.font(style)) : 0;
    const fillId = style.fill ? this.item('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${style.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`) : 0;
    const borderId = style.bottomBorder
      ? this.item('borders', `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color rgb="${style.bottomBorder}"/></${p}bottom><${p}diagonal/></${p}border>`)
      : 0;
    const numFmtId = style.numberFormat ? this.numFmt(style.numberFormat) : 0;
    const alignment = style.wrap || style.vertical ? `<${p}alignment${attributes([['vertical', style.vertical], ['wrapText', style.wrap ? 1 : undefined]])}/>` : '';
    const xf =
      `<${p}xf${attributes([
        ['numFmtId', numFmtId],
        ['fontId', fontId],
        ['fillId', fillId],
        ['borderId', borderId],
        ['xfId', 0],
        ['quotePrefix', style.quotePrefix ? 1 : undefined],
        ['applyNumberFormat', numFmtId ? 1 : undefined],
        ['applyFont', fontId ? 1 : undefined],
        ['applyFill', fillId ? 1 : undefined],
        ['applyBorder', borderId ? 1 : undefined],
        ['applyAlignment', alignment ? 1 : undefined],
      ])}` + (alignment ? `>${alignment}</${p}xf>` : '/>');
    const id = this.item('cellXfs', xf);
    this.cache.set(key, id);
    return id;
  }

  /** A copy of an existing cell format with its number format or quote prefix changed: a user's cell keeps its look. */
  derivedXf(base: number, change: { numberFormat?: string; quotePrefix?: boolean }): number {
    const attrs = this.xfAttributes[base];
    if (!attrs) return this.xf(change);
    const next: Record<string, string> = { ...attrs };
    if (change.numberFormat !== undefined) {
      next.numFmtId = String(this.numFmt(change.numberFormat));
      next.applyNumberFormat = '1';
    }
    if (change.quotePrefix) next.quotePrefix = '1';
    const inner = this.xfInner[base];
    const p = this.prefix;
    const xf = `<${p}xf${attributes(Object.entries(next))}` + (inner ? `>${inner}</${p}xf>` : '/>');
    return this.item('cellXfs', xf);
  }

  /** Whether a cell format shows its cell as a date. */
  isDateXf(xf: number): boolean {
    const id = Number(this.xfAttributes[xf]?.numFmtId ?? 0);
    const code = [...this.numFmtIds.entries()].find(([, n]) => n === id)?.[0];
    return isDateNumberFormat(id, code);
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    return LISTS.some((n) => this.lists.get(n)!.added.length > 0);
  }

  /** The styles part with kap's additions appended to each list, counts updated, every other byte as it was. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const p = this.prefix;
    for (const name of LISTS) {
      const list = this.lists.get(name)!;
      if (list.added.length === 0) continue;
      const count = list.items.length + list.added.length;
      const el = list.element;
      if (el) {
        const tag = startTag(p, name, { ...el.tag.attributes, count: String(count) });
        if (el.span.selfClosing) {
          splices.push({ start: el.span.start, end: el.span.end, text: `${tag}${list.added.join('')}</${p}${name}>` });
        } else {
          splices.push({ start: el.span.start, end: el.span.openEnd, text: tag });
          splices.push({ start: el.span.closeStart, end: el.span.closeStart, text: list.added.join('') });
        }
      } else {
        const at = this.insertionPoint(name);
        splices.push({ start: at, end: at, text: `<${p}${name} count="${count}">${list.added.join('')}</${p}${name}>` });
      }
    }
    return applySplices(this.xml, splices);
  }

  private insertionPoint(name: ListName): number {
    const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1);
    for (const l of later) {
      const el = (LISTS as readonly string[]).includes(l) ? this.lists.get(l as ListName)!.element : undefined;
      if (el) return el.span.start;
    }
    if (!this.root) throw new Error('xl/styles.xml has no styleSheet');
    return this.root.span.closeStart;
  }

  private font(style: CellStyle): string {
    const p = this.prefix;
    const children = this.defaultFont ?? [
      ['sz', `<${p}sz val="11"/>`],
      ['name', `<${p}name val="Calibri"/>`],
    ];
    const kept = children.filter(([local]) => local !== 'b' && !(style.size && local === 'sz')).map(([, text]) => text);
    const inner = kept.join('') + (style.size ? `<${p}sz val="${style.size}"/>` : '');
    return `<${p}font>${style.bold ? `<${p}b/>` : ''}${inner}</${p}font>`;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmtIds.set(code, id);
    this.lists.get('numFmts')!.added.push(`<${this.prefix}numFmt${attributes([['numFmtId', id], ['formatCode', code]])}/>`);
    return id;
  }

  /** The index of an item in a list: an identical one already there (kap's own, from an earlier run), or a new one at the end. */
  private item(name: Exclude<ListName, 'numFmts'>, text: string): number {
    const list = this.lists.get(name)!;
    const at = list.items.indexOf(text);
    if (at >= 0) return at;
    const added = list.added.indexOf(text);
    if (added >= 0) return list.items.length + added;
    list.added.push(text);
    return list.items.length + list.added.length - 1;
  }
}

function startTag(prefix: string, name: string, attrs: SaxesTagPlain['attributes']): string {
  return `<${prefix}${name}${attributes(Object.entries(attrs))}>`;
}
