import { describe, expect, it } from 'vitest';
import { csvRecords, CsvSyntaxError } from './csv-records.js';
import { decodeWindows1252 } from './decode-text.js';
import { detectKind, readSesnspCsv } from './read-sesnsp.js';

describe('reading SESNSP files', () => {
  it('decodes Windows-1252 as the WHATWG Encoding Standard maps it (Node 20 decodes it as Latin-1)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text.slice(0, 0x80)).toBe(Buffer.from(all.subarray(0, 0x80)).toString('latin1'));
    expect(text.slice(0xa0)).toBe(
      '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
    );
    expect([...text.slice(0x80, 0xa0)].map((c) => c.codePointAt(0)!.toString(16))).toEqual(
      '20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f 90 2018 2019 201c 201d 2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178'.split(
        ' ',
      ),
    );
  });

  it('reads quoted fields (commas, quotes, line breaks) and keeps the line of each record', () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",3\n4,5';
    expect([...csvRecords(text)]).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', '3'] },
      { line: 6, cells: ['4', '5'] },
    ]);
    expect(() => [...csvRecords('a,"b\n')]).toThrow(CsvSyntaxError);
    expect(() => [...csvRecords('a,"b"c\n')]).toThrow(/followed by text/);
  });

  it('knows the three layouts by their header, whatever the case or accents, and says what a fourth lacks', () => {
    const victims =
      'Año,Clave_Ent,Entidad,Bien jurídico afectado,Tipo de delito,Subtipo de delito,Modalidad,Sexo,Rango de edad,Enero,Febrero,Marzo,Abril,Mayo,Junio,Julio,Agosto,Septiembre,Octubre,Noviembre,Diciembre'.split(
        ',',
      );
    expect(detectKind(victims)).toEqual({ kind: 'victims' });
    expect(detectKind(victims.filter((c) => c !== 'Sexo' && c !== 'Rango de edad'))).toEqual({ kind: 'state-crimes' });
    expect(detectKind(victims.map((c) => c.toUpperCase().replace('Ñ', 'N')))).toEqual({ kind: 'victims' });
    const municipal = [
      ...victims.slice(0, 3),
      'Cve. Municipio',
      'Municipio',
      ...victims.slice(3, 7),
      ...victims.slice(9),
    ];
    expect(detectKind(municipal)).toEqual({ kind: 'municipal-crimes' });
    expect(detectKind(victims.slice(0, 20))).toMatchObject({ kind: null, closest: 'victims', missing: ['Diciembre'] });
  });

  it('an empty month is null (not yet published), thousands separators are read, the rest is refused by column', async () => {
    const head =
      'Año,Clave_Ent,Entidad,Bien jurídico afectado,Tipo de delito,Subtipo de delito,Modalidad,Enero,Febrero,Marzo,Abril,Mayo,Junio,Julio,Agosto,Septiembre,Octubre,Noviembre,Diciembre';
    const ok = `${head}\r\n2024,9,Ciudad de México,La familia,Violencia familiar,Violencia familiar,Violencia familiar,"1,234",5,,,,,,,,,,\r\n`;
    const r = await readSesnspCsv(Buffer.from(ok), 'f.csv');
    expect(r.problems).toEqual([]);
    expect(r.table!.rows[0]!.months).toEqual([1234, 5, null, null, null, null, null, null, null, null, null, null]);
    const bad = await readSesnspCsv(Buffer.from(ok.replace('"1,234"', '1.5').replace(',5,', ',-5,')), 'f.csv');
    expect(bad.problems.map((p) => [p.where, p.field])).toEqual([
      ['row 2', 'Enero'],
      ['row 2', 'Febrero'],
    ]);
  });
});
