import { useId, type FormEvent, type ReactNode } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  submitLabel: string;
  /** Called on submit (Enter or the button); the page decides what an empty value means. */
  onSubmit: () => void;
  disabled?: boolean;
  /** The form's look: a primary button for a page's main action, a small secondary one beside a record. */
  primary?: boolean;
  className?: string;
  /** Under the form: its error, for instance. */
  children?: ReactNode;
}

/** One labelled text field and its button on a line: a new case's title, a tag, a payment reference. */
export function InlineTextForm({
  label,
  value,
  onChange,
  maxLength,
  submitLabel,
  onSubmit,
  disabled,
  primary,
  className,
  children,
}: Props) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={className ? `tip-inline-form ${className}` : 'tip-inline-form'} onSubmit={submit}>
      <label className="field__label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <input
        id={`${id}-text`}
        className="field__input"
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
      />
      <button
        type="submit"
        className={primary ? 'button button--primary' : 'button button--secondary button--small'}
        disabled={disabled}
      >
        {submitLabel}
      </button>
      {children}
    </form>
  );
}
