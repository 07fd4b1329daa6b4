// The XML side of an .xlsx package, for the reader and the writer: saxes
// parsers that ignore namespace prefixes (openpyxl writes `ns0:row`, Excel
// `row`, some tools `x:row`), and the workbook's index parts read into one
// map: which sheet lives in which part, the date system, structure protection.

import { SaxesParser, SaxesTagPlain } from 'saxes';
import { UnreadableWorkbook } from './unreadable-workbook';

/** An element name without its namespace prefix: `ns0:row` and `row` are the same element. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * An attribute by its local name. Unprefixed attributes have no namespace in
 * XML, so `r`, `t`, `s` are looked up directly; `prefixed` finds `r:id`,
 * `ns1:id` or any other prefix for the relationships namespace.
 */
export function attribute(tag: SaxesTagPlain, local: string, prefixed = false): string | undefined {
  if (!prefixed) return tag.attributes[local];
  for (const name in tag.attributes) {
    const colon = name.indexOf(':');
    if (colon >= 0 && !name.startsWith('xmlns') && name.slice(colon + 1) === local) return tag.attributes[name];
  }
  return undefined;
}

export interface XmlHandlers {
  open?(tag: SaxesTagPlain, local: string, parser: SaxesParser): void;
  close?(tag: SaxesTagPlain, local: string, parser: SaxesParser): void;
  text?(text: string): void;
}

/** A saxes parser wired to the handlers; names arrive without prefixes. `part` names the part in errors. */
export function xmlParser(part: string, handlers: XmlHandlers, trackPosition = false): SaxesParser {
  const parser = new SaxesParser({ xmlns: false, position: trackPosition });
  const locals = new Map<string, string>();
  const local = (name: string): string => {
    let l = locals.get(name);
    if (l === undefined) locals.set(name, (l = localName(name)));
    return l;
  };
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(tag, local(tag.name), parser));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag, local(tag.name), parser));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.on('error', (e) => {
    throw new UnreadableWorkbook(`the file is damaged (part ${part} is not well-formed XML: ${e.message.split('\n')[0]}): save it again from Excel, Google Sheets or LibreOffice`);
  });
  return parser;
}

const CHUNK = 1 << 20;

/** Parses a part's bytes in 1 MB pieces, so a large sheet is never one large string. */
export function parseBytes(part: string, bytes: Uint8Array, handlers: XmlHandlers): void {
  const parser = xmlParser(part, handlers);
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < bytes.length; at += CHUNK) {
    parser.write(decoder.decode(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), { stream: true }));
  }
  parser.write(decoder.decode());
  parser.close();
}

export const REL_TYPE = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, as a zip path (`xl/worksheets/sheet1.xml`); undefined for external targets. */
  part?: string;
}

/** A relationships part, with targets resolved against the folder of the part that owns them. */
export function parseRels(part: string, bytes: Uint8Array | undefined, ownerFolder: string): Relationship[] {
  const rels: Relationship[] = [];
  if (!bytes) return rels;
  parseBytes(part, bytes, {
    open(tag, local) {
      if (local !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const type = attribute(tag, 'Type') ?? '';
      const target = attribute(tag, 'Target');
      if (!id) return;
      const external = attribute(tag, 'TargetMode') === 'External';
      rels.push({ id, type, part: external || target === undefined ? undefined : resolvePart(ownerFolder, target) });
    },
  });
  return rels;
}

/** A relationship target as a zip path: absolute (`/xl/...`) or relative to the owner's folder, `..` resolved. */
export function resolvePart(folder: string, target: string): string {
  const decoded = safeDecode(target);
  const parts = (decoded.startsWith('/') ? decoded.slice(1) : `${folder}/${decoded}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** One entry of the workbook's sheet list. */
export interface SheetEntry {
  name: string;
  relId: string;
  /** The zip path of its part, when the relationship resolves. */
  part?: string;
  /** A worksheet (cells), as opposed to a chart sheet, dialog sheet or macro sheet. */
  isWorksheet: boolean;
  state?: string;
}

export interface WorkbookIndex {
  sheets: SheetEntry[];
  /** The workbook counts dates from 1904 (old Mac Excel, Numbers). */
  date1904: boolean;
  /** Workbook structure protection forbids adding, removing or renaming sheets. */
  structureLocked: boolean;
  stylesPart?: string;
  sharedStringsPart?: string;
  rels: Relationship[];
  /** The workbook part (`xl/workbook.xml` nearly always) and its relationships part. */
  part: string;
  relsPart: string;
}

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
export const PACKAGE_RELS = '_rels/.rels';

/** `xl/worksheets/sheet3.xml` -> `xl/worksheets/_rels/sheet3.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Where the workbook part is: the target of the package's officeDocument
 * relationship (`_rels/.rels`). Every spreadsheet program writes
 * `xl/workbook.xml`, but the format allows any path.
 */
export function workbookPartOf(packageRels: Uint8Array | undefined): string {
  const rel = parseRels(PACKAGE_RELS, packageRels, '').find((r) => r.type.endsWith('/officeDocument') && r.part);
  return rel?.part ?? WORKBOOK_PART;
}

const truthy = (v: string | undefined): boolean => v === '1' || v === 'true' || v === 'on';

/** The workbook's sheet list, date system and protection, from the workbook part (`part`) and its relationships. */
export function readWorkbookIndex(workbookXml: Uint8Array, relsXml: Uint8Array | undefined, part = WORKBOOK_PART): WorkbookIndex {
  const relsPart = relsPartOf(part);
  const rels = parseRels(relsPart, relsXml, part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '');
  const byId = new Map(rels.map((r) => [r.id, r]));
  const index: WorkbookIndex = { sheets: [], date1904: false, structureLocked: false, rels, part, relsPart };
  parseBytes(part, workbookXml, {
    open(tag, local) {
      if (local === 'sheet') {
        const relId = attribute(tag, 'id', true) ?? '';
        const rel = byId.get(relId);
        index.sheets.push({
          name: attribute(tag, 'name') ?? '',
          relId,
          part: rel?.part,
          isWorksheet: rel?.type.endsWith('/worksheet') ?? false,
          state: attribute(tag, 'state'),
        });
      } else if (local === 'workbookPr') {
        index.date1904 = truthy(attribute(tag, 'date1904'));
      } else if (local === 'workbookProtection') {
        index.structureLocked = truthy(attribute(tag, 'lockStructure'));
      }
    },
  });
  index.stylesPart = rels.find((r) => r.type.endsWith('/styles'))?.part;
  index.sharedStringsPart = rels.find((r) => r.type.endsWith('/sharedStrings'))?.part;
  return index;
}
