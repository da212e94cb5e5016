import ExcelJS from 'exceljs';
import {
  ACTIVITY_KINDS,
  MODALITIES,
  NETWORK_ACTIONS,
  UGPS_CATEGORIES,
  type ActivityKind,
} from '../../core/model/kinds.js';
import type { LocalizedText } from '../../core/schemas/common.schema.js';
import type { Activity } from '../../core/schemas/period.schema.js';
import { activityCells, columnsOf, LIST_NAMES, type ListName, type XlsxColumn } from './activity-columns.js';
import { instructionRows } from './template-instructions.js';

export const TEMPLATE_FORMAT = 'nap1325/xlsx-template@1';
export const CODES_SHEET = 'codes';
export const INSTRUCTIONS_SHEET = 'Instrucciones - Instructions';
/** Row 1: labels for people; row 2: column keys the upload reads; records from row 3. */
export const KEY_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Empty rows, below the records, that carry the drop-downs. */
const SPARE_ROWS = 500;

export interface ListEntry {
  code: string;
  label: string;
}

export interface TemplateInput {
  period: number;
  institution: { code: string; name: LocalizedText };
  /** The institution's records of the period, with their stored version. */
  records: readonly { activity: Activity; version: number | null }[];
  lists: { institutions: ListEntry[]; coursesOfAction: ListEntry[]; places: ListEntry[] };
  generatedAt: Date;
}

/** Sheet name of each kind (the kind code: the upload maps sheets back to kinds by it). */
export const KIND_LABELS: Record<ActivityKind, LocalizedText> = {
  training: { es: 'Capacitación', en: 'Training' },
  event: { es: 'Evento', en: 'Event' },
  deployment: { es: 'Despliegue', en: 'Deployment' },
  network: { es: 'Red', en: 'Network' },
  engagement: { es: 'Participación internacional', en: 'International engagement' },
  infrastructure: { es: 'Infraestructura', en: 'Infrastructure' },
  material: { es: 'Material', en: 'Material' },
  publication: { es: 'Publicación', en: 'Publication' },
  other: { es: 'Otra', en: 'Other' },
};

const ENUM_LABELS: Record<string, string> = {
  'in-person': 'presencial / in person',
  online: 'en línea / online',
  hybrid: 'mixta / hybrid',
  created: 'creada / created',
  strengthened: 'fortalecida / strengthened',
  'military-contingent': 'contingente militar / military contingent',
  'military-observer-staff-officer': 'observador/a u oficial de estado mayor / military observer or staff officer',
  'formed-police-unit': 'unidad de policía constituida / formed police unit',
  'individual-police-officer': 'policía individual / individual police officer',
  'justice-corrections': 'justicia y correccionales / justice and corrections',
};

/** Minimal typing of exceljs's range data validations (missing from its .d.ts). */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** One drop-down entry: the code, then a label to choose by (the upload keeps only the code). */
export function listEntryText(e: ListEntry): string {
  const label = e.label.length > 80 ? `${e.label.slice(0, 79)}…` : e.label;
  return label === '' ? e.code : `${e.code} — ${label}`;
}

/** The XLSX template of an institution and period: no formulas anywhere (QUALITY C3). */
export async function writeTemplateXlsx(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'nap1325';
  wb.created = input.generatedAt;
  wb.modified = input.generatedAt;
  wb.subject = `${TEMPLATE_FORMAT} ${input.institution.code} ${input.period}`;

  writeInstructions(wb, input);
  const lists = listColumns(input);
  const byKind = new Map<ActivityKind, { activity: Activity; version: number | null }[]>();
  for (const r of input.records) byKind.set(r.activity.kind, [...(byKind.get(r.activity.kind) ?? []), r]);
  for (const kind of ACTIVITY_KINDS) writeKindSheet(wb, kind, byKind.get(kind) ?? [], lists);
  writeCodes(wb, input, lists);

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}

function listColumns(input: TemplateInput): Record<ListName, { letter: string; values: string[] }> {
  const enumList = (xs: readonly string[]) => xs.map((code) => listEntryText({ code, label: ENUM_LABELS[code] ?? '' }));
  const values: Record<ListName, string[]> = {
    institutions: input.lists.institutions.map(listEntryText),
    coursesOfAction: input.lists.coursesOfAction.map(listEntryText),
    places: input.lists.places.map(listEntryText),
    modality: enumList(MODALITIES),
    ugpsCategory: enumList(UGPS_CATEGORIES),
    networkAction: enumList(NETWORK_ACTIONS),
  };
  // Column A/B hold the template's identity; the lists start at column D.
  return Object.fromEntries(
    LIST_NAMES.map((name, i) => [name, { letter: columnLetter(4 + i), values: values[name] }]),
  ) as Record<ListName, { letter: string; values: string[] }>;
}

function writeKindSheet(
  wb: ExcelJS.Workbook,
  kind: ActivityKind,
  records: readonly { activity: Activity; version: number | null }[],
  lists: Record<ListName, { letter: string; values: string[] }>,
): void {
  const ws = wb.addWorksheet(kind, { views: [{ state: 'frozen', xSplit: 1, ySplit: KEY_ROW }] });
  const columns = columnsOf(kind);
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.type !== 'whole' && c.type !== 'decimal') column.numFmt = '@';
    if (c.type === 'lines' || c.key.startsWith('summary')) column.alignment = { wrapText: true, vertical: 'top' };
    const label = ws.getCell(1, i + 1);
    label.value = `${c.label.es} / ${c.label.en}`;
    label.font = { bold: true };
    label.alignment = { wrapText: true, vertical: 'top' };
    label.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.key === 'version' ? 'FFE0E0E0' : 'FFDCE6F1' },
    };
    label.note = `${c.help.es}\n\n${c.help.en}`;
    const key = ws.getCell(KEY_ROW, i + 1);
    key.value = c.key;
    key.font = { italic: true, size: 9, color: { argb: 'FF595959' } };
  });
  ws.getRow(1).height = 32;
  const sorted = [...records].sort(
    (a, b) => a.activity.order - b.activity.order || (a.activity.id < b.activity.id ? -1 : 1),
  );
  sorted.forEach((r, i) => {
    const cells = activityCells(r.activity, r.version);
    columns.forEach((c, j) => {
      const v = cells[c.key];
      if (v !== undefined && v !== null) ws.getCell(FIRST_DATA_ROW + i, j + 1).value = v;
    });
  });
  const last = FIRST_DATA_ROW + sorted.length + SPARE_ROWS - 1;
  const validations = (ws as unknown as RangeValidations).dataValidations;
  columns.forEach((c, i) => {
    const v = validationOf(c, lists);
    if (v) validations.add(`${columnLetter(i + 1)}${FIRST_DATA_ROW}:${columnLetter(i + 1)}${last}`, v);
  });
}

function validationOf(
  c: XlsxColumn,
  lists: Record<ListName, { letter: string; values: string[] }>,
): ExcelJS.DataValidation | null {
  const prompt = { showInputMessage: true, promptTitle: c.label.es.slice(0, 32), prompt: c.help.es.slice(0, 255) };
  if (c.list) {
    const l = lists[c.list];
    const range = `${CODES_SHEET}!$${l.letter}$2:$${l.letter}$${Math.max(2, l.values.length + 1)}`;
    return {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: c.strict === true,
      errorStyle: 'stop',
      errorTitle: 'nap1325',
      error: 'Elija un valor de la lista / Choose a value from the list',
      ...prompt,
    };
  }
  if (c.type === 'whole' || c.type === 'decimal')
    return {
      type: c.type,
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'nap1325',
      error:
        c.type === 'whole'
          ? 'Escriba un número entero ≥ 0 / Type a whole number ≥ 0'
          : 'Escriba un número ≥ 0 / Type a number ≥ 0',
      ...prompt,
    };
  return c.key === 'id'
    ? { type: 'textLength', operator: 'lessThanOrEqual', formulae: [120], allowBlank: true, ...prompt }
    : null;
}

function writeCodes(
  wb: ExcelJS.Workbook,
  input: TemplateInput,
  lists: Record<ListName, { letter: string; values: string[] }>,
): void {
  const ws = wb.addWorksheet(CODES_SHEET);
  ws.state = 'hidden';
  ws.getColumn(1).numFmt = '@';
  ws.getCell('A1').value = 'format';
  ws.getCell('B1').value = TEMPLATE_FORMAT;
  ws.getCell('A2').value = 'period';
  ws.getCell('B2').value = input.period;
  ws.getCell('A3').value = 'institution';
  ws.getCell('B3').value = input.institution.code;
  for (const name of LIST_NAMES) {
    const l = lists[name];
    ws.getCell(`${l.letter}1`).value = name;
    l.values.forEach((v, i) => (ws.getCell(`${l.letter}${i + 2}`).value = v));
    ws.getColumn(l.letter).width = 40;
  }
}

function writeInstructions(wb: ExcelJS.Workbook, input: TemplateInput): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.getColumn(1).width = 90;
  ws.getColumn(2).width = 90;
  instructionRows(input, KIND_LABELS).forEach((row, i) => {
    const r = ws.getRow(i + 1);
    r.getCell(1).value = row.es;
    r.getCell(2).value = row.en;
    r.alignment = { wrapText: true, vertical: 'top' };
    if (row.style === 'title') r.font = { bold: true, size: 14 };
    if (row.style === 'heading') r.font = { bold: true };
  });
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
