import type { TipReceipt } from '@vigie/common';
import { useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { usePortalLanguage, type PortalLanguage } from '../../../shared/i18n/language';
import {
  EMPTY_TIP_VALUES,
  toCreateTipDto,
  type TipField,
  type TipFormValues,
} from '../../../public/tips/api/tip-form-values';
import { tipResolver } from '../../../public/tips/api/tip-validation';
import { translatedFieldError, type TipFields } from '../../../public/tips/hooks/use-tip-form';
import { recordPhoneTip } from '../api/phone.api';

export interface RecordedCall {
  receipt: TipReceipt;
  /** The caller's language: the passphrase's words are in it. */
  language: PortalLanguage;
}

const FIELDS: ReadonlySet<string> = new Set(Object.keys(EMPTY_TIP_VALUES));
/** Steps have their own headings to focus; on this one page nothing moves between steps. */
const noHeading = () => undefined;

/**
 * The phone-tip form: the web form's values, checks and conversion (tip-form-values, tip-validation), on
 * one page, with the appeal and the caller's language beside them. Nothing is kept as a draft: the
 * call-taker's browser is shared, and a caller's words stay on the screen only until recorded.
 */
export function usePhoneTipForm(onRecorded: (call: RecordedCall) => void) {
  const { t } = useTranslation();
  const portalLanguage = usePortalLanguage();
  const [appeal, setAppeal] = useState('');
  const [language, setLanguage] = useState<PortalLanguage>(portalLanguage);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TipFormValues>({ resolver: tipResolver, defaultValues: EMPTY_TIP_VALUES });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const receipt = await recordPhoneTip(toCreateTipDto(values, { appeal: appeal || undefined, language }));
      form.reset(EMPTY_TIP_VALUES);
      setAppeal('');
      onRecorded({ receipt, language });
    } catch (error) {
      const fields = ApiError.isApiError(error)
        ? Object.entries(error.errors ?? {}).filter(([name]) => FIELDS.has(name))
        : [];
      fields.forEach(([name, message]) => form.setError(name as TipField, { type: 'server', message }));
      if (fields.length) form.setFocus(fields[0][0] as TipField);
      else if (ApiError.isApiError(error) && error.code === 'UNKNOWN_APPEAL')
        setFailure(t('desk.phone.errors.appealClosed'));
      else setFailure(apiErrorMessage(t, error));
    }
  });

  /** Ctrl+Enter (⌘+Enter) records from any field: the call-taker's hands stay on the keyboard. */
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void onSubmit();
    }
  };

  const fields: TipFields = {
    form,
    headingRef: noHeading,
    fieldError: (name: TipField) => translatedFieldError(t, name, form.formState.errors[name]),
  };
  return {
    fields,
    appeal,
    setAppeal,
    language,
    setLanguage,
    onSubmit,
    onKeyDown,
    failure,
    isSubmitting: form.formState.isSubmitting,
  };
}
