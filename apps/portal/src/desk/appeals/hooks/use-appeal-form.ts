// Before @vigie/common's DTOs (see reflect-metadata.ts).
import '../../reflect-metadata';
import { classValidatorResolver } from '@hookform/resolvers/class-validator';
import { useQueryClient } from '@tanstack/react-query';
import { CreateAppealDto, type StaffAppeal } from '@vigie/common';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import {
  get,
  useFieldArray,
  useForm,
  type FieldError,
  type FieldErrors,
  type Path,
  type Resolver,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { appealFieldMessage, placeApiErrors } from '../api/appeal-field-errors';
import {
  toAppealContent,
  toCreateAppealDto,
  toFormValues,
  type AppealFormValues,
} from '../api/appeal-form-values';
import {
  APPEALS_KEY,
  appealKey,
  createAppeal,
  editAppeal,
  fetchAppeal,
  REVIEW_QUEUE_KEY,
  submitAppeal,
} from '../api/appeals.api';

const validateDto = classValidatorResolver(CreateAppealDto);

/**
 * Validates what the inputs hold with the API's own CreateAppealDto (AppealContentDto inside it), after
 * the same conversion the request gets. The form mirrors the DTO's paths, so each error lands on its input.
 */
export const appealResolver: Resolver<AppealFormValues> = async (values, context, options) => {
  const result = await validateDto(
    toCreateAppealDto(values) as unknown as CreateAppealDto,
    context,
    options as unknown as Parameters<typeof validateDto>[2],
  );
  const errors = result.errors as FieldErrors<AppealFormValues>;
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

/** Lists whose own error (not an item's) is kept under `.root`, where react-hook-form keeps array errors. */
const LIST_PATHS = new Set(['content.subjects', 'content.vehicles', 'content.images']);

export type AppealFormNotice = 'saved' | 'submitted' | null;

interface Options {
  appeal?: StaffAppeal;
  /** The form element, to find the first invalid field after a failed attempt. */
  formRef?: RefObject<HTMLFormElement | null>;
  /** After a save or a submission; `created` when the appeal did not exist before. */
  onSaved?: (appeal: StaffAppeal, created: boolean) => void;
}

/**
 * The appeal editor's form: react-hook-form validated by the shared DTOs, saved with POST (new) or PATCH
 * with the version it started from. The API's field errors go beside their inputs; a 409 STALE_VERSION
 * means someone else saved in between, and `reload` fetches their version.
 */
export function useAppealForm({ appeal, onSaved, formRef }: Options = {}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(appeal?.version);
  const [appealId, setAppealId] = useState(appeal?.id);
  const [stale, setStale] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [notice, setNotice] = useState<AppealFormNotice>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  const form = useForm<AppealFormValues>({
    resolver: appealResolver,
    defaultValues: toFormValues(appeal?.kind ?? '', appeal?.draft ?? appeal?.live?.content),
    // Group errors (a text in two languages) have no single input; focusErrors() finds the first one.
    shouldFocusError: false,
  });
  // Images have an `id` of their own (the API's); the array's React key goes elsewhere.
  const images = useFieldArray({ control: form.control, name: 'content.images', keyName: 'key' });

  // After a failed attempt, take keyboard and screen reader to the first field that needs attention.
  // In a task of its own: react-hook-form publishes the errors only after onInvalid has returned.
  useEffect(() => {
    if (focusRequest === 0) return;
    const timer = setTimeout(() => {
      // In document order: an invalid input, or the first input of an invalid two-language group.
      const target = formRef?.current?.querySelector<HTMLElement>(
        '[aria-invalid="true"], .localized--invalid :is(input, textarea), [data-list-error]',
      );
      target?.focus();
    });
    return () => clearTimeout(timer);
  }, [focusRequest, formRef]);
  const focusErrors = () => setFocusRequest((n) => n + 1);

  const remember = useCallback(
    (saved: StaffAppeal) => {
      queryClient.setQueryData(appealKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...APPEALS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: REVIEW_QUEUE_KEY });
    },
    [queryClient],
  );

  /** Puts an API failure where it belongs: beside fields, on top of the form, or as the stale warning. */
  const showApiError = (error: unknown) => {
    if (ApiError.isApiError(error) && error.code === 'STALE_VERSION') {
      setStale(true);
      return;
    }
    if (ApiError.isApiError(error) && error.errors && Object.keys(error.errors).length > 0) {
      const { placed, unplaced: others } = placeApiErrors(error.errors);
      for (const [path, message] of placed) {
        const target = (LIST_PATHS.has(path) ? `${path}.root` : path) as Path<AppealFormValues>;
        form.setError(target, { type: 'server', message });
      }
      setUnplaced(others);
      setFormError(apiErrorMessage(t, error));
      focusErrors();
      return;
    }
    setFormError(apiErrorMessage(t, error));
    focusErrors();
  };

  const clearMessages = () => {
    setFormError(null);
    setUnplaced([]);
    setNotice(null);
  };

  /** Saves the working copy; resolves with the saved appeal, or null when it failed (and says why). */
  const persist = async (values: AppealFormValues): Promise<StaffAppeal | null> => {
    try {
      const saved =
        appealId && version !== undefined
          ? await editAppeal(appealId, { content: toAppealContent(values), version })
          : await createAppeal(toCreateAppealDto(values));
      setAppealId(saved.id);
      setVersion(saved.version);
      form.reset(toFormValues(saved.kind, saved.draft ?? saved.live?.content));
      remember(saved);
      return saved;
    } catch (error) {
      showApiError(error);
      return null;
    }
  };

  const onInvalid = () => {
    setFormError(t('desk.editor.invalid'));
    focusErrors();
  };

  const run = (work: (values: AppealFormValues) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      clearMessages();
      setBusy(true);
      try {
        await work(values);
      } finally {
        setBusy(false);
      }
    }, onInvalid);

  const save = run(async (values) => {
    const created = !appealId;
    const saved = await persist(values);
    if (!saved) return;
    setNotice('saved');
    onSaved?.(saved, created);
  });

  /** Saves first when there is anything unsaved, then sends the working copy to a supervisor. */
  const submitForReview = run(async (values) => {
    const created = !appealId;
    let id = appealId;
    if (!id || isDirty) {
      const saved = await persist(values);
      if (!saved) return;
      id = saved.id;
    }
    try {
      const submitted = await submitAppeal(id);
      setVersion(submitted.version);
      remember(submitted);
      setNotice('submitted');
      onSaved?.(submitted, created);
    } catch (error) {
      showApiError(error);
    }
  });

  /** After a 409: fetch what the other person saved and start again from it (local edits are dropped). */
  const reload = async () => {
    if (!appealId) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: appealKey(appealId),
      queryFn: ({ signal }) => fetchAppeal(appealId, signal),
      staleTime: 0,
    });
    form.reset(toFormValues(fresh.kind, fresh.draft ?? fresh.live?.content));
    setVersion(fresh.version);
    setStale(false);
    clearMessages();
    remember(fresh);
  };

  /**
   * An upload adds the image to the working copy on the server and bumps the version. Add it to the form
   * too, and take the new version only if nobody else saved in between (else the next save must say 409).
   */
  const adoptUpload = (updated: StaffAppeal) => {
    const have = new Set(form.getValues('content.images').map((image) => image.id));
    for (const ref of updated.draft?.images ?? []) {
      if (have.has(ref.id)) continue;
      images.append(
        { id: ref.id, isComposite: ref.isComposite, alt: { fr: ref.alt?.fr ?? '', en: ref.alt?.en ?? '' } },
        { shouldFocus: false },
      );
    }
    setVersion((current) =>
      current !== undefined && updated.version === current + 1 ? updated.version : current,
    );
    remember(updated);
  };

  // Read during render: react-hook-form only keeps the errors of a formState it sees being read.
  const { errors, isDirty } = form.formState;

  /** The translated error for a field or group, or undefined. */
  const fieldError = (path: string): string | undefined => {
    const own = get(errors, path) as FieldError | undefined;
    const root = LIST_PATHS.has(path) ? (get(errors, `${path}.root`) as FieldError | undefined) : undefined;
    const error = root ?? (own?.type ? own : undefined);
    // A blank input fails every rule of a required number or choice ("not above 10 000 000"…): say "required".
    const value: unknown = form.getValues(path as Path<AppealFormValues>);
    if (error && error.type !== 'server' && value === '') return t('desk.validation.required');
    return appealFieldMessage(t, path, error, form.getValues('kind'));
  };

  return {
    form,
    images,
    save,
    submitForReview,
    reload,
    adoptUpload,
    fieldError,
    appealId,
    version,
    stale,
    formError,
    unplaced,
    notice,
    busy,
  };
}

export type AppealFormApi = ReturnType<typeof useAppealForm>;
