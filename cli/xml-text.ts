// Text and attribute values escaped for the XML kap writes into a package,
// and the tag positions saxes reports turned into offsets of the original
// text, so an edit can splice new XML in and leave every other byte alone.

import { SaxesParser, SaxesTagPlain } from 'saxes';
import { localName, xmlParser } from './package-xml';

/** Characters XML 1.0 does not allow at all (kap drops them rather than write a file Excel refuses). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** `name="value"` pairs, in the order given, for a start tag. */
export function attributes(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter((p): p is [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

/** Where an element sits in the text: `<` of its start tag, just after the start tag's `>`, `<` of its end tag, just after its end. */
export interface Span {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

export interface ElementEvent {
  tag: SaxesTagPlain;
  local: string;
  /** Local names of the open ancestors, outermost first (the element itself not included). */
  path: readonly string[];
  span: Span;
}

/**
 * Walks an XML text and reports every element with its span once it closes.
 * `onOpen` sees elements as they open (span.start and openEnd known).
 */
export function walkElements(part: string, xml: string, onClose: (e: ElementEvent) => void, onOpen?: (e: ElementEvent) => void): void {
  const stack: ElementEvent[] = [];
  const path: string[] = [];
  const parser: SaxesParser = xmlParser(
    part,
    {
      open(tag, local, p) {
        const openEnd = p.position;
        const start = xml.lastIndexOf('<', openEnd - 1 - (tag.isSelfClosing ? 1 : 0));
        const event: ElementEvent = { tag, local, path: [...path], span: { start, openEnd, closeStart: openEnd, end: openEnd, selfClosing: tag.isSelfClosing } };
        onOpen?.(event);
        if (tag.isSelfClosing) {
          onClose(event);
          return;
        }
        stack.push(event);
        path.push(local);
      },
      close(tag, _local, p) {
        if (tag.isSelfClosing) return;
        const event = stack.pop()!;
        path.pop();
        event.span.end = p.position;
        event.span.closeStart = xml.lastIndexOf('<', p.position - 1);
        onClose(event);
      },
    },
    true,
  );
  parser.write(xml);
  parser.close();
}

/** The prefix (with its colon) of an element name: `ns0:` for openpyxl's `ns0:worksheet`, '' for Excel's. */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

/** A text with pieces replaced: each splice replaces [start, end) of the original. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(xml: string, splices: Splice[]): string {
  // Stable by position: two inserts at one offset keep the order they were made in.
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping edits');
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

export { localName };
