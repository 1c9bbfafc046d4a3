import type { TipReceipt as Receipt } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { usePortalLanguage } from '../../../shared/i18n/language';
import type { SubmitOutcome } from '../api/tip-errors';
import { fileProgress, type PickedFile } from '../api/tip-files';
import {
  STEP_FIELDS,
  TIP_STEPS,
  toCreateTipDto,
  toTipFormData,
  type TipDestination,
  type TipField,
  type TipStep,
} from '../api/tip-form-values';
import type { PickedFiles } from '../hooks/use-picked-files';
import type { ProofOfWork } from '../hooks/use-proof-of-work';
import type { TipForm } from '../hooks/use-tip-form';
import { useTipSubmission } from '../hooks/use-tip-submission';
import { useTipsCatalogue } from '../i18n/tips-catalogue';
import { loadReceiptLargeUploads } from './until-loaded';
import { FileList } from './file-list';
import { ReviewStep } from './review-step';
import { SendingPanel } from './sending-panel';

export { TipReceipt } from './tip-receipt';

type Refusal = Extract<SubmitOutcome, { kind: 'appealClosed' | 'rateLimited' | 'stop' }>;

interface Props {
  tip: TipForm;
  picked: PickedFiles;
  robotCheck: ProofOfWork;
  /**
   * Null while there is no police service to send to: the tipster has still to choose it, or the list to
   * choose from is loading or failed (see useTipAgency).
   */
  destination: TipDestination | null;
  /** Nothing was sent: the page says why and moves the focus there (AgencyChoice); the tip stays as it is. */
  onDestinationMissing: () => void;
  /** The appeal closed meanwhile; the tipster chose to send to its police service anyway. */
  onSendWithoutAppeal: () => void;
  /** The API refused a file: the form goes back to the files step with this (translated) reason, beside that file if known. */
  onFilesRefused: (message: string, fileKey?: string) => void;
  onReceived: (receipt: Receipt, largeFiles: PickedFile[]) => void;
}

/** The files of the tip being sent: in its own request (`small`), or after the receipt with tus (`large`). */
interface Sent {
  small: PickedFile[];
  large: PickedFile[];
}

/**
 * The last step: the summary, then sending with its progress, and what to do when it does not go
 * through. A chunk of its own with the receipt, fetched when the tipster first touches the form.
 */
export function SendStep({
  tip,
  picked,
  robotCheck,
  destination,
  onDestinationMissing,
  onSendWithoutAppeal,
  onFilesRefused,
  onReceived,
}: Props) {
  useTipsCatalogue('tipSend');
  const { t } = useTranslation();
  const lang = usePortalLanguage();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sent, setSent] = useState<Sent>({ small: [], large: [] });

  const submission = useTipSubmission({
    takeSolution: robotCheck.take,
    renewSolution: robotCheck.renew,
    onDone: (receipt, { afterDrop }) => {
      tip.forgetDraft();
      // After a drop every file goes after the receipt, resumably (see `send`).
      onReceived(receipt, afterDrop ? [...sent.small, ...sent.large] : sent.large);
    },
    onFailed: (outcome) => {
      if (outcome.kind === 'fields') tip.showServerErrors(outcome.step, outcome.fields);
      else if (outcome.kind === 'files')
        onFilesRefused(
          t(outcome.message),
          outcome.fileIndex === undefined ? undefined : sent.small[outcome.fileIndex]?.key,
        );
      else if (outcome.kind !== 'challenge') setRefusal(outcome);
    },
  });
  const { state } = submission;
  const locked = state.phase === 'solving' || state.phase === 'sending' || state.phase === 'waiting';

  const send = tip.form.handleSubmit(
    (values) => {
      if (!destination) return onDestinationMissing();
      setRefusal(null);
      const small = picked.files.filter((file) => !file.large);
      const large = picked.files.filter((file) => file.large);
      setSent({ small, large });
      submission.submit(({ afterDrop }) => {
        // Once the connection has dropped, the files leave the tip's own request (which starts over
        // from its first byte each time) and go after the receipt with tus, which resumes where the
        // server got to: on a flaky connection the tip arrives, and each file costs one chunk per drop.
        const resumable = afterDrop && small.length > 0;
        if (resumable) {
          setSent({ small: [], large: [...small, ...large] });
          void loadReceiptLargeUploads().catch(() => undefined);
        }
        return toTipFormData(
          toCreateTipDto(values, { ...destination, language: lang }),
          resumable ? [] : small.map((file) => file.file),
        );
      });
    },
    (errors) => {
      // A step left with an error (a restored draft, a date now in the past's future): back to it.
      const step = TIP_STEPS.find((s: TipStep) => STEP_FIELDS[s].some((field: TipField) => errors[field]));
      if (step) tip.goToStep(step);
    },
  );

  const progress =
    state.phase === 'sending'
      ? fileProgress(
          state.loaded,
          state.total,
          sent.small.map((file) => file.file.size),
        )
      : null;

  return (
    <>
      <ReviewStep tip={tip} picked={picked} robotCheck={robotCheck.status} locked={locked}>
        {refusal && (
          <Notice
            tone="error"
            action={
              refusal.kind === 'appealClosed' ? (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setRefusal(null);
                    onSendWithoutAppeal();
                  }}
                >
                  {t('tipSend.errors.sendWithoutAppeal')}
                </button>
              ) : undefined
            }
          >
            {refusal.kind === 'appealClosed'
              ? t('tipSend.errors.appealClosed')
              : refusal.kind === 'rateLimited'
                ? t('tipSend.errors.rateLimited')
                : t(refusal.message)}
          </Notice>
        )}
        {progress && sent.small.length > 0 && (
          <FileList
            label={t('tip.files.listLabel')}
            files={sent.small.map((file, index) => ({
              ...file,
              name: file.file.name,
              size: file.file.size,
              progress: progress[index],
            }))}
          />
        )}
        <SendingPanel state={state} onRetry={submission.retryNow} onCancel={submission.cancel} />
      </ReviewStep>
      <div className="tip-nav">
        <button
          type="button"
          className="button button--accent button--large tip-nav__send"
          disabled={locked}
          onClick={() => void send()}
        >
          {t('tipSend.review.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary tip-nav__back"
          onClick={tip.back}
          disabled={locked}
        >
          {t('tip.nav.back')}
        </button>
      </div>
    </>
  );
}
