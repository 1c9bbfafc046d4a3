import {
  APPEAL_KIND_RULES,
  DESCRIPTION_TERMS,
  languageName,
  Sex,
  SPOKEN_LANGUAGES,
  SubjectRole,
  type AppealKind,
} from '@vigie/common';
import { useRef } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import { SelectField } from '../../../shared/components/form-fields';
import { emptySubject, type AppealFormValues } from '../api/appeal-form-values';
import { LocalizedFields } from './localized-fields';

interface Props {
  form: UseFormReturn<AppealFormValues>;
  kind: AppealKind | '';
  fieldError: (path: string) => string | undefined;
}

const RANGES = [
  ['ageMin', 'ageMax', 'age'],
  ['heightMinCm', 'heightMaxCm', 'height'],
  ['weightMinKg', 'weightMaxKg', 'weight'],
] as const;

/** The people in the appeal. The kind says who must be there (an AMBER alert needs the child). */
export function SubjectsFieldset({ form, kind, fieldError }: Props) {
  const { t, i18n } = useTranslation();
  // The editor's terms in the desk's language; the page shows each language's own.
  const deskLang = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  const { register } = form;
  const subjects = useFieldArray({ control: form.control, name: 'content.subjects' });
  const addButton = useRef<HTMLButtonElement>(null);
  const requiredRole = kind ? APPEAL_KIND_RULES[kind]?.requiredRole : undefined;
  const listError = fieldError('content.subjects');

  const remove = (index: number) => {
    subjects.remove(index);
    // The removed block held the focus: give it to something that still exists.
    addButton.current?.focus();
  };

  return (
    <section className="editor-section" aria-labelledby="subjects-heading">
      <h3 id="subjects-heading">{t('desk.editor.subjects.heading')}</h3>
      {requiredRole && (
        <p className="field__hint">
          {t('desk.editor.subjects.required', { role: t(`appeal.role.${requiredRole}`) })}
        </p>
      )}
      {listError && (
        <p className="field__error" role="alert" tabIndex={-1} data-list-error>
          {listError}
        </p>
      )}
      {subjects.fields.map((field, index) => {
        const base = `content.subjects.${index}` as const;
        const error = (name: string) => fieldError(`${base}.${name}`);
        return (
          <fieldset key={field.id} className="repeat-block">
            <legend className="repeat-block__legend">
              {t('desk.editor.subjects.legend', { n: index + 1 })}
            </legend>
            <div className="field-grid">
              <SelectField
                label={t('desk.editor.subjects.role')}
                error={error('role')}
                {...register(`${base}.role`)}
              >
                <option value="">{t('desk.editor.choose')}</option>
                {Object.values(SubjectRole).map((role) => (
                  <option key={role} value={role}>
                    {t(`appeal.role.${role}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('desk.editor.subjects.name')}
                error={error('name')}
                autoComplete="off"
                {...register(`${base}.name`)}
              />
              <TextField
                label={t('desk.editor.subjects.aliases')}
                hint={t('desk.editor.listHint')}
                error={error('aliases')}
                autoComplete="off"
                {...register(`${base}.aliases`)}
              />
              <SelectField
                label={t('desk.editor.subjects.sex')}
                error={error('sex')}
                {...register(`${base}.sex`)}
              >
                <option value="">{t('desk.editor.notSaid')}</option>
                {Object.values(Sex).map((sex) => (
                  <option key={sex} value={sex}>
                    {t(`appeal.sex.${sex}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="field-grid field-grid--ranges">
              {RANGES.map(([min, max, label]) => (
                <fieldset key={label} className="range">
                  <legend className="range__legend">{t(`desk.editor.subjects.${label}`)}</legend>
                  <TextField
                    label={t('desk.editor.subjects.min')}
                    inputMode="numeric"
                    error={error(min)}
                    {...register(`${base}.${min}`)}
                  />
                  <TextField
                    label={t('desk.editor.subjects.max')}
                    inputMode="numeric"
                    error={error(max)}
                    {...register(`${base}.${max}`)}
                  />
                </fieldset>
              ))}
            </div>
            <div className="field-grid">
              {DESCRIPTION_TERMS.map(({ field: name, vocabulary }) => (
                <SelectField
                  key={name}
                  label={t(`appeal.facts.${name}`)}
                  error={error(name)}
                  {...register(`${base}.${name}`)}
                >
                  <option value="">{t('desk.editor.notSaid')}</option>
                  {Object.entries(vocabulary).map(([code, term]) => (
                    <option key={code} value={code}>
                      {term[deskLang]}
                    </option>
                  ))}
                </SelectField>
              ))}
            </div>
            <fieldset className="checkbox-grid">
              <legend>{t('appeal.facts.languages')}</legend>
              {error('languages') && (
                <p className="field__error" role="alert">
                  {error('languages')}
                </p>
              )}
              {SPOKEN_LANGUAGES.map((code) => (
                <label key={code} className="checkbox-grid__item">
                  <input type="checkbox" value={code} {...register(`${base}.languages`)} />{' '}
                  {languageName(code, deskLang)}
                </label>
              ))}
            </fieldset>
            <LocalizedFields
              path={`${base}.description`}
              legend={t('appeal.facts.description')}
              hint={t('desk.editor.subjects.descriptionHint')}
              error={error('description')}
              register={register}
              maxLength={500}
            />
            <LocalizedFields
              path={`${base}.scarsAndMarks`}
              legend={t('appeal.facts.scarsAndMarks')}
              error={error('scarsAndMarks')}
              register={register}
              maxLength={500}
            />
            <LocalizedFields
              path={`${base}.clothing`}
              legend={t('appeal.facts.clothing')}
              error={error('clothing')}
              register={register}
              maxLength={500}
            />
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => remove(index)}
            >
              {t('desk.editor.subjects.remove', { n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        className="button button--secondary"
        disabled={subjects.fields.length >= 10}
        onClick={() =>
          subjects.append(emptySubject(subjects.fields.length === 0 ? (requiredRole ?? '') : ''), {
            focusName: `content.subjects.${subjects.fields.length}.role`,
          })
        }
      >
        {t('desk.editor.subjects.add')}
      </button>
    </section>
  );
}
