import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { decodeUtf8 } from './input.js';
import { decodeSesnspText } from './sesnsp/decode-text.js';

/** The one problem a decoder refuses with. */
function refusal(decode: () => unknown) {
  try {
    decode();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const problems = (e as AppError).details.problems ?? [];
    expect(problems).toHaveLength(1);
    return problems[0]!;
  }
  throw new Error('expected a refusal');
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decoding an input file', () => {
  it('drops the byte-order mark of UTF-8 text', () => {
    expect(decodeUtf8(bytes('\ufeff{"a":1}'), 'plan.json')).toBe('{"a":1}');
    expect(decodeSesnspText(bytes('\ufeffAño,Mes'), 'victims.csv')).toEqual({ text: 'Año,Mes', encoding: 'utf-8' });
  });

  it('refuses a NUL character by file, line and column, saying what the file is not, in both languages', () => {
    expect(refusal(() => decodeUtf8(bytes('\ufeff{\n  "a": "x\u0000"\n}'), 'plan.json'))).toEqual({
      file: 'plan.json',
      where: 'line 2, column 10',
      field: null,
      message: {
        es: 'el archivo contiene bytes nulos: no es texto',
        en: 'the file contains NUL bytes: it is not text',
      },
    });
    expect(refusal(() => decodeSesnspText(bytes('Año,Mes\n2021,\u0000'), 'victims.csv'))).toEqual({
      file: 'victims.csv',
      where: 'line 2, column 6',
      field: null,
      message: {
        es: 'el archivo contiene bytes nulos: no es un CSV de texto',
        en: 'the file contains NUL bytes: it is not a CSV text file',
      },
    });
  });
});
