import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCountries } from '../../../core/model/place-rows.js';
import { placeLabel, type PlaceCatalogue } from '../../features/data/places/places.js';
import { FieldError } from './field.js';
import { SelectField } from './inputs.js';

/**
 * Places of an activity: a federal entity, then (optionally) one of its municipalities; or a country
 * abroad (missions, forums). Chosen places are listed with a remove button each.
 */
export function PlacePicker({
  id,
  value,
  onChange,
  catalogue,
  error,
  disabled,
}: {
  id: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  catalogue: PlaceCatalogue | null;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'es';
  const [state, setState] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [country, setCountry] = useState('');
  const countries = useMemo(
    () =>
      listCountries()
        .filter((c) => c.code !== 'MX')
        .map((c) => ({ value: c.code, label: lang === 'es' ? c.nameEs : c.nameEn }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [lang],
  );
  const add = (code: string) => {
    if (code !== '' && !value.includes(code)) onChange([...value, code]);
  };
  const municipalities = (state && catalogue?.municipalities.get(state)) || [];
  return (
    <fieldset className="place-picker" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('app.form.places')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('app.form.noPlaces')}</p>
      ) : (
        <ul className="chips" aria-label={t('app.form.chosenPlaces')}>
          {value.map((code) => (
            <li key={code}>
              <span>{placeLabel(code, catalogue, lang)}</span>
              {!disabled && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(value.filter((c) => c !== code))}
                  aria-label={t('app.form.removePlace', { place: placeLabel(code, catalogue, lang) })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FieldError id={id} error={error} />
      {!disabled && (
        <div className="row-inline">
          <SelectField
            id={`${id}-state`}
            label={t('app.form.federalEntity')}
            value={state}
            onChange={(v) => {
              setState(v);
              setMunicipality('');
            }}
            placeholder={catalogue ? t('app.form.choose') : t('loading')}
            options={(catalogue?.states ?? []).map((s) => ({ value: s.code, label: s.name }))}
          />
          <SelectField
            id={`${id}-municipality`}
            label={t('app.form.municipality')}
            value={municipality}
            onChange={setMunicipality}
            disabled={state === ''}
            placeholder={t('app.form.wholeEntity')}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          />
          <button
            type="button"
            className="secondary"
            disabled={state === ''}
            onClick={() => {
              add(municipality || state);
              setMunicipality('');
            }}
          >
            {t('app.form.addPlace')}
          </button>
        </div>
      )}
      {!disabled && (
        <div className="row-inline">
          <SelectField
            id={`${id}-country`}
            label={t('app.form.countryAbroad')}
            value={country}
            onChange={setCountry}
            placeholder={t('app.form.choose')}
            options={countries}
          />
          <button
            type="button"
            className="secondary"
            disabled={country === ''}
            onClick={() => {
              add(country);
              setCountry('');
            }}
          >
            {t('app.form.addCountry')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
