// Tests that need an outside program (LibreOffice, Chromium) use this: on CI
// (CI=true) a missing program fails the suite; elsewhere the tests are skipped
// with the command that installs it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface Program {
  path: string | undefined;
  /** `describe` when the program is here (or on CI, where its absence must fail), else `describe.skip`. */
  describe: jest.Describe;
}

function which(candidates: string[]): string | undefined {
  for (const c of candidates) {
    if (c.startsWith('/') && existsSync(c)) return c;
    try {
      const p = execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

export function program(name: string, candidates: string[], install: string): Program {
  const path = which(candidates);
  if (path) return { path, describe };
  if (process.env.CI === 'true') {
    const fail = ((title: string) =>
      describe(title, () => {
        it(`needs ${name}`, () => {
          throw new Error(`${name} is not installed on this CI machine; .ci/run must install it: ${install}`);
        });
      })) as unknown as jest.Describe;
    return { path: undefined, describe: fail };
  }
  console.warn(`${name} not found: skipping its tests. Install it with: ${install}`);
  return { path: undefined, describe: describe.skip };
}

export const libreOffice = (): Program =>
  program('LibreOffice', ['soffice', 'libreoffice', '/usr/bin/soffice'], 'apt-get install -y --no-install-recommends libreoffice-calc-nogui');

export const chromium = (): Program =>
  program('Chromium', ['/usr/bin/chromium', 'chromium'], 'apt-get install -y chromium');

/** The flags every headless Chromium run here uses (closed network, root user). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
