import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/components/text-field';
import { nowAsLocalInput } from '../api/tip-form-values';
import type { TipFields } from '../hooks/use-tip-form';
import { StepFieldset } from './step-fieldset';

export function WhenStep({ tip }: { tip: TipFields }) {
  const { t } = useTranslation();
  const { register, setValue } = tip.form;
  const optional = ` ${t('tip.optional')}`;
  // The pickers offer nothing after now; the form checks it too (a typed date is not held back).
  const max = nowAsLocalInput();
  return (
    <StepFieldset
      legend={t('tip.when.legend')}
      headingRef={tip.headingRef}
      intro={<p className="tip-step__intro">{t('tip.when.hint')}</p>}
    >
      <div className="tip-when">
        <TextField
          label={t('tip.when.from') + optional}
          type="datetime-local"
          max={max}
          error={tip.fieldError('occurredFrom')}
          {...register('occurredFrom')}
        />
        <button
          type="button"
          className="button button--secondary tip-when__now"
          onClick={() =>
            setValue('occurredFrom', nowAsLocalInput(), { shouldDirty: true, shouldValidate: true })
          }
        >
          {t('tip.when.now')}
        </button>
      </div>
      <TextField
        label={t('tip.when.to') + optional}
        type="datetime-local"
        max={max}
        error={tip.fieldError('occurredTo')}
        {...register('occurredTo')}
      />
    </StepFieldset>
  );
}
