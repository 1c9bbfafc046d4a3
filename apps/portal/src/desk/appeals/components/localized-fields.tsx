import { useId } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import { TextAreaField } from '../../../shared/components/form-fields';
import type { AppealFormValues } from '../api/appeal-form-values';

type LocalizedPath =
  | 'content.title'
  | 'content.summary'
  | 'content.body'
  | 'content.caution'
  | 'content.lastSeen.place'
  | 'content.reward.terms'
  | `content.subjects.${number}.scarsAndMarks`
  | `content.subjects.${number}.clothing`
  | `content.subjects.${number}.description`
  | `content.images.${number}.alt`;

interface Props {
  path: LocalizedPath;
  legend: string;
  hint?: string;
  /** The group's error: the DTO checks both languages together ("write it in French or English"). */
  error?: string;
  register: UseFormRegister<AppealFormValues>;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}

/**
 * One text in French and English, side by side on a wide screen. Each input says its language (`lang`),
 * so spell checkers and screen readers use the right one.
 */
export function LocalizedFields({
  path,
  legend,
  hint,
  error,
  register,
  multiline,
  rows = 4,
  maxLength,
  required,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={error ? 'localized localized--invalid' : 'localized'} aria-describedby={describedBy}>
      <legend className="localized__legend">
        {legend}
        {required && <span className="required-mark"> {t('desk.editor.required')}</span>}
      </legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="localized__pair">
        {(['fr', 'en'] as const).map((lng) =>
          multiline ? (
            <TextAreaField
              key={lng}
              label={t(`desk.editor.lang.${lng}`)}
              lang={lng}
              rows={rows}
              maxLength={maxLength}
              {...register(`${path}.${lng}`)}
            />
          ) : (
            <TextField
              key={lng}
              label={t(`desk.editor.lang.${lng}`)}
              lang={lng}
              maxLength={maxLength}
              {...register(`${path}.${lng}`)}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}
