#!/usr/bin/env node
// Loads the TypeScript CLI through tsx's loader, so `npx nap1325` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
