/**
 * Runtime description of every table, from which the Kysely `DB` type is derived. A test compares
 * it with the schema the migrations actually build on SQLite and on PostgreSQL.
 */
type ColumnType = 'text' | 'integer' | 'double';
interface Column {
  readonly type: ColumnType;
  readonly nullable?: true;
}

const text = { type: 'text' } as const;
const textN = { type: 'text', nullable: true } as const;
const int = { type: 'integer' } as const;
const intN = { type: 'integer', nullable: true } as const;
const dbl = { type: 'double' } as const;
const dblN = { type: 'double', nullable: true } as const;

export const TABLES = {
  plan: { id: text, country: text, title_es: text, title_en: text, published: textN, start_year: int, end_year: intN },
  institution: { code: text, acronym: text, parent_code: textN, name_es: text, name_en: text, sort_order: int },
  pillar: { code: text, number: int, title_es: text, title_en: text },
  goal: { code: text, pillar_code: text, number: int, text_es: text, text_en: text },
  course_of_action: { code: text, goal_code: text, number: int, text_es: text, text_en: text },
  coa_institution: { coa_code: text, institution_code: text, position: int },
  indicator: {
    code: text,
    coa_code: text,
    number: int,
    text_es: text,
    text_en: text,
    unit: text,
    baseline_value: dblN,
    baseline_year: intN,
    target_comparator: textN,
    target_value: dblN,
    target_year: intN,
    formula: textN,
    calculation_es: textN,
    calculation_en: textN,
  },
  indicator_link: { indicator_code: text, framework: text, code: text, position: int },
  place: {
    code: text,
    kind: text,
    parent_code: textN,
    name_es: text,
    name_en: text,
    population_total: intN,
    population_women: intN,
    population_men: intN,
    builtin: int,
  },
  period: { year: int, opens: textN, deadline: textN, source_es: textN, source_en: textN },
  activity: {
    id: text,
    period_year: int,
    kind: text,
    institution_code: text,
    parent_id: textN,
    sort_order: int,
    label: textN,
    list: textN,
    title_es: text,
    title_en: text,
    summary_es: textN,
    summary_en: textN,
    women: intN,
    men: intN,
    not_recorded: intN,
    quantity: dblN,
    unit: textN,
    measures: text,
    attributes: text,
    version: int,
  },
  activity_coa: { activity_id: text, coa_code: text, position: int },
  activity_place: { activity_id: text, place_code: text, position: int },
  activity_date: { activity_id: text, position: int, start_date: text, end_date: text },
  activity_item: { activity_id: text, position: int, text_es: text, text_en: text },
  activity_evidence: { activity_id: text, position: int, url: text },
  narrative_block: {
    id: text,
    period_year: int,
    section: text,
    sort_order: int,
    label: textN,
    list: textN,
    institution_code: textN,
    text_es: text,
    text_en: text,
    figures: text,
  },
  table_spec: { id: text, period_year: int, section: text, sort_order: int, spec: text },
  callout: { id: text, period_year: int, section: text, sort_order: int, expr: text, label_es: text, label_en: text },
  claim: {
    id: text,
    period_year: int,
    section: text,
    stated: dbl,
    relation: text,
    expr: textN,
    quote: text,
    location: text,
    ref: textN,
    cell: textN,
  },
  indicator_value: { indicator_code: text, period_year: int, value: dblN, display_es: text, display_en: text },
  outline_entry: { period_year: int, sort_order: int, level: text, ref: textN, printed_number: intN, printed: text },
  app_user: {
    id: text,
    email: text,
    name: text,
    role: text,
    institution_code: textN,
    password_hash: text,
    active: int,
    failed_logins: int,
    first_failed_at: textN,
    locked_until: textN,
    created_at: text,
    updated_at: text,
  },
  session: { id: text, user_id: text, csrf_token: text, created_at: text, last_seen_at: text, expires_at: text },
  submission: {
    institution_code: text,
    period_year: int,
    state: text,
    version: int,
    deadline: textN,
    updated_at: text,
    updated_by: textN,
  },
  submission_event: {
    id: text,
    institution_code: text,
    period_year: int,
    at: text,
    actor_id: textN,
    action: text,
    comment: textN,
    activity_id: textN,
  },
  audit_entry: {
    seq: int,
    at: text,
    actor_id: textN,
    institution_code: textN,
    action: text,
    entity: text,
    entity_id: textN,
    before: textN,
    after: textN,
    prev_hash: text,
    hash: text,
  },
  audit_head: { id: int, seq: int, hash: text, legacy_seq: int, chain_id: textN, key_check: textN },
  audit_anchor: { id: text, chain_id: text, seq: int, hash: text, at: text, reason: text, mac: text },
  publication: { period_year: int, published_at: text, published_by: textN },
  report_version: {
    id: text,
    period_year: int,
    version: int,
    lang: text,
    format: text,
    file_name: text,
    content_hash: text,
    content: text,
    published_at: text,
    published_by: textN,
    changes: textN,
  },
} as const satisfies Record<string, Record<string, Column>>;

type ValueOf<C> = C extends { type: 'text' } ? string : number;
type ColumnValue<C> = C extends { nullable: true } ? ValueOf<C> | null : ValueOf<C>;

export type DB = {
  [T in keyof typeof TABLES]: { [K in keyof (typeof TABLES)[T]]: ColumnValue<(typeof TABLES)[T][K]> };
};
export type TableName = keyof DB;
export type Row<T extends TableName> = DB[T];
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
