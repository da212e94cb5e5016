import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function resolveSpec(from: string, spec: string): string | null {
  const abs = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const cand of [abs, abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx')])
    if (existsSync(cand) && statSync(cand).isFile()) return cand;
  return null;
}

/** Runtime imports between our modules (type-only imports are erased and cannot form a runtime circle). */
function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of walk(SRC)) {
    const text = readFileSync(file, 'utf8');
    const out: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      if (m[2]) continue;
      const target = resolveSpec(file, m[3] ?? m[4] ?? '');
      if (target && /\.(ts|tsx)$/.test(target)) out.push(target);
    }
    edges.set(file, out);
  }
  return edges;
}

function findCycles(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the source tree', () => {
  it('has no import circle between modules', () => {
    const cycles = findCycles(graph()).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('matches the feature folders that docs/ARCHITECTURE.md lists', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const folders = ['services', 'server/routes', 'web/features'].flatMap((layer) =>
      readdirSync(join(SRC, layer))
        .filter((n) => statSync(join(SRC, layer, n)).isDirectory())
        .map((n) => `src/${layer}/${n}/`),
    );
    const missing = folders.filter((f) => !doc.includes(f));
    expect(missing).toEqual([]);
  });
});
