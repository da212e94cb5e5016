// The size limits of the files the CLI reads, without the import services themselves: `nap1325 --help`
// and the CLI's argument checks load this module only (see docs/performance.md).
export { MAX_IMPORT_BYTES } from '../../formats/input.js';
export { MAX_SESNSP_BYTES } from '../../formats/sesnsp/decode-text.js';
