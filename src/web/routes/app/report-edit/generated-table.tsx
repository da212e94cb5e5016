import type { GeneratedSectionDto } from '../../../../server/routes/report/narrative.schemas.js';

type Table = NonNullable<GeneratedSectionDto['activities'][number]['table']>['es'];

/** An activity's generated table (its editions or per-entity rows), as the report prints it. */
export function GeneratedTableView({ table }: { table: Table }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={table.title}>
      <table className="data">
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.total && (
          <tfoot>
            <tr>
              {table.total.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
