import { describe, expect, it } from 'vitest';
import { describeActivity } from './activity-text.js';
import { activity, context, plain } from './generate.fixture.js';

const training = activity({
  id: 't1',
  title: { es: 'Taller de liderazgo', en: 'Leadership workshop' },
  dates: [{ start: '2023-07-04', end: '2023-07-29' }],
  places: ['MX-30'],
  attributes: { modality: 'online' },
  women: 1471,
  men: 577,
});

describe('generated text of an activity', () => {
  it('words a training like the 2022 report, in Spanish with es-MX numbers and dates', async () => {
    const { ctx } = context([training], 'es');
    expect(plain(await describeActivity(training, ctx))).toBe(
      'La SEMAR impartió esta capacitación en línea, del 4 al 29 de julio de 2023, en Veracruz, dirigida a 2,048 personas (1,471 mujeres y 577 hombres).',
    );
  });

  it('words the same training in English', async () => {
    const { ctx } = context([training], 'en');
    expect(plain(await describeActivity(training, ctx))).toBe(
      'SEMAR delivered this training online, from July 4 to 29, 2023, in Veracruz, for 2,048 people (1,471 women and 577 men).',
    );
  });

  it('every number is a figure with a source note over the record, none typed', async () => {
    const { ctx, book } = context([training], 'en');
    const parts = await describeActivity(training, ctx);
    const figures = parts.filter((p) => p.kind === 'figure');
    expect(figures).toHaveLength(3);
    for (const f of figures) if (f.kind === 'figure') expect(book.notes[f.figure.note - 1]?.recordIds).toEqual(['t1']);
    // Outside the figures, the only digits are those of the dates.
    const text = parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
    expect(text.replace(/July 4 to 29, 2023/, '')).not.toMatch(/\d/);
  });

  it('says nothing of men when the records hold women only (never 0, never derived)', async () => {
    const a = activity({ id: 'w', women: 63 });
    for (const lang of ['es', 'en'] as const) {
      const { ctx } = context([a], lang);
      const text = plain(await describeActivity(a, ctx));
      expect(text).toBe(
        lang === 'es'
          ? 'La SEMAR impartió esta capacitación dirigida a 63 mujeres.'
          : 'SEMAR delivered this training for 63 women.',
      );
      expect(text).not.toMatch(/hombres|\bmen\b|\b0\b/);
    }
  });

  it('counts editions and sums their leaves', async () => {
    const parent = activity({ id: 'c', title: { es: 'Curso', en: 'Course' } });
    const e1 = activity({
      id: 'c.1',
      parent: 'c',
      dates: [{ start: '2023-03-01', end: '2023-03-05' }],
      women: 10,
      men: 5,
      notRecorded: 2,
    });
    const e2 = activity({
      id: 'c.2',
      parent: 'c',
      dates: [{ start: '2023-04-10', end: '2023-05-02' }],
      women: 20,
      men: 15,
    });
    const { ctx } = context([parent, e1, e2], 'es');
    expect(plain(await describeActivity(parent, ctx))).toBe(
      'La SEMAR impartió esta capacitación en 2 ediciones, del 1 al 5 de marzo de 2023 y del 10 de abril al 2 de mayo de 2023, dirigida a 52 personas (30 mujeres, 20 hombres y 2 sin registro de sexo).',
    );
  });

  it('words a deployment with the women’s share and the UN target of the year', async () => {
    const d = activity({
      id: 'd',
      kind: 'deployment',
      attributes: { mission: 'UNIFIL', ugpsCategory: 'military-observer-staff-officer' },
      women: 5,
      men: 10,
    });
    const { ctx } = context([d], 'en', 2022);
    expect(plain(await describeActivity(d, ctx))).toBe(
      'SEMAR deployed 15 personnel (5 women and 10 men) to UNIFIL, in the category of military observers and staff officers; women were 33.33% of the personnel deployed, against the United Nations gender-parity target of 19% for that category in 2022.',
    );
    const es = context([d], 'es', 2022);
    expect(plain(await describeActivity(d, es.ctx))).toBe(
      'La SEMAR desplegó 15 elementos (5 mujeres y 10 hombres) en la misión UNIFIL, en la categoría de observadores militares y oficiales de estado mayor; las mujeres fueron el 33.33% del personal desplegado, frente a la meta de paridad de género de las Naciones Unidas de 19% para esa categoría en 2022.',
    );
  });

  it('words networks per entity, with their fund and members, naming the entities', async () => {
    const root = activity({
      id: 'n',
      kind: 'network',
      institution: 'SSPC-GN',
      attributes: { networkAction: 'created', fund: 'FASP' },
    });
    const a = activity({
      id: 'n.5',
      kind: 'network',
      institution: 'SSPC-GN',
      parent: 'n',
      places: ['MX-05'],
      quantity: 29,
      unit: 'networks',
      women: 611,
      measures: { municipalities: 7 },
    });
    const b = activity({
      id: 'n.7',
      kind: 'network',
      institution: 'SSPC-GN',
      parent: 'n',
      places: ['MX-07'],
      quantity: 1,
      unit: 'networks',
      women: 20,
      measures: { municipalities: 1 },
    });
    const es = context([root, a, b], 'es');
    expect(plain(await describeActivity(root, es.ctx))).toBe(
      'La GN creó 30 redes con recursos del FASP en Coahuila y Chiapas, con la participación de 631 mujeres (8 municipios).',
    );
    const en = context([root, a, b], 'en');
    expect(plain(await describeActivity(root, en.ctx))).toBe(
      'GN created 30 networks with resources from FASP in Coahuila and Chiapas, with the participation of 631 women (8 municipalities).',
    );
  });

  it('words engagements, deliveries and publications', async () => {
    const e = activity({
      id: 'e',
      kind: 'engagement',
      dates: [{ start: '2023-10-26', end: '2023-10-26' }],
      attributes: { forum: 'United Nations Security Council (UNSC)', role: 'co-chair' },
    });
    const m = activity({
      id: 'm',
      kind: 'material',
      quantity: 1,
      unit: 'uniforms',
      dates: [{ start: '2023-12-16', end: '2023-12-16' }],
    });
    const p = activity({ id: 'p', kind: 'publication', items: [{ es: 'Guía', en: 'Guide' }] });
    const en = context([e, m, p], 'en');
    expect(plain(await describeActivity(e, en.ctx))).toBe(
      'SEMAR took part in the United Nations Security Council (UNSC) as co-chair on October 26, 2023.',
    );
    expect(plain(await describeActivity(m, en.ctx))).toBe('SEMAR delivered 1 uniform on December 16, 2023.');
    expect(plain(await describeActivity(p, en.ctx))).toBe('SEMAR published this document. Contents: Guide.');
    const es = context([e, m, p], 'es');
    expect(plain(await describeActivity(e, es.ctx))).toBe(
      'La SEMAR participó en el foro «United Nations Security Council (UNSC)» con el papel de copresidencia el 26 de octubre de 2023.',
    );
    expect(plain(await describeActivity(m, es.ctx))).toBe('La SEMAR entregó 1 uniforme el 16 de diciembre de 2023.');
  });

  it('says "sex not recorded" once when that is all the records hold, and closes counts in one parenthesis', async () => {
    const a = activity({ id: 'nr', notRecorded: 622 });
    const b = activity({
      id: 'q',
      women: 50,
      men: 46,
      quantity: 3,
      unit: 'workshops',
      measures: { municipalities: 26 },
    });
    const en = context([a, b], 'en');
    expect(plain(await describeActivity(a, en.ctx))).toBe(
      'SEMAR delivered this training for 622 people whose sex was not recorded.',
    );
    const es = context([a, b], 'es');
    expect(plain(await describeActivity(a, es.ctx))).toBe(
      'La SEMAR impartió esta capacitación dirigida a 622 personas sin registro de sexo.',
    );
    expect(plain(await describeActivity(b, es.ctx))).toBe(
      'La SEMAR impartió esta capacitación dirigida a 96 personas (50 mujeres y 46 hombres) (3 talleres; 26 municipios).',
    );
  });
});
