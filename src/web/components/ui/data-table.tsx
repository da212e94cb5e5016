import type { ReactNode } from 'react';
import { TableScroll } from '../charts/table-scroll.js';

/** A column heading; `num` right-aligns a column of numbers, `className` adds a class to its heading. */
export interface Column {
  label: ReactNode;
  num?: boolean;
  className?: string;
}

interface TableProps {
  columns: readonly Column[];
  children: ReactNode;
  className?: string;
  /** `data-testid` of the table. */
  testId?: string;
  /** Rows of a <tfoot> (totals). */
  footer?: ReactNode;
}

/**
 * A data table without its own scrolling region (for a place that gives one, e.g. a chart's table):
 * an optional caption, one row of column headings and the body rows the page gives.
 */
export function Table({ columns, children, className, testId, footer, caption }: TableProps & { caption?: ReactNode }) {
  return (
    <table className={className ? `data ${className}` : 'data'} data-testid={testId}>
      {caption}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={headingClass(c)}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {footer && <tfoot>{footer}</tfoot>}
    </table>
  );
}

function headingClass(c: Column): string | undefined {
  const names = [c.num ? 'num' : null, c.className ?? null].filter((x) => x !== null);
  return names.length > 0 ? names.join(' ') : undefined;
}

/**
 * The application's list table: a named scrolling region, a caption (for screen readers only unless
 * `showCaption`; none with `caption={false}`), one row of column headings and the body rows the page gives.
 */
export function DataTable({
  label,
  showCaption = false,
  caption = true,
  ...table
}: TableProps & {
  label: string;
  showCaption?: boolean;
  caption?: boolean;
}) {
  return (
    <TableScroll label={label}>
      <Table
        {...table}
        caption={caption && <caption className={showCaption ? undefined : 'sr-only'}>{label}</caption>}
      />
    </TableScroll>
  );
}
