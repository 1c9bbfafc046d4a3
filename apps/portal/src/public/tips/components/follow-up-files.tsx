import { CoarseTipStatus, type FollowUpView } from '@vigie/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/api-error';
import { Notice } from '../../../shared/components/notice';
import { apiErrorMessage } from '../../../shared/i18n/api-error-message';
import { submitOutcome } from '../api/tip-errors';
import { fileProgress } from '../api/tip-files';
import { sendFollowUpFiles } from '../api/tips.api';
import { useLargeUploads, type FollowUpAccess } from '../hooks/use-large-uploads';
import { usePickedFiles } from '../hooks/use-picked-files';
import { FileList, sizeText } from './file-list';
import { FilePicker } from './file-picker';
import { LargeUploadList } from './large-upload-list';

interface Props {
  view: FollowUpView;
  token: string;
  access: FollowUpAccess;
  onUpdate: (view: FollowUpView) => void;
  onRefresh: () => void;
  onExpired: () => void;
}

/** What the tipster has sent so far, and more: photos in one request, videos resumably one by one. */
export function FollowUpFiles({ view, token, access, onUpdate, onRefresh, onExpired }: Props) {
  const { t } = useTranslation();
  // What the tip may still take, over every route (the API's figures): shown before files are picked.
  const filesLeft = Math.max(0, view.uploads.maxFiles - view.uploads.usedFiles);
  const bytesLeft = Math.max(0, view.uploads.maxBytes - view.uploads.usedBytes);
  const picked = usePickedFiles(filesLeft);
  const uploads = useLargeUploads(access, onRefresh);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusedKey, setRefusedKey] = useState<string | undefined>(undefined);
  const [sent, setSent] = useState(false);
  const closed = view.status === CoarseTipStatus.CLOSED;
  const sending = progress !== null;

  const send = async () => {
    setFailure(null);
    setRefusedKey(undefined);
    setSent(false);
    const small = picked.files.filter((file) => !file.large);
    uploads.add(picked.files.filter((file) => file.large));
    if (small.length === 0) {
      picked.clear();
      return;
    }
    setProgress({ loaded: 0, total: 0 });
    try {
      onUpdate(
        await sendFollowUpFiles(
          token,
          small.map((file) => file.file),
          (loaded, total) => setProgress({ loaded, total }),
        ),
      );
      picked.clear();
      setSent(true);
    } catch (error) {
      if (ApiError.isApiError(error) && error.statusCode === 401) {
        onExpired();
        return;
      }
      const outcome = submitOutcome(error);
      setFailure(outcome.kind === 'files' ? t(outcome.message) : apiErrorMessage(t, error));
      if (outcome.kind === 'files' && outcome.fileIndex !== undefined)
        setRefusedKey(small[outcome.fileIndex]?.key);
      // What was not sent stays in the list: the tipster may remove the culprit and try again.
      picked.files.filter((file) => file.large).forEach((file) => picked.remove(file.key));
    } finally {
      setProgress(null);
    }
  };

  const shares =
    progress && progress.total > 0
      ? fileProgress(
          progress.loaded,
          progress.total,
          picked.files.filter((file) => !file.large).map((file) => file.file.size),
        )
      : null;
  let smallIndex = 0;

  return (
    <section className="follow-up-section" aria-labelledby="follow-up-files">
      <h2 id="follow-up-files">{t('followUp.files.heading')}</h2>
      <p>
        {view.files.length
          ? t('followUp.files.count', { count: view.files.length })
          : t('followUp.files.none')}
      </p>
      <LargeUploadList items={uploads.items} onRetry={uploads.retry} headingLevel="h3" />
      {!closed && (
        <div className="follow-up-add">
          <h3 className="follow-up-add__heading">{t('followUp.files.addHeading')}</h3>
          <p className="field__hint">
            {filesLeft > 0 && bytesLeft > 0
              ? t('followUp.files.allowance', { count: filesLeft, size: sizeText(t, bytesLeft) })
              : t('followUp.files.allowanceNone')}
          </p>
          {failure && <Notice tone="error">{failure}</Notice>}
          <FilePicker
            onPick={picked.add}
            rejections={picked.rejections}
            disabled={sending || filesLeft === 0 || bytesLeft === 0}
            maxFiles={filesLeft}
          />
          {picked.files.length > 0 && (
            <>
              <FileList
                label={t('tip.files.listLabel')}
                files={picked.files.map((file) => ({
                  ...file,
                  name: file.file.name,
                  size: file.file.size,
                  progress: shares && !file.large ? shares[smallIndex++] : undefined,
                  error: file.key === refusedKey ? t('tip.files.damaged') : undefined,
                }))}
                onRemove={sending ? undefined : picked.remove}
              />
              <button
                type="button"
                className="button button--primary"
                onClick={() => void send()}
                disabled={sending}
              >
                {t('followUp.files.send', { count: picked.files.length })}
              </button>
            </>
          )}
          <p className="follow-up-add__status" role="status">
            {sent && t('followUp.files.sent')}
          </p>
          <p className="field__hint">{t('followUp.files.resumeHint')}</p>
        </div>
      )}
    </section>
  );
}
