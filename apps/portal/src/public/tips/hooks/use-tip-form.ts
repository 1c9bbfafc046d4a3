import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tipFieldMessage } from '../api/tip-field-messages';
import { clearTipDraft, loadTipDraft, saveTipDraft, type TipDraft } from '../api/tip-draft';
import {
  EMPTY_TIP_VALUES,
  STEP_FIELDS,
  TIP_STEPS,
  type TipField,
  type TipFormValues,
  type TipStep,
} from '../api/tip-form-values';
import { tipResolver } from '../api/tip-validation';

const DRAFT_DELAY_MS = 400;

function initialStep(draft: TipDraft | null): number {
  // Never straight onto the review step: a restored draft is read again before it is sent.
  const step = draft?.step ?? 0;
  return Math.min(Math.max(0, step), TIP_STEPS.length - 2);
}

/**
 * The tip form: react-hook-form checked with the API's CreateTipDto rules (see tip-validation.ts), shown one
 * step at a time. Each step's fields are checked before the next opens; what was typed is kept as a draft
 * on this device (text only) until the tip is sent.
 */
export function useTipForm({ appeal }: { appeal?: string }) {
  const { t } = useTranslation();
  const [draft] = useState(() => loadTipDraft(appeal));
  const [stepIndex, setStepIndex] = useState(() => initialStep(draft));
  const [draftRestored, setDraftRestored] = useState(draft !== null);
  // The step the restored draft opened on: the notice is said there, not only on the first step.
  const [restoredStep] = useState(() => initialStep(draft));
  /** Set on a step change: the next step's heading takes focus as soon as it is drawn (the last step loads lazily). */
  const focusPending = useRef(false);
  const headingRef = useCallback((heading: HTMLHeadingElement | null) => {
    if (heading && focusPending.current) {
      focusPending.current = false;
      heading.focus();
    }
  }, []);
  const stepRef = useRef(stepIndex);
  /** Set once the tip is received: nothing may write the draft back after that. */
  const finished = useRef(false);

  const form = useForm<TipFormValues>({
    resolver: tipResolver,
    defaultValues: { ...EMPTY_TIP_VALUES, ...draft?.values },
  });
  const { getValues, getFieldState, trigger, setError, setFocus, subscribe } = form;

  // Keep the draft as the tipster types (a little after, not on every key), and clear an error as soon as
  // the field that had it is fixed.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        const field = name as keyof TipFormValues | undefined;
        if (field && getFieldState(field).error) void trigger(field);
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!finished.current) saveTipDraft({ appeal, step: stepRef.current, values: getValues() });
        }, DRAFT_DELAY_MS);
      },
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [subscribe, appeal, getValues, getFieldState, trigger]);

  const goTo = useCallback(
    (index: number) => {
      const next = Math.min(Math.max(0, index), TIP_STEPS.length - 1);
      stepRef.current = next;
      setStepIndex(next);
      // After a step change, keyboard and screen reader start at the new step's heading.
      focusPending.current = true;
      if (!finished.current) saveTipDraft({ appeal, step: next, values: getValues() });
    },
    [appeal, getValues],
  );

  const step: TipStep = TIP_STEPS[stepIndex];

  /** Checks this step's fields, then opens the next step; an invalid field gets focus and its message. */
  const next = async () => {
    const fields = STEP_FIELDS[step];
    const valid = fields.length === 0 || (await trigger(fields, { shouldFocus: true }));
    if (valid) goTo(stepIndex + 1);
  };

  const back = () => goTo(stepIndex - 1);

  const goToStep = (target: TipStep) => goTo(TIP_STEPS.indexOf(target));

  /** The API's field errors: each beside its field, on the first step concerned. */
  const showServerErrors = (target: TipStep, fields: [TipField, string][]) => {
    goTo(TIP_STEPS.indexOf(target));
    fields.forEach(([name, message]) => setError(name, { type: 'server', message }));
    const first = fields.find(([name]) => STEP_FIELDS[target].includes(name));
    if (first) setTimeout(() => setFocus(first[0]));
  };

  const discardDraft = () => {
    clearTipDraft();
    form.reset(EMPTY_TIP_VALUES);
    setDraftRestored(false);
    goTo(0);
  };

  /** After the receipt: nothing of the tip is left on the device. */
  const forgetDraft = () => {
    finished.current = true;
    clearTipDraft();
    setDraftRestored(false);
  };

  return {
    form,
    step,
    stepIndex,
    stepCount: TIP_STEPS.length,
    headingRef,
    next,
    back,
    goToStep,
    draftRestored,
    restoredStep,
    discardDraft,
    forgetDraft,
    showServerErrors,
    fieldError: (name: TipField) => translatedFieldError(t, name, form.formState.errors[name]),
  };
}

export function translatedFieldError(
  t: TFunction,
  name: TipField,
  error: FieldError | undefined,
): string | undefined {
  if (!error) return undefined;
  const { key, limit } = tipFieldMessage(name, error.type, error.message);
  return t(key, { limit: limit ?? '…' });
}

export type TipForm = ReturnType<typeof useTipForm>;

/** What the field steps use of a form: the desk's phone-tip page fills the same fields without the steps. */
export type TipFields = Pick<TipForm, 'form' | 'headingRef' | 'fieldError'>;
