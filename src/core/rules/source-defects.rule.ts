import type { SourceDefect } from '../schemas/period.schema.js';
import { finding, type CheckInput, type Finding } from './types.js';

const KIND: Record<SourceDefect['kind'], { es: string; en: string }> = {
  'misspelt-heading': { es: 'encabezado mal escrito', en: 'misspelt heading' },
  'swapped-columns': { es: 'columnas en otro orden', en: 'columns in another order' },
  'split-cell': { es: 'celda de tabla dividida', en: 'split table cell' },
  'shifted-row': { es: 'fila de tabla desplazada', en: 'shifted table row' },
  'stray-markup': { es: 'marcas de formato sueltas', en: 'stray markup' },
  'number-format': { es: 'número mal escrito', en: 'badly written number' },
  'two-names': { es: 'dos nombres para lo mismo', en: 'two names for one thing' },
  'misplaced-item': { es: 'elemento fuera de lugar', en: 'misplaced item' },
  other: { es: 'defecto', en: 'defect' },
};

/**
 * The source document's defects that the transcription repaired, reported as findings of the source
 * (information): nothing is silently fixed.
 */
export function checkSourceDefects(input: CheckInput): Finding[] {
  const year = input.period.period.year;
  return (input.period.sourceDefects ?? []).map((d) =>
    finding({
      rule: 'source-defect',
      severity: 'info',
      period: year,
      section: d.section,
      ref: d.ref ?? d.id,
      quote: d.quote,
      order: d.order,
      message: {
        es: `Defecto de la fuente (${KIND[d.kind].es}). En los datos: ${d.repaired.es}`,
        en: `Defect of the source (${KIND[d.kind].en}). In the data: ${d.repaired.en}`,
      },
    }),
  );
}
