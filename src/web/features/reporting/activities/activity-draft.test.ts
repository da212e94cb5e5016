import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../../../core/schemas/period.schema.js';
import {
  activityFromDraft,
  draftFromActivity,
  draftTotal,
  emptyDraft,
  fieldOfPath,
  kindFields,
  pathOfWhere,
  validateDraft,
  withoutFieldErrors,
  womenShare,
  type ActivityDraft,
} from './activity-draft.js';

function semarDraft(patch: Partial<ActivityDraft> = {}): ActivityDraft {
  return {
    ...emptyDraft('SEMAR'),
    id: 'semar-2022-pre-deployment',
    titleEs: 'Cursos de capacitación previa al despliegue',
    titleEn: 'Pre-deployment training courses for peacekeeping operations',
    coursesOfAction: ['4.2'],
    quantity: '74',
    unit: 'trainings',
    women: '32',
    ...patch,
  };
}

describe('activity draft', () => {
  it('computes the total as the user types, ignoring what is not yet a count', () => {
    expect(draftTotal({ women: '', men: '', notRecorded: '' })).toBeNull();
    expect(draftTotal({ women: '32', men: '', notRecorded: '' })).toBe(32);
    expect(draftTotal({ women: '32', men: '40', notRecorded: '2' })).toBe(74);
    expect(draftTotal({ women: '1,032', men: 'x', notRecorded: '' })).toBe(1032);
    expect(womenShare(32, 74)).toBeCloseTo(43.24, 2);
    expect(womenShare(0, 0)).toBeNull();
  });

  it('turns a valid draft into a record the core schema accepts', () => {
    const r = validateDraft(semarDraft());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.activity).toMatchObject({
      kind: 'training',
      institution: 'SEMAR',
      women: 32,
      men: null,
      quantity: 74,
      unit: 'trainings',
      coursesOfAction: ['4.2'],
      summary: null,
      attributes: {},
    });
  });

  it('round-trips a record with every kind of field', () => {
    const a = activitySchema.parse({
      id: 'x-1',
      kind: 'deployment',
      institution: 'SEDENA',
      coursesOfAction: ['5.1'],
      title: { es: 'Despliegue', en: 'Deployment' },
      summary: { es: 'Resumen', en: 'Summary' },
      dates: [{ start: '2022-01-01', end: '2022-02-01' }],
      places: ['CD', 'MX-09007'],
      women: 3,
      men: 10,
      measures: { hours: 37.5 },
      items: [{ es: 'a', en: 'b' }],
      attributes: { mission: 'MONUSCO', ugpsCategory: 'military-observer-staff-officer', modality: 'in-person' },
      evidence: ['https://example.org/a'],
      order: 40,
      label: 'A',
      list: 'l1',
    });
    const back = validateDraft(draftFromActivity(a));
    expect(back).toEqual({ ok: true, activity: a });
  });

  it('keeps only the kind-specific attributes of the chosen kind', () => {
    expect(kindFields('deployment')).toEqual(['mission', 'ugpsCategory']);
    expect(kindFields('network')).toEqual(['networkAction', 'fund']);
    expect(kindFields('engagement')).toEqual(['forum', 'role']);
    const body = activityFromDraft(
      semarDraft({ kind: 'network', mission: 'MINUSCA', fund: 'FASP', networkAction: 'created' }),
    );
    expect(body.attributes).toEqual({ fund: 'FASP', networkAction: 'created' });
  });

  it('puts every problem next to its field, in Spanish and English', () => {
    const r = validateDraft(
      semarDraft({
        women: '3.5',
        men: '-1',
        titleEn: '',
        coursesOfAction: [],
        dates: [{ start: '2022-05-02', end: '2022-05-01' }],
        evidence: ['ftp://x'],
        quantity: '4',
        unit: '',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // In the order the form shows them, so the summary reads top to bottom.
    expect(Object.keys(r.errors)).toEqual([
      'titleEn',
      'coursesOfAction',
      'women',
      'men',
      'unit',
      'dates.0.end',
      'evidence.0',
    ]);
    expect(r.errors.titleEn).toEqual({ es: 'escriba el título en inglés', en: 'write the title in English' });
    expect(r.errors.women).toEqual({
      es: 'debe ser un número entero, 0 o más',
      en: 'must be a whole number, 0 or more',
    });
    expect(r.errors['dates.0.end']?.es).toBe('el fin es anterior al inicio');
    expect(r.errors['evidence.0']?.en).toBe('must be an http(s) URL');
  });

  it('a text given in one language only is asked for in the other', () => {
    const r = validateDraft(semarDraft({ summaryEs: 'Resumen', audienceEn: 'Navy officers' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      summaryEn: { es: 'escriba el resumen también en inglés', en: 'write the summary in English too' },
      audienceEs: { es: 'escriba el público también en español', en: 'write the audience in Spanish too' },
    });
  });

  it('a new record may leave the id to the server', () => {
    const r = validateDraft(semarDraft({ id: '' }));
    expect(r.ok && r.activity.id).toBeUndefined();
    expect(activityFromDraft(semarDraft({ id: '' }))).not.toHaveProperty('id');
  });

  it('a sub-activity may inherit its parent’s courses of action', () => {
    expect(validateDraft(semarDraft({ coursesOfAction: [], parent: 'semar-2022-parent' })).ok).toBe(true);
  });

  it('maps server problem locations to form fields', () => {
    expect(pathOfWhere('$.activities[0].title.es')).toEqual(['title', 'es']);
    expect(pathOfWhere('body.women')).toEqual(['women']);
    expect(pathOfWhere('$.dates[1].end')).toEqual(['dates', 1, 'end']);
    expect(fieldOfPath(pathOfWhere('$.dates[1].end'))).toBe('dates.1.end');
    expect(fieldOfPath(['attributes', 'audience', 'en'])).toBe('audienceEn');
    expect(fieldOfPath(['attributes', 'mission'])).toBe('mission');
    expect(fieldOfPath(['places', 2])).toBe('places');
    expect(fieldOfPath([])).toBe('form');
  });
});

describe('withoutFieldErrors', () => {
  it('drops the errors of an edited field and of its parts, and keeps the others', () => {
    const m = { es: 'x', en: 'x' };
    const errors = { dates: m, 'dates.0.end': m, datesExtra: m, women: m };
    expect(Object.keys(withoutFieldErrors(errors, ['dates']))).toEqual(['datesExtra', 'women']);
    expect(Object.keys(withoutFieldErrors(errors, []))).toEqual(Object.keys(errors));
  });
});
