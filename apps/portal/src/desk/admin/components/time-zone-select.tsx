import { useMemo, type Ref, type SelectHTMLAttributes } from 'react';
import { SelectField } from '../../../shared/components/form-fields';
import { timeZoneGroups, timeZoneLabel } from '../api/time-zones';

type TimeZoneSelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The zone saved now, kept in the list even when the browser does not name it. */
  current?: string;
  frameClass?: string;
  /** The empty first choice ("Choose a time zone"), for a form that starts with none. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
};

/** A select of IANA time zones, by region. Spread react-hook-form's `register(name)` into it. */
export function TimeZoneSelect({ current, placeholder, ...select }: TimeZoneSelectProps) {
  const groups = useMemo(() => timeZoneGroups(current), [current]);
  return (
    <SelectField {...select}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {groups.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {timeZoneLabel(zone)}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
