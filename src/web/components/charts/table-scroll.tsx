import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on narrow screens. The scrolling region takes keyboard focus
 * (arrow keys scroll it) and has a name, so keyboard and screen-reader users can reach all columns.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
