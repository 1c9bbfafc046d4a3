import {
  useId,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface Described {
  label: string;
  hint?: string;
  /** Already translated; tied to the control with aria-describedby and announced when it appears. */
  error?: string;
}

function useDescribedIds(id: string | undefined, hint?: string, error?: string) {
  const generated = useId();
  const controlId = id ?? `${generated}-control`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

function FieldFrame({
  label,
  hint,
  error,
  ids,
  children,
  className,
}: Described & { ids: ReturnType<typeof useDescribedIds>; children: ReactNode; className?: string }) {
  return (
    <div className={[error ? 'field field--invalid' : 'field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.controlId}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={ids.errorId} role="alert">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type SelectFieldProps = Described &
  SelectHTMLAttributes<HTMLSelectElement> & {
    name: string;
    ref?: Ref<HTMLSelectElement>;
    frameClass?: string;
  };

/** A labelled select. Spread react-hook-form's `register(name)` into it. */
export function SelectField({
  label,
  hint,
  error,
  id,
  className,
  ref,
  frameClass,
  children,
  ...select
}: SelectFieldProps) {
  const ids = useDescribedIds(id, hint, error);
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids} className={frameClass}>
      <select
        {...select}
        ref={ref}
        id={ids.controlId}
        className={className ? `field__input ${className}` : 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = Described &
  TextareaHTMLAttributes<HTMLTextAreaElement> & {
    name: string;
    ref?: Ref<HTMLTextAreaElement>;
    frameClass?: string;
  };

/** A labelled multi-line text. Spread react-hook-form's `register(name)` into it. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  ref,
  frameClass,
  ...textarea
}: TextAreaFieldProps) {
  const ids = useDescribedIds(id, hint, error);
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids} className={frameClass}>
      <textarea
        {...textarea}
        ref={ref}
        id={ids.controlId}
        className={
          className ? `field__input field__input--area ${className}` : 'field__input field__input--area'
        }
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
    </FieldFrame>
  );
}
