import type { ReactNode, Ref } from 'react';

interface Props {
  legend: string;
  /** The heading that takes focus when the step opens. */
  headingRef: Ref<HTMLHeadingElement>;
  intro?: ReactNode;
  children: ReactNode;
}

/** One step of the form: a fieldset named by its legend, whose heading is where focus lands. */
export function StepFieldset({ legend, headingRef, intro, children }: Props) {
  return (
    <fieldset className="tip-step">
      <legend className="tip-step__legend">
        <h2 className="tip-step__heading" ref={headingRef} tabIndex={-1}>
          {legend}
        </h2>
      </legend>
      {intro}
      <div className="tip-step__fields">{children}</div>
    </fieldset>
  );
}
