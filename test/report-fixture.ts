import type { Figure, ReportDocument } from '../src/core/report/document.js';

const fig = (value: number | null, text: string, note: number): Figure => ({ value, text, note });

/** A small report document with every kind of block, for renderer tests (the real one comes from buildReport). */
export function makeReportDocument(lang: 'es' | 'en' = 'en'): ReportDocument {
  const es = lang === 'es';
  return {
    lang,
    period: 2022,
    title: es ? 'Informe de Actividades 2022' : 'Report of Activities 2022',
    planTitle: es ? 'Plan Nacional de Acción 1325' : 'National Action Plan 1325',
    government: es ? 'Gobierno de México' : 'Government of Mexico',
    status: 'draft',
    institutions: [
      { acronym: 'SRE', name: es ? 'Secretaría de Relaciones Exteriores' : 'Ministry of Foreign Affairs' },
      { acronym: 'INMUJERES', name: es ? 'Instituto Nacional de las Mujeres' : 'National Institute for Women' },
    ],
    toc: [
      { id: 'pillar-1', level: 1, text: es ? '1 Prevención' : '1 Prevention' },
      { id: 'goal-2', level: 2, text: es ? 'Objetivo 2' : 'Goal 2' },
    ],
    body: [
      { kind: 'heading', id: 'pillar-1', level: 1, number: '1', text: es ? 'Prevención' : 'Prevention' },
      { kind: 'heading', id: 'goal-2', level: 2, number: '2', text: es ? 'Objetivo 2' : 'Goal 2' },
      { kind: 'lead', text: es ? 'Fomentar la perspectiva de género.' : 'To encourage a gender perspective.' },
      {
        kind: 'heading',
        id: 'coa-2.1',
        level: 3,
        number: '2.1',
        text: es ? 'Línea de acción 1' : 'Course of action 1',
      },
      {
        kind: 'paragraph',
        id: 'n-80',
        label: null,
        parts: [
          { kind: 'text', text: es ? 'El INMUJERES capacitó a ' : 'INMUJERES trained ' },
          { kind: 'figure', figure: fig(18432, '18,432', 1) },
          { kind: 'text', text: es ? ' personas (' : ' people (' },
          { kind: 'figure', figure: fig(256, '256', 2) },
          {
            kind: 'text',
            text: es
              ? ' mujeres) <script>alert(1)</script> & «citas».'
              : ' women) <script>alert(1)</script> & "quotes".',
          },
        ],
      },
      {
        kind: 'list',
        id: 'l-1',
        items: [
          es ? 'Mujeres, paz y seguridad' : 'Women, peace and security',
          es ? 'Violencia sexual' : 'Sexual violence',
        ],
      },
      {
        kind: 'table',
        id: 't-98',
        title: es ? 'Capacitación por institución' : 'Training by institution',
        columns: [
          { key: 'name', label: es ? 'Actividad' : 'Activity', numeric: false },
          { key: 'women', label: es ? 'Mujeres' : 'Women', numeric: true },
          { key: 'men', label: es ? 'Hombres' : 'Men', numeric: true },
        ],
        rows: [
          [
            { kind: 'text', text: 'SEMAR' },
            { kind: 'figure', figure: fig(0, '0', 3) },
            { kind: 'figure', figure: fig(1, '1', 4) },
          ],
          [
            { kind: 'text', text: 'SEDENA' },
            { kind: 'figure', figure: fig(1, '1', 5) },
            { kind: 'figure', figure: fig(0, '0', 6) },
          ],
        ],
        total: [
          { kind: 'text', text: 'Total' },
          { kind: 'figure', figure: fig(1, '1', 7) },
          { kind: 'figure', figure: fig(1, '1', 8) },
        ],
        source: es ? 'Información del FASP' : 'Information from the FASP',
      },
      { kind: 'callout', id: 'h-130', figure: fig(630, '630', 9), label: es ? 'REDES' : 'NETWORKS' },
      {
        kind: 'indicator',
        code: '5.1.1',
        text: es ? 'Mujeres en el personal desplegado' : 'Women in deployed personnel',
        figure: fig(27.38, '27.38%', 10),
        reported: '40%',
        target: '> 15%',
        status: 'met',
      },
      {
        kind: 'map',
        id: 'map-6.1',
        title: es ? 'Mujeres integrantes de redes por entidad federativa' : 'Women network members by federal entity',
        metric: es ? 'Mujeres' : 'Women',
        data: [
          { code: 'MX-29', name: 'Tlaxcala', figure: fig(1925, '1,925', 11), ratePer100kWomen: 2_789.1 },
          { code: 'MX-16', name: 'Michoacán', figure: fig(771, '771', 12), ratePer100kWomen: 31.2 },
          { code: 'MX-09', name: 'Ciudad de México', figure: fig(0, '0', 13), ratePer100kWomen: 0 },
        ],
      },
      {
        kind: 'note',
        id: 'note-h-457',
        text: es
          ? 'El informe de 2022 decía 623; los registros dan 630.'
          : 'The 2022 report stated 623; the records give 630.',
      },
    ],
    indicators: [
      {
        code: '5.1.1',
        text: es ? 'Mujeres en el personal desplegado' : 'Women in deployed personnel',
        unit: 'percent',
        figure: fig(27.38, '27.38%', 10),
        target: '> 15%',
        status: 'met',
        calculation: es ? 'Mujeres desplegadas entre el total desplegado.' : 'Women deployed over all deployed.',
      },
      {
        code: '7.1.1',
        text: es ? 'Foros' : 'Forums',
        unit: 'count',
        figure: null,
        target: null,
        status: 'no-data',
        calculation: '—',
      },
    ],
    methodology: [
      es
        ? 'Cada cifra se calcula a partir de los registros aprobados.'
        : 'Every figure is computed from approved records.',
    ],
    checkSummary: [es ? '6 errores y 8 avisos en los datos de origen.' : '6 errors and 8 warnings in the source data.'],
    notes: Array.from({ length: 13 }, (_, i) => ({
      n: i + 1,
      description: es ? `Mujeres («Registro ${i + 1}»)` : `Women (“Record ${i + 1}”)`,
      formula: `sum(women where id = "record-${i + 1}")`,
      value: i,
      recordIds: [`record-${i + 1}`],
      recordCount: 1,
      text: String(i),
    })),
    companionFile: es ? 'nap1325-informe-2022-es.provenance.json' : 'nap1325-report-2022-en.provenance.json',
    notesIntro: [es ? 'Cada nota dice qué cuenta la cifra.' : 'Each note says what the figure counts.'],
    labels: {
      contents: es ? 'Contenido' : 'Contents',
      indicatorsAnnex: es ? 'Anexo: indicadores del plan' : 'Annex: the plan’s indicators',
      methodology: es ? 'Fuentes y metodología' : 'Sources and methodology',
      checker: es ? 'Verificación de los datos' : 'Data check',
      sourceNotes: es ? 'Notas de fuente' : 'Source notes',
      source: es ? 'Fuente' : 'Source',
      total: 'Total',
      indicator: es ? 'Indicador' : 'Indicator',
      value: es ? 'Valor' : 'Value',
      target: es ? 'Meta' : 'Target',
      status: es ? 'Estado' : 'Status',
      calculation: es ? 'Cálculo' : 'Calculation',
      reported: es ? 'Reportado' : 'Reported',
      draft: es ? 'BORRADOR' : 'DRAFT',
      page: es ? 'Página' : 'Page',
      records: es ? 'Registros' : 'Records',
      record: es ? 'registro' : 'record',
      formula: es ? 'Fórmula' : 'Formula',
      statusNames: es
        ? {
            met: 'Cumplida',
            'on-track': 'En curso',
            'not-met': 'No cumplida',
            'no-data': 'Sin datos',
            'no-target': 'Sin meta',
            'in-progress': 'En proceso',
          }
        : {
            met: 'Met',
            'on-track': 'On track',
            'not-met': 'Not met',
            'no-data': 'No data',
            'no-target': 'No target',
            'in-progress': 'In progress',
          },
      per100k: es ? 'por 100 000 mujeres' : 'per 100,000 women',
    },
  };
}
