import { useId, type ChangeEvent, type FocusEvent } from 'react';
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

type Lang = 'fr' | 'en';

/** What one language's input needs: react-hook-form's `register(…)`, or a value and its handler. */
export interface LanguageField {
  name: string;
  value?: string;
  disabled?: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => unknown;
  onBlur?: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => unknown;
  ref?: (instance: HTMLInputElement | HTMLTextAreaElement | null) => void;
}

type Source =
  /** A text of the appeal form. */
  | { path: LocalizedPath; register: UseFormRegister<AppealFormValues> }
  /** Any other pair: each language's field. */
  | { field: (lang: Lang) => LanguageField };

type Props = Source & {
  /** The pair's name; without one, the two inputs stand alone (their labels then say what they are). */
  legend?: string;
  hint?: string;
  /** The group's error: the DTO checks both languages together ("write it in French or English"). */
  error?: string;
  /** Each input's label; "Français" and "English" by default. */
  labels?: Record<Lang, string>;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  required?: boolean;
};

/**
 * One text in French and English, side by side on a wide screen. Each input says its language (`lang`),
 * so spell checkers and screen readers use the right one. Every FR/EN pair the desk edits is one of
 * these: the appeal form's texts, an update's text, a resolution's note, an image's description.
 */
export function LocalizedFields(props: Props) {
  const { legend, hint, error, labels, multiline, rows = 4, maxLength, required } = props;
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const field = (lng: Lang): LanguageField =>
    'field' in props ? props.field(lng) : props.register(`${props.path}.${lng}`);
  const pair = (
    <div className="localized__pair">
      {(['fr', 'en'] as const).map((lng) => {
        const label = labels?.[lng] ?? t(`desk.editor.lang.${lng}`);
        return multiline ? (
          <TextAreaField
            key={lng}
            label={label}
            lang={lng}
            rows={rows}
            maxLength={maxLength}
            {...field(lng)}
          />
        ) : (
          <TextField key={lng} label={label} lang={lng} maxLength={maxLength} {...field(lng)} />
        );
      })}
    </div>
  );
  if (legend === undefined) return pair;
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
      {pair}
    </fieldset>
  );
}
