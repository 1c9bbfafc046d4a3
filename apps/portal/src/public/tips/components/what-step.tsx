import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../shared/components/form-fields';
import type { TipFields } from '../hooks/use-tip-form';
import { StepFieldset } from './step-fieldset';

export function WhatStep({ tip }: { tip: TipFields }) {
  const { t } = useTranslation();
  return (
    <StepFieldset legend={t('tip.what.legend')} headingRef={tip.headingRef}>
      <TextAreaField
        label={t('tip.what.description')}
        hint={t('tip.what.descriptionHint')}
        rows={7}
        error={tip.fieldError('description')}
        {...tip.form.register('description')}
      />
    </StepFieldset>
  );
}
