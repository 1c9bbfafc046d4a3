import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/i18n/format';
import { usePortalLanguage } from '../../../shared/i18n/language';
import { localToIso, type TipStep } from '../api/tip-form-values';
import type { PickedFiles } from '../hooks/use-picked-files';
import type { ProofOfWorkStatus } from '../hooks/use-proof-of-work';
import type { TipForm } from '../hooks/use-tip-form';
import { StepFieldset } from './step-fieldset';

interface Props {
  tip: TipForm;
  picked: PickedFiles;
  robotCheck: ProofOfWorkStatus;
  /** While sending, nothing can be changed. */
  locked: boolean;
  /** The sending panel and any refusal, under the summary. */
  children?: ReactNode;
}

function Row({
  label,
  step,
  locked,
  onEdit,
  children,
}: {
  label: string;
  step: TipStep;
  locked: boolean;
  onEdit: (step: TipStep) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="review__row">
      <dt className="review__label">{label}</dt>
      <dd className="review__value">{children}</dd>
      <dd className="review__edit">
        <button
          type="button"
          className="button button--secondary review__edit-button"
          onClick={() => onEdit(step)}
          disabled={locked}
        >
          <span aria-hidden="true">{t('tip.nav.edit')}</span>
          <span className="visually-hidden">{t('tip.nav.editStep', { step: label })}</span>
        </button>
      </dd>
    </div>
  );
}

/** Everything the tip will carry, each part with a way back to its step, then the button that sends it. */
export function ReviewStep({ tip, picked, robotCheck, locked, children }: Props) {
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const values = tip.form.getValues();
  const empty = <span className="review__empty">{t('tipSend.review.empty')}</span>;
  const when = [values.occurredFrom, values.occurredTo]
    .map((value) => formatDate(localToIso(value), lang, true))
    .filter(Boolean)
    .join(' – ');
  const contact =
    values.contactChoice === 'contact'
      ? [values.contactName, values.contactPhone, values.contactEmail].filter((v) => v.trim()).join(' · ')
      : t('tipSend.review.anonymous');
  const edit = tip.goToStep;

  return (
    <StepFieldset
      legend={t('tipSend.review.legend')}
      headingRef={tip.headingRef}
      intro={<p className="tip-step__intro">{t('tipSend.review.hint')}</p>}
    >
      <dl className="review">
        <Row label={t('tip.steps.what')} step="what" locked={locked} onEdit={edit}>
          <span className="review__text">{values.description.trim() || empty}</span>
        </Row>
        <Row label={t('tip.steps.when')} step="when" locked={locked} onEdit={edit}>
          {when || empty}
        </Row>
        <Row label={t('tip.steps.where')} step="where" locked={locked} onEdit={edit}>
          {values.place.trim() || (!values.latitude && empty)}
          {values.latitude && <span className="review__extra">{t('tipSend.review.location')}</span>}
        </Row>
        <Row label={t('tip.steps.files')} step="files" locked={locked} onEdit={edit}>
          {picked.files.length
            ? t('tipSend.review.files', { count: picked.files.length })
            : t('tipSend.review.noFiles')}
        </Row>
        <Row label={t('tip.steps.contact')} step="contact" locked={locked} onEdit={edit}>
          {contact || empty}
        </Row>
      </dl>
      <p className="tip-robot" role="status">
        {robotCheck === 'solving' && t('tipSend.review.robotCheck')}
        {robotCheck === 'ready' && t('tipSend.review.robotReady')}
        {robotCheck === 'failed' && t('tipSend.review.robotFailed')}
      </p>
      {children}
    </StepFieldset>
  );
}
