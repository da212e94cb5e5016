import type { ReactNode } from 'react';
import { TableScroll } from '../charts/table-scroll.js';

/** A column heading; `num` right-aligns a column of numbers. */
export interface Column {
  label: ReactNode;
  num?: boolean;
}

/**
 * The application's list table: a named scrolling region, a caption (for screen readers only unless
 * `showCaption`), one row of column headings and the body rows the page gives.
 */
export function DataTable({
  label,
  columns,
  children,
  className,
  showCaption = false,
}: {
  label: string;
  columns: Column[];
  children: ReactNode;
  className?: string;
  showCaption?: boolean;
}) {
  return (
    <TableScroll label={label}>
      <table className={className ? `data ${className}` : 'data'}>
        <caption className={showCaption ? undefined : 'sr-only'}>{label}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
