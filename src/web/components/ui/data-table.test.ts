import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, Table } from './data-table.js';

const row = createElement('tr', null, createElement('th', { scope: 'row' }, 'SEMAR'), createElement('td', null, '12'));

describe('DataTable', () => {
  it('names the scrolling region, captions the table for screen readers and heads each column', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        label: 'Accounts',
        columns: [{ label: 'Institution' }, { label: 'Records', num: true }],
        children: row,
      }),
    );
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Accounts">');
    expect(html).toContain('<table class="data"><caption class="sr-only">Accounts</caption>');
    expect(html).toContain(
      '<thead><tr><th scope="col">Institution</th><th scope="col" class="num">Records</th></tr></thead>',
    );
    expect(html).toContain('<tbody><tr><th scope="row">SEMAR</th><td>12</td></tr></tbody>');
  });

  it('shows the caption on request and adds a class to the table', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        label: 'Board',
        columns: [{ label: 'A' }],
        className: 'board',
        showCaption: true,
        children: row,
      }),
    );
    expect(html).toContain('<table class="data board"><caption>Board</caption>');
  });

  it('can leave the caption out, names the table for tests and classes a column heading', () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        label: 'Status',
        columns: [{ label: 'A' }, { label: '2022', num: true, className: 'period-col' }],
        caption: false,
        testId: 'status',
        children: row,
      }),
    );
    expect(html).toContain(
      '<table class="data" data-testid="status"><thead><tr><th scope="col">A</th><th scope="col" class="num period-col">2022</th>',
    );
  });

  it('renders a bare table (no scrolling region) for a place that gives its own', () => {
    const html = renderToStaticMarkup(createElement(Table, { columns: [{ label: 'A' }], children: row }));
    expect(html).toBe(
      '<table class="data"><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><th scope="row">SEMAR</th><td>12</td></tr></tbody></table>',
    );
  });
});
