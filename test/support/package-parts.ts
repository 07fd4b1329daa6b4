// What the corpus test compares: an .xlsx package as its decompressed parts,
// and an XML part as a tree, so "every original element and attribute is
// still there" can be asked of a part kap was allowed to extend.
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

export type Parts = Map<string, Uint8Array>;

export function partsOf(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith('/')));
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
}

export interface XmlNode {
  name: string;
  /** The name without its namespace prefix. */
  local: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The element's own text (not its children's), whitespace between elements dropped. */
  text: string;
}

export function parseXml(xml: Uint8Array | string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, local: tag.name.replace(/^[^:]*:/, ''), attributes: { ...tag.attributes } as Record<string, string>, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => stack.pop());
  const text = (t: string): void => {
    if (stack.length > 0 && t.trim() !== '') stack[stack.length - 1].text += t;
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(typeof xml === 'string' ? xml : strFromU8(xml)).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** How lenient an "only extended" comparison is, element by element. */
export interface Leniency {
  /** The attribute may have another value in the new part (a list's count, a row's spans). */
  mayChange?(original: XmlNode, attribute: string): boolean;
  /** The original element may be replaced by any element of the same name and key (an empty cell kap fills). */
  mayReplace?(original: XmlNode): boolean;
  /** The original element may be gone (a part kap removed along with the sheet it owned). */
  mayDrop?(original: XmlNode): boolean;
  /** The original element's children must be the first children of the new one, in order, none inserted between. */
  appendOnly?(original: XmlNode): boolean;
}

/**
 * Where `next` loses something of `original`: every element (in order),
 * attribute and text of the original must be in the new tree; new elements
 * and attributes may be added. The first problem found, or undefined.
 */
export function lostFrom(original: XmlNode, next: XmlNode, leniency: Leniency = {}, where = ''): string | undefined {
  const here = `${where}/${original.name}`;
  if (original.name !== next.name) return `${here}: became ${next.name}`;
  if (leniency.mayReplace?.(original)) return undefined;
  for (const [k, v] of Object.entries(original.attributes)) {
    if (next.attributes[k] === v) continue;
    if (next.attributes[k] !== undefined && leniency.mayChange?.(original, k)) continue;
    return `${here}: attribute ${k}="${v}" became ${next.attributes[k] === undefined ? 'missing' : `"${next.attributes[k]}"`}`;
  }
  if (original.text !== next.text) return `${here}: text "${original.text.slice(0, 80)}" became "${next.text.slice(0, 80)}"`;
  if (leniency.appendOnly?.(original)) {
    for (let i = 0; i < original.children.length; i++) {
      const lost = next.children[i] ? lostFrom(original.children[i], next.children[i], {}, here) : `${here}: child ${i + 1} (${original.children[i].name}) is gone`;
      if (lost) return `${here}: entry ${i + 1} changed or moved (${lost})`;
    }
    return undefined;
  }
  let j = 0;
  for (const child of original.children) {
    let found = -1;
    let firstProblem: string | undefined;
    for (let k = j; k < next.children.length; k++) {
      if (next.children[k].name !== child.name || !sameKey(child, next.children[k])) continue;
      const lost = lostFrom(child, next.children[k], leniency, here);
      if (!lost) {
        found = k;
        break;
      }
      firstProblem ??= lost;
    }
    if (found < 0) {
      if (leniency.mayDrop?.(child)) continue;
      return firstProblem ?? `${here}: ${describe(child)} is gone`;
    }
    j = found + 1;
  }
  return undefined;
}

/** Elements with an identity (a cell's address, a row's number, a part name) are only compared with their namesake. */
function sameKey(a: XmlNode, b: XmlNode): boolean {
  for (const key of ['r', 'PartName', 'Id', 'Extension']) {
    if (a.attributes[key] !== undefined) return a.attributes[key] === b.attributes[key];
  }
  return true;
}

function describe(node: XmlNode): string {
  const attrs = Object.entries(node.attributes)
    .slice(0, 3)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<${node.name}${attrs ? ' ' + attrs : ''}>`;
}
