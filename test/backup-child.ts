/** Child process for the backup test: `nap1325 --db URL backup --out FILE --json`, as an operator runs it. */
import { runCli } from '../src/cli/main.js';

const [url, out] = process.argv.slice(2) as [string, string];
process.exitCode = await runCli(['--db', url, 'backup', '--out', out, '--json']);
