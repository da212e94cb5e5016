#!/usr/bin/env node
// Runs the CLI from its compiled JavaScript (dist/node, built by `npm install` through `prepare`, or
// `npm run build`) when that build is newer than every source file; otherwise from the TypeScript
// through tsx's loader, so `npx nap1325` works on a fresh clone and after any edit.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Modification time of the newest file under `dir` (src/web aside: the CLI does not run it). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'web' || dir !== join(root, 'src')) t = Math.max(t, newest(p));
    } else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function compiledIsCurrent() {
  if (process.env.NAP1325_TSX === '1') return false;
  try {
    return statSync(join(root, 'dist', 'node', 'BUILT')).mtimeMs >= newest(join(root, 'src'));
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) main = await import('../dist/node/cli/main.js');
else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
process.exitCode = await main.runCli(process.argv.slice(2));
