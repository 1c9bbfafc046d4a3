// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { useQueryClient } from '@tanstack/react-query';
import { ForwardMode, ForwardTipDto, type ForwardRecord } from '@vigie/common';
import { useState } from 'react';
import { useForm, type FieldError, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldMessage, placeApiFieldErrors, type FieldMessages } from '../../admin/api/form-errors';
import { deskErrorMessage } from '../../i18n/desk-error-message';
import { forwardTip, type ForwardRequest } from '../api/forwarding.api';

type ForwardField = keyof ForwardRequest;
const FIELDS: readonly ForwardField[] = ['agency', 'mode', 'note'];

const MESSAGES: FieldMessages<ForwardField> = {
  agency: { default: 'desk.forward.errors.agency' },
  mode: { default: 'desk.forward.errors.mode' },
  note: { default: 'desk.forward.errors.note', maxLength: 'desk.forward.errors.noteTooLong' },
};

// The API's own ForwardTipDto: the form says what the API would refuse, before sending.
const forwardResolver: Resolver<ForwardRequest> = classValidatorResolver(ForwardTipDto);

/**
 * Forwarding a tip, in two steps: the form (agency, mode, note), then a confirmation that says what
 * will be sent before anything is. A refusal on the server takes the person back to the form.
 */
export function useForwardForm(tipId: string, onSent: (record: ForwardRecord) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<ForwardRequest | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const form = useForm<ForwardRequest>({
    resolver: forwardResolver,
    defaultValues: { agency: '', mode: ForwardMode.COPY, note: '' },
  });

  const review = form.handleSubmit((values) => {
    setSubmitError(null);
    setConfirming({ ...values, note: values.note.trim() });
  });

  const send = async () => {
    if (!confirming) return;
    setSending(true);
    setSubmitError(null);
    try {
      const record = await forwardTip(tipId, confirming);
      await queryClient.invalidateQueries({ queryKey: ['desk', 'tips'] });
      form.reset();
      setConfirming(null);
      onSent(record);
    } catch (error) {
      setConfirming(null);
      if (!placeApiFieldErrors(error, FIELDS, form.setError)) setSubmitError(error);
    } finally {
      setSending(false);
    }
  };

  return {
    form,
    review,
    send,
    confirming,
    back: () => setConfirming(null),
    reset: () => {
      form.reset();
      setConfirming(null);
      setSubmitError(null);
    },
    sending,
    fieldError: (name: ForwardField) =>
      fieldMessage(t, MESSAGES, name, form.formState.errors[name] as FieldError | undefined),
    submitError: submitError ? deskErrorMessage(t, submitError) : undefined,
  };
}
