// The parts a part owns through its relationships: the notes, drawings,
// threaded comments and tables of a sheet (and what a drawing points to), so
// that kap can replace its own Review sheet without leaving the old one's
// notes attached to the new one. A part something else also points to (a
// workbook-wide persons list, an image another sheet shows) is never owned.

import { parseRels, Relationship, relsPartOf } from './package-xml';
import { applySplices, Splice, walkElements } from './xml-text';

/** `xl/worksheets/_rels/sheet3.xml.rels` -> `xl/worksheets/sheet3.xml`; `_rels/.rels` -> '' (the package). */
function ownerOf(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPart);
  return m ? m[1] + m[2] : '';
}

function folderOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** Every relationships part of a package, read: rels part -> its relationships (targets as zip paths). */
export function readAllRels(files: ReadonlyMap<string, Uint8Array>): Map<string, Relationship[]> {
  const out = new Map<string, Relationship[]>();
  for (const [name, bytes] of files) if (name.endsWith('.rels')) out.set(name, parseRels(name, bytes, folderOf(ownerOf(name))));
  return out;
}

/**
 * The parts only `part` leads to, and their relationships parts, `part`'s own
 * rels part included: what goes when `part` is replaced whole.
 */
export function ownedParts(part: string, rels: ReadonlyMap<string, Relationship[]>): Set<string> {
  const targets = (owner: string): string[] => (rels.get(relsPartOf(owner)) ?? []).map((r) => r.part).filter((p): p is string => p !== undefined);
  const reachable = new Set<string>();
  const walk = (from: string): void => {
    for (const t of targets(from)) {
      if (t === part || reachable.has(t)) continue;
      reachable.add(t);
      walk(t);
    }
  };
  walk(part);
  // Drop what something outside is also pointing to, until nothing changes (dropping one may expose its children).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [relsPart, list] of rels) {
      const owner = ownerOf(relsPart);
      if (owner === part || reachable.has(owner)) continue;
      for (const r of list) {
        if (r.part && reachable.delete(r.part)) changed = true;
      }
    }
  }
  const owned = new Set<string>();
  if (rels.has(relsPartOf(part))) owned.add(relsPartOf(part));
  for (const p of reachable) {
    owned.add(p);
    if (rels.has(relsPartOf(p))) owned.add(relsPartOf(p));
  }
  return owned;
}

/** [Content_Types].xml without the Override entries of removed parts; every other byte as it was. */
export function withoutOverrides(xml: string, part: string, removed: ReadonlySet<string>): string {
  const splices: Splice[] = [];
  walkElements(part, xml, (e) => {
    if (e.path.length !== 1 || e.local !== 'Override') return;
    const name = (e.tag.attributes.PartName ?? '').replace(/^\//, '');
    let decoded = name;
    try {
      decoded = decodeURI(name);
    } catch {
      // a malformed escape: compare as written
    }
    if (removed.has(decoded) || removed.has(name)) splices.push({ start: e.span.start, end: e.span.end, text: '' });
  });
  return applySplices(xml, splices);
}
