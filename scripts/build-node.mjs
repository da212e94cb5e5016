// Compiles the CLI and server (src/, without the web application and the tests) to JavaScript in
// dist/node/, one file per module, so `nap1325` starts without transpiling at run time. Run by
// `npm install` (prepare) and `npm run build`; bin/nap1325.mjs uses the build only while it is newer
// than every source file, and tsx otherwise. Plain JavaScript: it runs before anything is compiled.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist', 'node');

/** Every module of the CLI and server: src/ without src/web and without tests. */
function modules(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (p === join(src, 'web')) continue;
    if (statSync(p).isDirectory()) found.push(...modules(p));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) found.push(p);
  }
  return found;
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
const entryPoints = modules(src);
await build({
  entryPoints,
  outdir: out,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  bundle: false,
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The worker thread's entry: src/ has a .mjs that registers tsx; compiled, it loads the .js directly.
const worker = join(out, 'formats', 'xlsx', 'xlsx-worker.mjs');
mkdirSync(join(out, 'formats', 'xlsx'), { recursive: true });
writeFileSync(
  worker,
  "// Compiled entry of the xlsx worker thread (scripts/build-node.mjs).\nawait import('./xlsx-worker.js');\n",
);
// Written last: bin/nap1325.mjs compares its time with the sources'.
writeFileSync(join(out, 'BUILT'), `${new Date().toISOString()}\n`);
console.error(
  `nap1325: ${entryPoints.length} modules compiled to ${relative(root, out)}/ in ${Date.now() - started} ms`,
);
