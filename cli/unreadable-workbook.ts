// The one error kap's file code throws for a workbook it will not read or
// write, and the one-line form every other failure is reported in.

/** The file cannot be read (or safely written) as a workbook: the CLI says why in one line and exits 2. */
export class UnreadableWorkbook extends Error {
  override readonly name = 'UnreadableWorkbook';
}

/** An error as one short line: the user gets the reason, never a stack trace. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? 'unknown error';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line.trim();
}

/** Why a file could not be opened, in a KAM's words. */
export function fileProblem(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not an .xlsx file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return oneLine(e);
}
