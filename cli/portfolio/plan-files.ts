// Which files a portfolio run checks: each PATH is a plan or a folder searched
// recursively for .xlsx files. Lock files that Excel (`~$NAME.xlsx`) and
// LibreOffice (`.~lock.NAME#`) leave beside an open workbook, and hidden files
// and folders (kap's own temporary files among them), are not plans.

import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A PATH that does not exist or cannot be listed: the run cannot start (exit 2). */
export class MissingPath extends Error {}

export interface FoundFiles {
  /** Plan candidates, sorted by path, each once. */
  files: string[];
  /** Folders inside a PATH that could not be listed, with the reason: listed in the report, not fatal. */
  unlisted: { file: string; reason: string }[];
}

function isPlanCandidate(name: string): boolean {
  if (name.startsWith('~$') || name.startsWith('.')) return false;
  return name.toLowerCase().endsWith('.xlsx');
}

/** Files named on the command line are taken as they are; folders give their .xlsx files, recursively. */
export async function findPlanFiles(paths: readonly string[], exclude: readonly string[] = []): Promise<FoundFiles> {
  const seen = new Set<string>();
  const seenDirs = new Set<string>();
  const excluded = new Set<string>();
  for (const file of exclude) excluded.add(await realpath(file).catch(() => path.resolve(file)));
  const files: string[] = [];
  const unlisted: FoundFiles['unlisted'] = [];
  const add = async (file: string): Promise<void> => {
    const real = await realpath(file).catch(() => path.resolve(file));
    if (seen.has(real) || excluded.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    // A symbolic link back up the tree would otherwise loop for ever.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch((e: unknown) => {
      const code = (e as { code?: string }).code;
      unlisted.push({ file: dir, reason: `cannot list the folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message})` });
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        // A dangling link to an .xlsx is still listed, so the run says why it cannot be read.
        isFile = target ? target.isFile() : true;
      }
      if (isDir) await walk(full);
      else if (isFile && isPlanCandidate(entry.name)) await add(full);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) throw new MissingPath(`${p}: no such file or folder`);
    if (info.isDirectory()) {
      await walk(p);
    } else {
      await add(p);
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, unlisted };
}
