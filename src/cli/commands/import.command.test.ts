import { describe, expect, it } from 'vitest';
import { rowMeter } from './import.command.js';

describe('the import progress line', () => {
  it('shows records done, the rate and the time left, redrawn at most twice a second, and ends its line', () => {
    const out: string[] = [];
    let clock = 1_000_000;
    const meter = rowMeter(
      'en',
      (s) => out.push(s),
      () => clock,
    );
    clock += 1000;
    meter.update(500, 2000);
    clock += 100;
    meter.update(1000, 2000); // too soon: not drawn
    clock += 1000;
    meter.update(1500, 2000);
    clock += 100;
    meter.update(2000, 2000); // the last one is always drawn
    meter.end();
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('\r  500 / 2,000 records · 500 records/s · ~3 s left\u001b[K');
    expect(out[1]).toContain('1,500 / 2,000 records · 714 records/s · ~1 s left');
    expect(out[2]).toContain('2,000 / 2,000 records');
    expect(out[3]).toBe('\n');
    const es: string[] = [];
    const m = rowMeter(
      'es',
      (s) => es.push(s),
      () => clock,
    );
    m.end();
    expect(es).toEqual([]); // nothing drawn, no empty line
    clock += 2000;
    m.update(3000, 100_000);
    expect(es[0]).toContain('3,000 / 100,000 registros · 1,500 registros/s · quedan ~65 s');
  });
});
