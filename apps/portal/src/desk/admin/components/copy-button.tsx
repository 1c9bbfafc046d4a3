import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CopyButtonProps {
  text: string;
  label: string;
  /** Said once copied ("Link copied."). */
  copiedLabel: string;
  primary?: boolean;
  /** The browser refused the clipboard: the caller may select the text for a Ctrl+C instead. */
  onRefused?: () => void;
}

/** Copies a text to the clipboard and says so, or says to copy it by hand where the browser refuses. */
export function CopyButton({ text, label, copiedLabel, primary, onRefused }: CopyButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard permission (an insecure origin, a locked-down browser).
      onRefused?.();
      setCopied('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button button--secondary button--small'}
        onClick={() => void copy()}
      >
        {label}
      </button>
      <p role="status" className="copy-button__status">
        {copied === 'yes' ? copiedLabel : copied === 'failed' ? t('desk.admin.link.copyFailed') : ''}
      </p>
    </>
  );
}
