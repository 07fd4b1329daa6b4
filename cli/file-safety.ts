// How kap writes a user's workbook without ever hurting it: it refuses a
// read-only file, a file Excel or LibreOffice has open (their lock files
// `~$NAME` and `.~lock.NAME#` beside it) unless --force, and a hard-linked
// file unless --force; it follows a symlink and writes the file it points to;
// it writes a temporary file beside the target, gives it the target's mode and
// owner, flushes it and renames it over the target, so the target is whole or
// untouched; a failure is one plain line and leaves nothing behind.

import { randomBytes } from 'node:crypto';
import { constants, Stats } from 'node:fs';
import { access, chmod, chown, lstat, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileProblem, UnreadableWorkbook } from './unreadable-workbook';

/** A file checked for writing, with its bytes as they were when checked. */
export interface WriteTarget {
  /** The path the user gave. */
  file: string;
  /** The file actually written: the end of any chain of symlinks. */
  real: string;
  stats: Stats;
  bytes: Buffer;
}

/** A write that failed: its reason in plain words, never a temporary file's name. */
export class WriteFailed extends Error {}

/**
 * The owner files an Office app keeps beside a workbook it has open. Excel
 * writes `~$` before the whole name (`~$plan.xlsx`); Word-family apps, and
 * Excel on some shares, put `~$` over the first two characters of a long name
 * (a stem of 8 characters or more: `~$arterly plan.xlsx`) and over the first
 * one of a 7-character stem. Short names only ever get the exact form, so
 * `xyplan.xlsx` is not taken for open when `plan.xlsx` is.
 */
export function ownerFileNames(name: string): { exact: string; shortened?: string } {
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  const cut = stem.length >= 8 ? 2 : stem.length === 7 ? 1 : 0;
  return { exact: `~$${name}`, shortened: cut > 0 ? `~$${name.slice(cut)}` : undefined };
}

/** LibreOffice's lock file beside a workbook it has open. */
export function libreOfficeLockName(name: string): string {
  return `.~lock.${name}#`;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The lock file that says the workbook is open, if there is one. A shortened
 * owner file counts only when no workbook beside it would own it exactly:
 * `~$cdefgh.xlsx` beside `cdefgh.xlsx` is that file's lock, not `abcdefgh.xlsx`'s.
 */
export async function openLock(file: string, real: string): Promise<string | undefined> {
  const places = new Set([path.dirname(path.resolve(file)), path.dirname(real)]);
  const names = new Set([path.basename(file), path.basename(real)]);
  for (const dir of places) {
    for (const name of names) {
      const owner = ownerFileNames(name);
      for (const lock of [owner.exact, libreOfficeLockName(name)]) if (await exists(path.join(dir, lock))) return lock;
      if (owner.shortened && (await exists(path.join(dir, owner.shortened))) && !(await exists(path.join(dir, owner.shortened.slice(2))))) return owner.shortened;
    }
  }
  return undefined;
}

/** The mode bits say read-only even to root, who may write anyway: kap keeps to what the owner set. */
async function isReadOnly(real: string, stats: Stats): Promise<boolean> {
  if ((stats.mode & 0o222) === 0) return true;
  return access(real, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/**
 * Why kap must not replace FILE with a file it made from nothing (`sample
 * --force`, the client copy, the portfolio's --out and --html), if it must
 * not: a read-only file, or (unless `force`) one open in Excel or
 * LibreOffice. A file that is not there is fine.
 */
export async function replaceProblem(file: string, options: { force?: boolean } = {}): Promise<string | undefined> {
  const real = await realpath(file).catch(() => undefined);
  const stats = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (real === undefined || stats === undefined) return undefined;
  if (!stats.isFile()) return 'it is not a regular file, so kap does not replace it';
  if (await isReadOnly(real, stats)) return 'the file is read-only, so kap does not replace it: make it writable, or choose another file name';
  const lock = options.force ? undefined : await openLock(file, real);
  if (lock) return `the file is open in Excel or LibreOffice (lock file ${lock} beside it): close it there and run kap again`;
  return undefined;
}

/** Checks that FILE may be written and reads it; throws UnreadableWorkbook with one line when it may not. */
export async function openForWrite(file: string, options: { force?: boolean } = {}): Promise<WriteTarget> {
  let real: string;
  let stats: Stats;
  try {
    real = await realpath(file);
    stats = await stat(real);
  } catch (e) {
    throw new UnreadableWorkbook(`${file}: ${fileProblem(e)}`);
  }
  if (!stats.isFile()) throw new UnreadableWorkbook(`${file}: not a regular file, so kap does not write it`);
  if (await isReadOnly(real, stats)) throw new UnreadableWorkbook(`${file} is read-only, so kap does not change it: make it writable, or work on a copy`);
  if (!options.force) {
    const lock = await openLock(file, real);
    if (lock) {
      throw new UnreadableWorkbook(`${file} is open in Excel or LibreOffice (lock file ${lock} beside it): close it there and run kap again, or add --force if it is not open`);
    }
    if (stats.nlink > 1) {
      throw new UnreadableWorkbook(`${file} has ${stats.nlink} hard links, and kap's safe save (a new file renamed over the old) would split them: add --force to write it anyway`);
    }
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(real);
  } catch (e) {
    throw new UnreadableWorkbook(`${file}: ${fileProblem(e)}`);
  }
  return { file, real, stats, bytes };
}

/** Replaces the target's contents through a temporary file beside it; keeps its mode and owner. */
export async function writeTarget(target: WriteTarget, data: Buffer): Promise<void> {
  await atomicWrite(target.real, data, target.stats);
}

/**
 * Writes through a temporary file in the same folder and renames it over
 * `file`: the file is whole or untouched. An existing file's mode and owner
 * pass to the new one (`stats`, or the file's own).
 */
export async function atomicWrite(file: string, data: Buffer, stats?: Stats): Promise<void> {
  const real = await realpath(file).catch(() => path.resolve(file));
  const before = stats ?? (await stat(real).catch(() => undefined));
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', before ? before.mode & 0o7777 : 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (before) {
      await chmod(temp, before.mode & 0o7777);
      if (process.getuid && (before.uid !== process.getuid() || before.gid !== process.getgid?.())) {
        await chown(temp, before.uid, before.gid).catch((e: unknown) => {
          throw Object.assign(new Error(`cannot keep the file's owner (${(e as { code?: string }).code ?? 'refused'})`), { plain: true });
        });
      }
    }
    await rename(temp, real);
  } catch (e) {
    if (created) await rm(temp, { force: true });
    throw new WriteFailed(plainReason(e));
  }
}

/** A file-system error in plain words, without the paths Node puts in its messages. */
export function plainReason(e: unknown): string {
  if ((e as { plain?: boolean }).plain) return (e as Error).message;
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'ENOSPC: the disk is full';
    case 'EDQUOT':
      return 'EDQUOT: the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return `${code}: permission denied (the folder is not writable)`;
    case 'EROFS':
      return 'EROFS: the disk is read-only';
    case 'EXDEV':
      return 'EXDEV: the file cannot be replaced across disks';
    case 'ENOENT':
      return 'ENOENT: the folder no longer exists';
    case 'ENOTDIR':
      return 'ENOTDIR: a folder in the path is a file';
    case 'EFBIG':
      return 'EFBIG: the file would be larger than this system lets kap write';
    case 'EIO':
      return 'EIO: the disk reported an input/output error';
  }
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*,?\s*'[^']*'/g, '').split('\n')[0];
}
