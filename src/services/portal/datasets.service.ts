import type { OpenField, OpenFieldType, OpenTable } from '../../formats/open-data/open-table.js';
import { indicatorHistory, ugpsComparison } from './indicators.service.js';
import { computeMap, MAP_METRIC_KEYS, MAP_METRICS } from './map.service.js';
import type { PublishedData } from './published-data.js';

export const DATASETS = ['records', 'indicators', 'states', 'deployments'] as const;
export type DatasetName = (typeof DATASETS)[number];

function field(name: string, type: OpenFieldType, es: string, en: string, descEs = es, descEn = en): OpenField {
  return { name, type, title: { es, en }, description: { es: descEs, en: descEn } };
}

const RECORD_FIELDS: OpenField[] = [
  field('period', 'integer', 'Periodo', 'Period', 'Año del periodo de reporte', 'Reporting year'),
  field('id', 'string', 'Identificador', 'Identifier', 'Identificador estable del registro', 'Stable record id'),
  field(
    'parent_id',
    'string',
    'Registro padre',
    'Parent record',
    'Actividad de la que forma parte',
    'Activity it is part of',
  ),
  field(
    'kind',
    'string',
    'Tipo',
    'Kind',
    'training, event, deployment, network, engagement, …',
    'training, event, deployment, network, engagement, …',
  ),
  field(
    'institution',
    'string',
    'Institución',
    'Institution',
    'Código de la institución o unidad',
    'Institution or unit code',
  ),
  field(
    'ministry',
    'string',
    'Dependencia',
    'Ministry',
    'Dependencia que responde por el dato',
    'Ministry that answers for the record',
  ),
  field(
    'courses_of_action',
    'string',
    'Líneas de acción',
    'Courses of action',
    'Códigos separados por ";"',
    'Codes separated by ";"',
  ),
  field('title_es', 'string', 'Título (es)', 'Title (es)'),
  field('title_en', 'string', 'Título (en)', 'Title (en)'),
  field('summary_es', 'string', 'Resumen (es)', 'Summary (es)'),
  field('summary_en', 'string', 'Resumen (en)', 'Summary (en)'),
  field('start_date', 'date', 'Inicio', 'Start', 'Primera fecha registrada', 'First recorded date'),
  field('end_date', 'date', 'Fin', 'End', 'Última fecha registrada', 'Last recorded date'),
  field('places', 'string', 'Lugares', 'Places', 'Códigos de lugar separados por ";"', 'Place codes separated by ";"'),
  field(
    'federal_entities',
    'string',
    'Entidades federativas',
    'Federal entities',
    'Claves de entidad separadas por ";"',
    'Entity codes separated by ";"',
  ),
  field('women', 'integer', 'Mujeres', 'Women', 'Mujeres registradas en este nivel', 'Women recorded at this level'),
  field('men', 'integer', 'Hombres', 'Men', 'Hombres registrados en este nivel', 'Men recorded at this level'),
  field('not_recorded', 'integer', 'Sin registro de sexo', 'Sex not recorded'),
  field(
    'total',
    'integer',
    'Total de personas',
    'People in total',
    'Mujeres + hombres + sin registro',
    'Women + men + not recorded',
  ),
  field('quantity', 'number', 'Cantidad', 'Quantity'),
  field('unit', 'string', 'Unidad', 'Unit'),
  field('modality', 'string', 'Modalidad', 'Modality'),
  field(
    'ugps_category',
    'string',
    'Categoría UGPS',
    'UGPS category',
    'Categoría de la Estrategia de Paridad de Género para el Personal Uniformado de la ONU',
    'UN Uniformed Gender Parity Strategy category',
  ),
  field(
    'network_action',
    'string',
    'Acción de red',
    'Network action',
    'created o strengthened',
    'created or strengthened',
  ),
  field('fund', 'string', 'Fondo', 'Fund'),
];

const INDICATOR_FIELDS: OpenField[] = [
  field('indicator', 'string', 'Indicador', 'Indicator', 'Código del indicador', 'Indicator code'),
  field('period', 'integer', 'Periodo', 'Period'),
  field('course_of_action', 'string', 'Línea de acción', 'Course of action'),
  field('text_es', 'string', 'Indicador (es)', 'Indicator (es)'),
  field('text_en', 'string', 'Indicador (en)', 'Indicator (en)'),
  field('unit', 'string', 'Unidad', 'Unit', 'count, percent, ratio o text', 'count, percent, ratio or text'),
  field(
    'value',
    'number',
    'Valor',
    'Value',
    'Calculado con los registros publicados',
    'Computed from the published records',
  ),
  field(
    'status',
    'string',
    'Estado',
    'Status',
    'met, on-track, not-met o no-data',
    'met, on-track, not-met or no-data',
  ),
  field('target_comparator', 'string', 'Comparador de la meta', 'Target comparator'),
  field('target_value', 'number', 'Meta', 'Target'),
  field('target_year', 'integer', 'Año de la meta', 'Target year'),
  field('baseline_value', 'number', 'Línea base', 'Baseline'),
  field('baseline_year', 'integer', 'Año de la línea base', 'Baseline year'),
  field(
    'reported_value',
    'number',
    'Valor reportado',
    'Reported value',
    'Valor que declaró el documento fuente',
    'Value the source document stated',
  ),
  field('formula', 'string', 'Fórmula', 'Formula', 'Expresión del lenguaje de cifras', 'Figure-language expression'),
  field('record_count', 'integer', 'Registros usados', 'Records used'),
];

const STATE_FIELDS: OpenField[] = [
  field('period', 'integer', 'Periodo', 'Period'),
  field(
    'state',
    'string',
    'Entidad federativa',
    'Federal entity',
    'Código de lugar (MX-01…MX-32)',
    'Place code (MX-01…MX-32)',
  ),
  field('cve_ent', 'string', 'Clave INEGI', 'INEGI code'),
  field('name_es', 'string', 'Nombre (es)', 'Name (es)'),
  field('name_en', 'string', 'Nombre (en)', 'Name (en)'),
  field(
    'population_women',
    'integer',
    'Mujeres (Censo 2020)',
    'Women (2020 census)',
    'Población femenina, INEGI Censo de Población y Vivienda 2020',
    'Female population, INEGI 2020 census',
  ),
  ...MAP_METRIC_KEYS.flatMap((k) => [
    field(k.replace(/-/g, '_'), 'number', MAP_METRICS[k].label.es, MAP_METRICS[k].label.en),
    field(
      `${k.replace(/-/g, '_')}_per_100k_women`,
      'number',
      `${MAP_METRICS[k].label.es} por 100 000 mujeres`,
      `${MAP_METRICS[k].label.en} per 100,000 women`,
    ),
  ]),
];

const DEPLOYMENT_FIELDS: OpenField[] = [
  field('period', 'integer', 'Periodo', 'Period'),
  field('ugps_category', 'string', 'Categoría UGPS', 'UGPS category'),
  field('women', 'integer', 'Mujeres desplegadas', 'Women deployed'),
  field('total', 'integer', 'Personal desplegado', 'Personnel deployed'),
  field('women_share', 'number', 'Porcentaje de mujeres', "Women's share", 'En porcentaje', 'In percent'),
  field(
    'un_target',
    'number',
    'Meta de la ONU del año',
    'UN target for the year',
    'Estrategia de Paridad de Género para el Personal Uniformado 2018–2028',
    'Uniformed Gender Parity Strategy 2018–2028',
  ),
  field(
    'un_target_verified',
    'boolean',
    'Meta verificada',
    'Target verified',
    'false = interpolada, por verificar',
    'false = interpolated, to be verified',
  ),
  field('un_target_2028', 'number', 'Meta de la ONU 2028', 'UN target 2028'),
  field('status', 'string', 'Estado', 'Status'),
];

const join = (xs: readonly string[]) => (xs.length === 0 ? null : xs.join(';'));

/** Builds one open dataset from the published data; `period` restricts it to one published period. */
export async function buildDataset(data: PublishedData, name: DatasetName, period: number | null): Promise<OpenTable> {
  const years = data.periods.map((p) => p.year).filter((y) => period === null || y === period);
  switch (name) {
    case 'records': {
      const records = new Map((await data.figureRecords()).map((r) => [r.id, r]));
      const rows = (await data.activities({ periods: years })).map(({ period: year, activity: a }) => {
        const r = records.get(a.id);
        const starts = a.dates.map((d) => d.start).sort();
        const ends = a.dates.map((d) => d.end).sort();
        const parts = [a.women, a.men, a.notRecorded];
        return {
          period: year,
          id: a.id,
          parent_id: a.parent,
          kind: a.kind,
          institution: a.institution,
          ministry: data.ministryOf(a.institution),
          courses_of_action: join(r?.coursesOfAction ?? a.coursesOfAction),
          title_es: a.title.es,
          title_en: a.title.en,
          summary_es: a.summary?.es ?? null,
          summary_en: a.summary?.en ?? null,
          start_date: starts[0] ?? null,
          end_date: ends[ends.length - 1] ?? null,
          places: join(a.places),
          federal_entities: join([
            ...new Set(a.places.map((p) => data.stateOf(p)).filter((s): s is string => s !== null)),
          ]),
          women: a.women,
          men: a.men,
          not_recorded: a.notRecorded,
          total: parts.every((p) => p === null) ? null : parts.reduce<number>((s, p) => s + (p ?? 0), 0),
          quantity: a.quantity,
          unit: a.unit,
          modality: a.attributes.modality ?? null,
          ugps_category: a.attributes.ugpsCategory ?? null,
          network_action: a.attributes.networkAction ?? null,
          fund: a.attributes.fund ?? null,
        };
      });
      return {
        name,
        title: { es: 'Registros publicados', en: 'Published records' },
        description: {
          es: 'Cada actividad y subactividad publicada, con sus conteos por sexo en el nivel donde se registraron.',
          en: 'Every published activity and sub-activity, with counts by sex at the level where they were recorded.',
        },
        fields: RECORD_FIELDS,
        primaryKey: ['id'],
        rows,
      };
    }
    case 'indicators': {
      const rows = [];
      for (const ind of data.plan.indicators) {
        const history = await indicatorHistory(data, ind, false);
        for (const h of history.filter((x) => years.includes(x.period)))
          rows.push({
            indicator: ind.code,
            period: h.period,
            course_of_action: ind.courseOfAction,
            text_es: ind.text.es,
            text_en: ind.text.en,
            unit: ind.unit,
            value: h.value,
            status: h.status,
            target_comparator: ind.target?.comparator ?? null,
            target_value: ind.target?.value ?? null,
            target_year: ind.target?.year ?? null,
            baseline_value: ind.baseline?.value ?? null,
            baseline_year: ind.baseline?.year ?? null,
            reported_value: h.reported?.value ?? null,
            formula: h.formula ?? ind.formula,
            record_count: h.recordCount,
          });
      }
      return {
        name,
        title: { es: 'Indicadores del plan', en: 'Indicators of the plan' },
        description: {
          es: 'Valor de cada indicador por periodo publicado, con su meta y su estado.',
          en: 'Value of every indicator per published period, with its target and status.',
        },
        fields: INDICATOR_FIELDS,
        primaryKey: ['indicator', 'period'],
        rows,
      };
    }
    case 'states': {
      const rows = [];
      for (const year of years) {
        const maps = await Promise.all(MAP_METRIC_KEYS.map((k) => computeMap(data, year, k)));
        for (const [i, s] of (maps[0]?.rows ?? []).entries()) {
          const row: Record<string, string | number | null> = {
            period: year,
            state: s.code,
            cve_ent: s.cveEnt,
            name_es: s.name.es,
            name_en: s.name.en,
            population_women: s.populationWomen,
          };
          MAP_METRIC_KEYS.forEach((k, j) => {
            const m = maps[j]?.rows[i];
            row[k.replace(/-/g, '_')] = m?.value ?? null;
            row[`${k.replace(/-/g, '_')}_per_100k_women`] = m?.ratePer100kWomen ?? null;
          });
          rows.push(row);
        }
      }
      return {
        name,
        title: { es: 'Por entidad federativa', en: 'By federal entity' },
        description: {
          es: 'Redes creadas, sus integrantes mujeres y personas capacitadas por entidad federativa, con tasas por 100 000 mujeres (INEGI, Censo 2020).',
          en: 'Networks created, their women members and people trained by federal entity, with rates per 100,000 women (INEGI, 2020 census).',
        },
        fields: STATE_FIELDS,
        primaryKey: ['period', 'state'],
        rows,
      };
    }
    case 'deployments': {
      const rows = [];
      for (const year of years)
        for (const u of await ugpsComparison(data, year))
          rows.push({
            period: year,
            ugps_category: u.category,
            women: u.women,
            total: u.total,
            women_share: u.share,
            un_target: u.target?.value ?? null,
            un_target_verified: u.target ? u.target.verified : null,
            un_target_2028: u.endTarget,
            status: u.status,
          });
      return {
        name,
        title: {
          es: 'Despliegues frente a las metas de paridad de la ONU',
          en: 'Deployments against the UN parity targets',
        },
        description: {
          es: 'Porcentaje de mujeres desplegadas por categoría de la Estrategia de Paridad de Género para el Personal Uniformado, frente a la meta de la ONU del año.',
          en: "Women's share of deployed personnel per category of the UN Uniformed Gender Parity Strategy, against that year's UN target.",
        },
        fields: DEPLOYMENT_FIELDS,
        primaryKey: ['period', 'ugps_category'],
        rows,
      };
    }
  }
}
