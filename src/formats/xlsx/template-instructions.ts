import { ACTIVITY_KINDS, type ActivityKind } from '../../core/model/kinds.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import { columnsOf, type XlsxColumn } from './activity-columns.js';

export interface InstructionRow {
  es: string;
  en: string;
  style?: 'title' | 'heading';
}

/** The instructions sheet, Spanish in column A and English in column B. */
export function instructionRows(
  input: { period: number; institution: { code: string; name: LocalizedText }; generatedAt: Date },
  kinds: Record<ActivityKind, LocalizedText>,
): InstructionRow[] {
  const day = input.generatedAt.toISOString().slice(0, 10);
  const rows: InstructionRow[] = [
    {
      es: `Plantilla de actividades — ${input.institution.name.es} (${input.institution.code}), periodo ${input.period}`,
      en: `Activity template — ${input.institution.name.en} (${input.institution.code}), period ${input.period}`,
      style: 'title',
    },
    { es: `Descargada el ${day} (UTC).`, en: `Downloaded on ${day} (UTC).` },
    { es: '', en: '' },
    { es: 'Cómo usarla', en: 'How to use it', style: 'heading' },
    {
      es: '1. Cada hoja es un tipo de actividad. Una fila = una actividad (o una edición o fila de desglose, con «Actividad madre»).',
      en: '1. Each sheet is one kind of activity. One row = one activity (or an edition or breakdown row, with "Parent activity").',
    },
    {
      es: '2. La fila 1 explica cada columna (pase el cursor para ver la nota); la fila 2 tiene las claves que lee el sistema: no la cambie.',
      en: '2. Row 1 explains each column (hover for the note); row 2 holds the keys the system reads: do not change it.',
    },
    {
      es: '3. Las filas ya llenas son los registros guardados de su institución. Cámbielas, añada filas debajo o deje todo igual.',
      en: '3. Rows already filled are your institution’s stored records. Change them, add rows below, or leave them as they are.',
    },
    {
      es: '4. Escriba cifras, nunca fórmulas: una celda con fórmula se rechaza. Los totales no se escriben: se calculan.',
      en: '4. Type numbers, never formulas: a cell with a formula is refused. Totals are never typed: they are computed.',
    },
    {
      es: '5. Suba el archivo en la aplicación: verá cada fila con sus problemas antes de guardar. Se guarda todo o nada.',
      en: '5. Upload the file in the application: you see every row with its problems before saving. All or nothing is saved.',
    },
    {
      es: '6. Subir el mismo archivo dos veces no cambia nada. Borrar una fila no borra el registro (use el formulario).',
      en: '6. Uploading the same file twice changes nothing. Deleting a row does not delete the record (use the form).',
    },
    {
      es: '7. La columna «Versión» detecta si otra persona cambió un registro desde la descarga; en ese caso descargue de nuevo.',
      en: '7. The "Version" column detects whether someone else changed a record since the download; if so, download again.',
    },
    {
      es: '8. Las listas desplegables muestran «código — nombre»; el sistema guarda solo el código. Varias líneas de acción o lugares: sepárelos con «;».',
      en: '8. Drop-down lists show "code — name"; the system keeps only the code. Several courses of action or places: separate them with ";".',
    },
    { es: '', en: '' },
    { es: 'Hojas (tipos de actividad)', en: 'Sheets (kinds of activity)', style: 'heading' },
    ...ACTIVITY_KINDS.map((k) => ({ es: `${k}: ${kinds[k].es}`, en: `${k}: ${kinds[k].en}` })),
    { es: '', en: '' },
    { es: 'Columnas', en: 'Columns', style: 'heading' },
  ];
  const seen = new Set<string>();
  const describe = (c: XlsxColumn, only: ActivityKind | null): InstructionRow => ({
    es: `${c.key} — ${c.label.es}${only ? ` (solo ${only})` : ''}: ${c.help.es}`,
    en: `${c.key} — ${c.label.en}${only ? ` (${only} only)` : ''}: ${c.help.en}`,
  });
  for (const c of columnsOf('other')) {
    seen.add(c.key);
    rows.push(describe(c, null));
  }
  for (const k of ACTIVITY_KINDS)
    for (const c of columnsOf(k))
      if (!seen.has(c.key)) {
        seen.add(c.key);
        rows.push(describe(c, k));
      }
  return rows;
}
