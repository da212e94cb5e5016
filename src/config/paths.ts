import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's own files (seed data, reference data, the built web application), found from the
 * package root whether the code runs as TypeScript from `src/` or compiled from `dist/`.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'nap1325') return dir;
      } catch {
        // not ours: keep looking upwards
      }
    }
    if (dirname(dir) === dir) throw new Error(`nap1325: package root not found above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The embedded data set: Mexico's plan and the 2022 report as period files. */
export const SEED_DIR = join(PROJECT_ROOT, 'data', 'seed');
/** INEGI / CONAPO reference files. */
export const REFERENCE_DIR = join(PROJECT_ROOT, 'reference');
/** The built web application (Vite). */
export const WEB_DIR = join(PROJECT_ROOT, 'dist', 'web');

export const referenceFile = (name: string): string => join(REFERENCE_DIR, name);
