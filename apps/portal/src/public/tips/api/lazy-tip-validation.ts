import type { FieldErrors, Resolver } from 'react-hook-form';
import type { TipFormValues } from './tip-form-values';

let loading: Promise<Resolver<TipFormValues>> | null = null;

/**
 * The validation code (class-validator, class-transformer and the shared DTO: a third of the form's
 * weight) is fetched when the tipster first touches the form, not with the page: the form shows sooner
 * on a slow phone, and by the time "Continue" is tapped it is there.
 */
export function loadTipValidation(): Promise<Resolver<TipFormValues>> {
  loading ??= import('./tip-validation').then(
    (module) => module.tipResolver,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * When the validation code cannot be fetched (the connection dropped after the page loaded), the form
 * still moves on with the one rule that matters here; the API validates everything anyway.
 */
function minimalCheck(values: TipFormValues): ReturnType<Resolver<TipFormValues>> {
  const errors: FieldErrors<TipFormValues> = {};
  if (!values.description.trim())
    errors.description = { type: 'matches', message: 'Describe what you saw or know' };
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
}

export const lazyTipResolver: Resolver<TipFormValues> = async (values, context, options) => {
  let resolver: Resolver<TipFormValues>;
  try {
    resolver = await loadTipValidation();
  } catch {
    return minimalCheck(values);
  }
  return resolver(values, context, options);
};
