// `npm run dev:excel`: builds the add-in, then serves dist/excel-addin over
// HTTPS on https://localhost:3000 with the Office add-in development
// certificates (office-addin-dev-certs installs a local CA on first run).
import { createServer } from 'node:https';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';
import { build, DEFAULT_OUT } from '../build/excel.mjs';

const PORT = Number(process.env.PORT ?? 3000);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

await build();
const options = await getHttpsServerOptions();
const root = path.resolve(DEFAULT_OUT);
createServer(options, async (req, res) => {
  const url = new URL(req.url ?? '/', 'https://localhost');
  const file = path.normalize(path.join(root, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname)));
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    // Office caches task pane files hard; during development every reload should see the new build.
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}).listen(PORT, () => {
  console.log(`Serving ${path.relative(process.cwd(), root)} at https://localhost:${PORT}/taskpane.html`);
  console.log(`Sideload manifest.xml (see docs/excel.md). Stop with Ctrl+C.`);
});
