import { useTranslation } from 'react-i18next';
import { Notice } from '../../../shared/components/notice';
import { TIP_MAX_FILES, TIP_TOTAL_MAX_BYTES } from '../api/tip-files';
import type { PickedFiles } from '../hooks/use-picked-files';
import type { TipForm } from '../hooks/use-tip-form';
import { FileList, sizeText } from './file-list';
import { FilePicker } from './file-picker';
import { StepFieldset } from './step-fieldset';

interface Props {
  tip: TipForm;
  picked: PickedFiles;
  /** The API refused a file at the last sending (already translated), and which one if it said. */
  error?: { message: string; fileKey?: string } | null;
}

export function FilesStep({ tip, picked, error }: Props) {
  const { t } = useTranslation();
  return (
    <StepFieldset
      legend={t('tip.files.legend')}
      headingRef={tip.headingRef}
      intro={
        <p className="tip-step__intro">
          {t('tip.files.hint', { max: TIP_MAX_FILES, total: sizeText(t, TIP_TOTAL_MAX_BYTES) })}
        </p>
      }
    >
      {error && <Notice tone="error">{error.message}</Notice>}
      <FilePicker onPick={picked.add} rejections={picked.rejections} />
      {picked.files.length > 0 ? (
        <FileList
          label={t('tip.files.listLabel')}
          files={picked.files.map((f) => ({
            ...f,
            name: f.file.name,
            size: f.file.size,
            error: f.key === error?.fileKey ? t('tip.files.damaged') : undefined,
          }))}
          onRemove={picked.remove}
        />
      ) : (
        <p className="tip-files__none">{t('tip.files.none')}</p>
      )}
      <p className="field__hint">{t('tip.files.notKept')}</p>
    </StepFieldset>
  );
}
