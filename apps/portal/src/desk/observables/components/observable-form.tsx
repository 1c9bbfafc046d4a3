import { ObservableKind } from '@vigie/common';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { ApiError } from '../../../shared/api/api-error';
import { deskErrorMessage } from '../../i18n/desk-error-message';

/** A kind and a value typed by hand: adding an observable, or correcting one. */
export function ObservableForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
}: {
  initial?: { kind: ObservableKind; value: string };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: { kind: ObservableKind; value: string }, reset: () => void) => void;
  /** More buttons beside the submit (remove, cancel). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<ObservableKind>(initial?.kind ?? ObservableKind.PLATE);
  const [value, setValue] = useState(initial?.value ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onSubmit({ kind, value: value.trim() }, () => setValue(''));
  };
  // The API says which field is wrong; the value is the only one a person can get wrong here.
  const invalidValue = ApiError.isApiError(error) && error.errors?.value !== undefined;
  return (
    <form className="observable-form" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-kind`}>
          {t('desk.observables.kindLabel')}
        </label>
        <select
          id={`${id}-kind`}
          className="field__input"
          value={kind}
          onChange={(event) => setKind(event.target.value as ObservableKind)}
        >
          {Object.values(ObservableKind).map((one) => (
            <option key={one} value={one}>
              {t(`desk.observables.kind.${one}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-value`}>
          {t('desk.observables.valueLabel')}
        </label>
        <input
          id={`${id}-value`}
          className="field__input"
          value={value}
          maxLength={300}
          aria-invalid={invalidValue || undefined}
          aria-describedby={invalidValue ? `${id}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
      {error !== null && error !== undefined && (
        <Notice tone="error">
          <p id={`${id}-error`}>
            {invalidValue
              ? t('desk.observables.invalid', { kind: t(`desk.observables.kind.${kind}`) })
              : deskErrorMessage(t, error)}
          </p>
        </Notice>
      )}
      <p className="observable-form__actions">
        <button type="submit" className="button button--secondary" disabled={pending || !value.trim()}>
          {submitLabel}
        </button>
        {children}
      </p>
    </form>
  );
}
