import { useRef } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import { emptyVehicle, type AppealFormValues } from '../api/appeal-form-values';

const FIELDS = ['make', 'model', 'colour', 'year', 'plate', 'plateRegion'] as const;

export function VehiclesFieldset({
  form,
  fieldError,
}: {
  form: UseFormReturn<AppealFormValues>;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const vehicles = useFieldArray({ control: form.control, name: 'content.vehicles' });
  const addButton = useRef<HTMLButtonElement>(null);

  return (
    <section className="editor-section" aria-labelledby="vehicles-heading">
      <h3 id="vehicles-heading">{t('desk.editor.vehicles.heading')}</h3>
      {vehicles.fields.map((field, index) => (
        <fieldset key={field.id} className="repeat-block">
          <legend className="repeat-block__legend">
            {t('desk.editor.vehicles.legend', { n: index + 1 })}
          </legend>
          <div className="field-grid">
            {FIELDS.map((name) => (
              <TextField
                key={name}
                label={t(`desk.editor.vehicles.${name}`)}
                inputMode={name === 'year' ? 'numeric' : undefined}
                autoComplete="off"
                error={fieldError(`content.vehicles.${index}.${name}`)}
                {...form.register(`content.vehicles.${index}.${name}`)}
              />
            ))}
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              vehicles.remove(index);
              addButton.current?.focus();
            }}
          >
            {t('desk.editor.vehicles.remove', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        ref={addButton}
        type="button"
        className="button button--secondary"
        disabled={vehicles.fields.length >= 5}
        onClick={() =>
          vehicles.append(emptyVehicle(), { focusName: `content.vehicles.${vehicles.fields.length}.make` })
        }
      >
        {t('desk.editor.vehicles.add')}
      </button>
    </section>
  );
}
