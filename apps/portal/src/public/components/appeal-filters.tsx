import { AppealKind } from '@vigie/common';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { appealKindFamily } from '../api/appeal-card-view';
import type { AppealFilters as Filters } from '../api/public-appeals.api';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Kind and words. A kind applies at once; words apply on Search (Enter), not on every keystroke. */
export function AppealFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(filters.q ?? '');
  const [shownQ, setShownQ] = useState(filters.q ?? '');
  // Back/forward changes the address, and so the filters: show what is actually applied.
  if ((filters.q ?? '') !== shownQ) {
    setShownQ(filters.q ?? '');
    setQ(filters.q ?? '');
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() || undefined });
  };

  return (
    <form className="appeal-filters" role="search" aria-label={t('home.filters.label')} onSubmit={submit}>
      <div className="appeal-filters__field">
        <label className="field__label" htmlFor={`${id}-kind`}>
          {t('home.filters.kind')}
        </label>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={filters.kind ?? ''}
          onChange={(event) =>
            onChange({ ...filters, kind: (event.target.value || undefined) as AppealKind | undefined })
          }
        >
          <option value="">{t('home.filters.allKinds')}</option>
          {Object.values(AppealKind).map((kind) => (
            <option key={kind} value={kind}>
              {t(`appeals.kind.${appealKindFamily(kind)}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="appeal-filters__field appeal-filters__field--grow">
        <label className="field__label" htmlFor={`${id}-q`}>
          {t('home.filters.search')}
        </label>
        <input
          id={`${id}-q`}
          className="field__input"
          type="search"
          name="q"
          maxLength={100}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary appeal-filters__submit">
        {t('home.filters.submit')}
      </button>
    </form>
  );
}
