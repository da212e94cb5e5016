import { describe, expect, it } from 'vitest';
import { fieldBinder } from './bind-field.js';

interface Draft {
  women: string;
  kind: 'training' | 'network';
  count: number;
}

describe('fieldBinder', () => {
  it('gives a field its id, value, error and disabled flag, and patches only its own key', () => {
    const patches: Partial<Draft>[] = [];
    const bind = fieldBinder<Draft>({ women: '12', kind: 'training', count: 3 }, (p) => patches.push(p), {
      errors: { women: 'a whole number' },
      disabled: true,
      idPrefix: 'acc-',
    });
    const women = bind('women');
    expect(women).toMatchObject({ id: 'acc-women', value: '12', error: 'a whole number', disabled: true });
    women.onChange('13');
    bind('kind').onChange('network');
    expect(patches).toEqual([{ women: '13' }, { kind: 'network' }]);
    expect(bind('kind').error).toBeUndefined();
  });

  it('leaves the id as the key and the field enabled by default', () => {
    const bind = fieldBinder<Draft>({ women: '', kind: 'training', count: 0 }, () => undefined);
    expect(bind('women')).toMatchObject({ id: 'women', value: '', error: undefined, disabled: undefined });
  });
});
