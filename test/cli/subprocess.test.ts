// The real program: `node bin/kap.js` as a user runs it (built by build/cli.mjs),
// with its stdout, stderr and exit status.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { version } from '../../package.json';
import { AS_OF, removeTempDirs, tempDir } from './kap';

const root = path.resolve(__dirname, '../..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/kap.js'), ...args], { encoding: 'utf8', timeout: 60000 });

beforeAll(() => execFileSync(process.execPath, [path.join(root, 'build/build.mjs'), 'cli'], { cwd: root, stdio: 'ignore' }));
afterAll(removeTempDirs);

describe('node bin/kap.js', () => {
  it('--version prints the package version and exits 0', () => {
    const r = run('--version');
    expect([r.status, r.stdout.trim()]).toEqual([0, version]);
  });

  it('sample, then check --json --write: one JSON object on stdout, exit 1 for the sample (it has errors)', () => {
    const file = path.join(tempDir(), 'sample.xlsx');
    expect(run('sample', file).status).toBe(0);
    const r = run('check', file, '--json', '--write', '--as-of', AS_OF);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['scorecard', 'findings', 'commitments', 'actions', 'capacity', 'uncovered']);
  });

  it('an unreadable file: exit 2, one line on stderr, no stack trace', () => {
    const file = path.join(tempDir(), 'notes.xlsx');
    writeFileSync(file, 'not a workbook');
    const r = run('check', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe('not a workbook');
  });

  it('check --json on a plan: printed a piece at a time, it is exactly the one object pretty-printed', () => {
    const file = path.join(tempDir(), 'sample.xlsx');
    expect(run('sample', file).status).toBe(0);
    const r = run('check', file, '--json', '--as-of', AS_OF);
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
  });

  it('check and check --write on a user’s workbook never load ExcelJS (it only makes workbooks from nothing)', () => {
    const file = path.join(tempDir(), 'sample.xlsx');
    expect(run('sample', file).status).toBe(0);
    const probe = (args: string[]): string[] => {
      const code = `require(${JSON.stringify(path.join(root, 'dist/cli.js'))}).runCli(${JSON.stringify(args)}, { out() {}, err(l) { console.error(l); } }).then((status) => {
        const loaded = Object.keys(require.cache).filter((m) => /node_modules[\\/]exceljs[\\/]/.test(m));
        console.log(JSON.stringify({ status, exceljs: loaded.length > 0 }));
      });`;
      const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 60000 });
      return [r.stdout.trim(), r.stderr];
    };
    expect(probe(['check', file, '--as-of', AS_OF])).toEqual([JSON.stringify({ status: 1, exceljs: false }), '']);
    expect(probe(['check', file, '--write', '--as-of', AS_OF])).toEqual([JSON.stringify({ status: 1, exceljs: false }), '']);
    // The sample is made from nothing, so that one does.
    expect(probe(['sample', path.join(tempDir(), 'again.xlsx')])).toEqual([JSON.stringify({ status: 0, exceljs: true }), '']);
  });

  it('a wrong option: exit 2 and a pointer to kap --help', () => {
    const r = run('check', 'x.xlsx', '--fast');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --fast.*kap --help/);
  });
});
