// Entry of the worker thread that reads an uploaded workbook (read-xlsx-isolated.ts). Plain JavaScript,
// so that Node loads it as it is; it registers tsx for the TypeScript it imports.
import { register } from 'tsx/esm/api';

register();
await import('./xlsx-worker.ts');
