/**
 * The report's opening section of key figures, computed from the records: people trained by sex and
 * institution (with a chart), deployments per UN category against that year's gender-parity target,
 * networks, engagements and deliveries, and the change against the previous period when it has records
 * (the previous value, the base, is shown beside it).
 */
import type { Lang } from '../../model/kinds.js';
import { ugpsTarget } from '../../model/ugps-targets.js';
import type { Activity } from '../../schemas/period.schema.js';
import type { Block, Figure, TableCell } from '../document.js';
import type { ActivityTree } from './activity-section.js';
import { ugpsCategoryName, unitWord, capitalize } from './words.js';

export interface KeyFiguresInput {
  lang: Lang;
  year: number;
  figure: (expression: string) => Promise<Figure>;
  tree: ActivityTree;
  /** Top-level institutions in the plan's order: code, acronym. */
  ministries: readonly { code: string; acronym: string }[];
  /** The ministry a record's institution belongs to. */
  ministryOf: (code: string) => string;
  /** The plan's first year: the trend runs from it to the report's year. */
  firstYear: number;
}

const T = {
  es: {
    heading: (y: number) => `Cifras clave ${y}`,
    intro: (y: number, prev: boolean) =>
      `Las cifras de esta sección se calculan a partir de los registros aprobados del periodo ${y}${prev ? `; la variación se mide contra el periodo ${y - 1}, cuyo valor se muestra como base` : ''}.`,
    summary: (y: number) => `Resumen de ${y}`,
    measure: 'Concepto',
    change: 'Variación (%)',
    rows: {
      trainings: 'Actividades de capacitación',
      trained: 'Personas capacitadas',
      trainedWomen: 'Mujeres capacitadas',
      trainedMen: 'Hombres capacitados',
      deployed: 'Personal desplegado',
      deployedWomen: 'Mujeres desplegadas',
      created: 'Redes creadas',
      strengthened: 'Redes fortalecidas',
      networkWomen: 'Mujeres integrantes de redes',
      engagements: 'Participaciones en foros internacionales',
      delivered: (unit: string) => `Entregas: ${unit}`,
    },
    trainedBy: (y: number) => `Personas capacitadas por institución y sexo, ${y}`,
    institution: 'Institución',
    women: 'Mujeres',
    men: 'Hombres',
    notRecorded: 'Sin registro de sexo',
    total: 'Total',
    chart: (y: number) => `Mujeres y hombres capacitados por institución, ${y}`,
    trend: 'Personas capacitadas por periodo y sexo',
    trendChart: 'Mujeres y hombres capacitados por periodo',
    period: 'Periodo',
    deployments: (y: number) =>
      `Despliegues por categoría de las Naciones Unidas frente a la meta de paridad de género, ${y}`,
    category: 'Categoría',
    share: 'Mujeres (%)',
    target: (y: number) => `Meta ONU ${y} (%)`,
    status: 'Estado',
    noCategory: 'Categoría no registrada',
    met: 'Alcanzada',
    notMet: 'No alcanzada',
    noTarget: 'Sin meta para el año',
    source:
      'Registros aprobados del periodo. Metas: Estrategia de Paridad de Género del Personal Uniformado de las Naciones Unidas 2018–2028.',
  },
  en: {
    heading: (y: number) => `Key figures ${y}`,
    intro: (y: number, prev: boolean) =>
      `The figures of this section are computed from the approved records of the ${y} period${prev ? `; the change is measured against the ${y - 1} period, whose value is shown as the base` : ''}.`,
    summary: (y: number) => `Summary of ${y}`,
    measure: 'Measure',
    change: 'Change (%)',
    rows: {
      trainings: 'Training activities',
      trained: 'People trained',
      trainedWomen: 'Women trained',
      trainedMen: 'Men trained',
      deployed: 'Personnel deployed',
      deployedWomen: 'Women deployed',
      created: 'Networks created',
      strengthened: 'Networks strengthened',
      networkWomen: 'Women members of networks',
      engagements: 'Engagements in international forums',
      delivered: (unit: string) => `Delivered: ${unit}`,
    },
    trainedBy: (y: number) => `People trained by institution and sex, ${y}`,
    institution: 'Institution',
    women: 'Women',
    men: 'Men',
    notRecorded: 'Sex not recorded',
    total: 'Total',
    chart: (y: number) => `Women and men trained by institution, ${y}`,
    trend: 'People trained by period and sex',
    trendChart: 'Women and men trained by period',
    period: 'Period',
    deployments: (y: number) => `Deployments by United Nations category against the gender-parity target, ${y}`,
    category: 'Category',
    share: 'Women (%)',
    target: (y: number) => `UN target ${y} (%)`,
    status: 'Status',
    noCategory: 'Category not recorded',
    met: 'Reached',
    notMet: 'Not reached',
    noTarget: 'No target for the year',
    source: 'Approved records of the period. Targets: United Nations Uniformed Gender Parity Strategy 2018–2028.',
  },
} as const;

const fig = (figure: Figure): TableCell => ({ kind: 'figure', figure });
const txt = (text: string): TableCell => ({ kind: 'text', text });

export async function keyFigures(input: KeyFiguresInput): Promise<Block[]> {
  const { lang, year, tree } = input;
  const L = T[lang];
  const acts = [...tree.byId.values()];
  if (acts.length === 0) return [];
  const prevCount = await input.figure(`count(where period = ${year - 1})`);
  const hasPrev = (prevCount.value ?? 0) > 0;
  const out: Block[] = [
    { kind: 'heading', id: 'key-figures', level: 1, number: null, text: L.heading(year) },
    {
      kind: 'paragraph',
      id: 'key-figures-intro',
      label: null,
      parts: [{ kind: 'text', text: L.intro(year, hasPrev) }],
    },
  ];

  // 1. Summary with the previous period as base.
  const units = [
    ...new Set(
      acts
        .filter((a) => (a.kind === 'material' || a.kind === 'infrastructure') && a.unit !== null && a.quantity !== null)
        .map((a) => a.unit!),
    ),
  ].sort();
  const measures: [string, string][] = [
    [L.rows.trainings, 'count(where kind = "training" and root)'],
    [L.rows.trained, 'sum(total where kind = "training")'],
    [L.rows.trainedWomen, 'sum(women where kind = "training")'],
    [L.rows.trainedMen, 'sum(men where kind = "training")'],
    [L.rows.deployed, 'sum(total where kind = "deployment")'],
    [L.rows.deployedWomen, 'sum(women where kind = "deployment")'],
    // Networks, not records: the quantity in networks (FASP's are stored per federal entity), never a count of rows.
    [L.rows.created, 'sum(quantity where kind = "network" and unit = "networks" and attr.networkAction = "created")'],
    [
      L.rows.strengthened,
      'sum(quantity where kind = "network" and unit = "networks" and attr.networkAction = "strengthened")',
    ],
    [L.rows.networkWomen, 'sum(women where kind = "network")'],
    [L.rows.engagements, 'count(where kind = "engagement" and root)'],
    ...units.map((u): [string, string] => [
      L.rows.delivered(unitWord(u, null, lang)),
      `sum(quantity where kind in ("material", "infrastructure") and unit = ${JSON.stringify(u)})`,
    ]),
  ];
  const rows: TableCell[][] = [];
  for (const [label, expr] of measures) {
    const cur = await input.figure(expr.replace(/(where )/, `$1period = ${year} and `));
    if (!cur.value) continue;
    const cells: TableCell[] = [txt(label), fig(cur)];
    if (hasPrev) {
      const prevExpr = expr.replace(/(where )/, `$1period = ${year - 1} and `);
      const prev = await input.figure(prevExpr);
      cells.push(prev.value === null ? txt('—') : fig(prev));
      cells.push(
        prev.value
          ? fig(
              await input.figure(
                `round(growth(${expr.replace(/(where )/, `$1period = ${year} and `)}, ${prevExpr}), 1)`,
              ),
            )
          : txt('—'),
      );
    }
    rows.push(cells);
  }
  if (rows.length > 0)
    out.push({
      kind: 'table',
      id: 'kf-summary',
      title: L.summary(year),
      columns: [
        { key: 'measure', label: L.measure, numeric: false },
        { key: 'current', label: String(year), numeric: true },
        ...(hasPrev
          ? [
              { key: 'previous', label: String(year - 1), numeric: true },
              { key: 'change', label: L.change, numeric: true },
            ]
          : []),
      ],
      rows,
      total: null,
      source: null,
    });

  // 2. People trained by institution and sex, and its chart.
  const trainingMinistries = input.ministries.filter((m) =>
    acts.some((a) => a.kind === 'training' && input.ministryOf(a.institution) === m.code && hasPeople(a, tree)),
  );
  if (trainingMinistries.length > 0) {
    const fields = (['women', 'men', 'notRecorded'] as const).filter((f) =>
      acts.some((a) => a.kind === 'training' && hasField(a, tree, f)),
    );
    const trows: TableCell[][] = [];
    const women: Figure[] = [];
    const men: Figure[] = [];
    for (const m of trainingMinistries) {
      const where = `kind = "training" and institution = ${JSON.stringify(m.code)}`;
      const cells: TableCell[] = [txt(m.acronym)];
      for (const f of fields) {
        const v = await input.figure(`sum(${f} where ${where})`);
        cells.push(v.value === null ? txt('—') : fig(v));
        if (f === 'women') women.push(v);
        if (f === 'men') men.push(v);
      }
      cells.push(fig(await input.figure(`sum(total where ${where})`)));
      trows.push(cells);
    }
    const total: TableCell[] = [txt(L.total)];
    for (const f of fields) total.push(fig(await input.figure(`sum(${f} where kind = "training")`)));
    total.push(fig(await input.figure('sum(total where kind = "training")')));
    out.push({
      kind: 'table',
      id: 'kf-trained',
      title: L.trainedBy(year),
      columns: [
        { key: 'institution', label: L.institution, numeric: false },
        ...fields.map((f) => ({ key: f, label: L[f], numeric: true })),
        { key: 'total', label: L.total, numeric: true },
      ],
      rows: trows,
      total,
      source: null,
    });
    const series = [
      ...(women.length > 0 ? [{ name: L.women, figures: women }] : []),
      ...(men.length > 0 ? [{ name: L.men, figures: men }] : []),
    ];
    if (series.length > 0)
      out.push({
        kind: 'chart',
        id: 'chart-trained',
        title: L.chart(year),
        categories: trainingMinistries.map((m) => m.acronym),
        series,
      });
  }

  // 3. The trend of people trained across the plan's periods that have records.
  const years: number[] = [];
  for (let y = Math.min(input.firstYear, year); y <= year; y++)
    if (((await input.figure(`count(where period = ${y})`)).value ?? 0) > 0) years.push(y);
  if (years.length >= 2) {
    const rowsByYear: TableCell[][] = [];
    const women: Figure[] = [];
    const men: Figure[] = [];
    for (const y of years) {
      const w = await input.figure(`sum(women where kind = "training" and period = ${y})`);
      const m = await input.figure(`sum(men where kind = "training" and period = ${y})`);
      const t = await input.figure(`sum(total where kind = "training" and period = ${y})`);
      women.push(w);
      men.push(m);
      rowsByYear.push([
        txt(String(y)),
        w.value === null ? txt('—') : fig(w),
        m.value === null ? txt('—') : fig(m),
        t.value === null ? txt('—') : fig(t),
      ]);
    }
    out.push(
      {
        kind: 'table',
        id: 'kf-trend',
        title: L.trend,
        columns: [
          { key: 'period', label: L.period, numeric: false },
          { key: 'women', label: L.women, numeric: true },
          { key: 'men', label: L.men, numeric: true },
          { key: 'total', label: L.total, numeric: true },
        ],
        rows: rowsByYear,
        total: null,
        source: null,
      },
      {
        kind: 'chart',
        id: 'chart-trend',
        title: L.trendChart,
        categories: years.map(String),
        series: [
          { name: L.women, figures: women },
          { name: L.men, figures: men },
        ],
      },
    );
  }

  // 4. Deployments per UN category against the target of the year.
  const deployments = tree.roots.filter((a) => a.kind === 'deployment' && hasPeople(a, tree));
  if (deployments.length > 0) {
    const cats = [...new Set(deployments.map((d) => d.attributes.ugpsCategory ?? ''))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
    );
    const drows: TableCell[][] = [];
    // Deployments are named one by one (`within`, with their editions); many deployments that are
    // leaves are selected by their category instead, so the formula stays short at any size.
    const byCategory = deployments.length > MAX_NAMED && deployments.every((d) => tree.descendants(d.id).length === 0);
    const known = cats.filter((c) => c !== '').map((c) => `attr.ugpsCategory = ${JSON.stringify(c)}`);
    for (const c of cats) {
      const ids = deployments
        .filter((d) => (d.attributes.ugpsCategory ?? '') === c)
        .map((d) => `within = ${JSON.stringify(d.id)}`);
      const where = byCategory
        ? `(kind = "deployment"${c ? ` and attr.ugpsCategory = ${JSON.stringify(c)}` : known.length > 0 ? ` and not (${known.join(' or ')})` : ''})`
        : ids.length === 1
          ? ids[0]!
          : `(${ids.join(' or ')})`;
      const w = await input.figure(`sum(women where ${where})`);
      const t = await input.figure(`sum(total where ${where})`);
      const share = await input.figure(`round(share(sum(women where ${where}), sum(total where ${where})), 2)`);
      const target = c ? ugpsTarget(c, year) : null;
      const status = !target || share.value === null ? L.noTarget : share.value >= target.value ? L.met : L.notMet;
      drows.push([
        txt(c ? capitalize(ugpsCategoryName(c, lang)) : L.noCategory),
        w.value === null ? txt('—') : fig(w),
        fig(t),
        share.value === null ? txt('—') : fig(share),
        txt(target ? String(target.value) : '—'),
        txt(status),
      ]);
    }
    out.push({
      kind: 'table',
      id: 'kf-deployments',
      title: L.deployments(year),
      columns: [
        { key: 'category', label: L.category, numeric: false },
        { key: 'women', label: L.women, numeric: true },
        { key: 'total', label: L.total, numeric: true },
        { key: 'share', label: L.share, numeric: true },
        { key: 'target', label: L.target(year), numeric: true },
        { key: 'status', label: L.status, numeric: false },
      ],
      rows: drows,
      total: null,
      source: L.source,
    });
  }
  return out;
}

function hasField(a: Activity, tree: ActivityTree, f: 'women' | 'men' | 'notRecorded'): boolean {
  return a[f] !== null || tree.descendants(a.id).some((d) => d[f] !== null);
}

/** Deployments named one by one in a formula at most (a formula may hold 4,000 characters). */
const MAX_NAMED = 40;

function hasPeople(a: Activity, tree: ActivityTree): boolean {
  return hasField(a, tree, 'women') || hasField(a, tree, 'men') || hasField(a, tree, 'notRecorded');
}
