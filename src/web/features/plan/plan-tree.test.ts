import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
