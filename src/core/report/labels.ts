import type { Lang } from '../model/kinds.js';
import type { ReportLabels } from './document.js';

export const LABELS: Record<
  Lang,
  ReportLabels & {
    reportTitle: (year: number) => string;
    introduction: string;
    acknowledgements: string;
    byEntity: (metric: string) => string;
    women: string;
    notePrefix: string;
  }
> = {
  es: {
    contents: 'Contenido',
    indicatorsAnnex: 'Anexo A. Indicadores del plan',
    methodology: 'Anexo B. Fuentes y metodología',
    checker: 'Anexo C. Verificación de los datos de origen',
    sourceNotes: 'Anexo D. Notas de fuente',
    source: 'Fuente',
    total: 'Total',
    indicator: 'Indicador',
    value: 'Valor',
    target: 'Meta',
    status: 'Estado',
    calculation: 'Cálculo',
    reported: 'Reportado',
    draft: 'BORRADOR',
    page: 'Página',
    records: 'Registros',
    formula: 'Fórmula',
    statusNames: {
      met: 'Cumplida',
      'on-track': 'En curso',
      'not-met': 'No cumplida',
      'no-data': 'Sin datos',
      'no-target': 'Sin meta',
      'in-progress': 'En proceso',
    },
    per100k: 'por 100 000 mujeres',
    reportTitle: (year) => `Informe de Actividades ${year}`,
    introduction: 'Introducción',
    acknowledgements: 'Agradecimientos',
    byEntity: (metric) => `${metric} por entidad federativa`,
    women: 'Mujeres',
    notePrefix: 'Nota sobre los datos',
  },
  en: {
    contents: 'Contents',
    indicatorsAnnex: 'Annex A. The plan’s indicators',
    methodology: 'Annex B. Sources and methodology',
    checker: 'Annex C. Check of the source data',
    sourceNotes: 'Annex D. Source notes',
    source: 'Source',
    total: 'Total',
    indicator: 'Indicator',
    value: 'Value',
    target: 'Target',
    status: 'Status',
    calculation: 'Calculation',
    reported: 'Reported',
    draft: 'DRAFT',
    page: 'Page',
    records: 'Records',
    formula: 'Formula',
    statusNames: {
      met: 'Met',
      'on-track': 'On track',
      'not-met': 'Not met',
      'no-data': 'No data',
      'no-target': 'No target',
      'in-progress': 'In progress',
    },
    per100k: 'per 100,000 women',
    reportTitle: (year) => `Report of Activities ${year}`,
    introduction: 'Introduction',
    acknowledgements: 'Acknowledgements',
    byEntity: (metric) => `${metric} by federal entity`,
    women: 'Women',
    notePrefix: 'Note on the data',
  },
};
