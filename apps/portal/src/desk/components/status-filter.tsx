import { useId } from 'react';
import { useSearchParams } from 'react-router';

/** The list's `?status=` filter, kept in the URL (shareable, kept on reload); null when absent or unknown. */
export function useStatusParam<S extends string>(
  statuses: readonly S[],
): [S | null, (status: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('status') ?? '';
  const status = (statuses as readonly string[]).includes(value) ? (value as S) : null;
  const setStatus = (next: string) => setParams(next ? { status: next } : {}, { replace: true });
  return [status, setStatus];
}

interface Props<S extends string> {
  label: string;
  /** The first choice, no filter. */
  allLabel: string;
  statuses: readonly S[];
  labelOf: (status: S) => string;
  status: S | null;
  onChange: (status: string) => void;
}

/** A labelled list of statuses above a desk list, "all" first. */
export function StatusFilter<S extends string>({
  label,
  allLabel,
  statuses,
  labelOf,
  status,
  onChange,
}: Props<S>) {
  const id = useId();
  return (
    <div className="field desk-filter">
      <label className="field__label" htmlFor={`${id}-status`}>
        {label}
      </label>
      <select
        id={`${id}-status`}
        className="field__input"
        value={status ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{allLabel}</option>
        {statuses.map((value) => (
          <option key={value} value={value}>
            {labelOf(value)}
          </option>
        ))}
      </select>
    </div>
  );
}
