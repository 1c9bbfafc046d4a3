import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'idle' | 'copied' | 'failed';

interface Props {
  text: string;
  label: string;
  /** The element showing the text: selected when the clipboard is out of reach, so it can be copied by hand. */
  source: RefObject<HTMLElement | null>;
}

function selectContents(element: HTMLElement | null): boolean {
  const selection = window.getSelection();
  if (!element || !selection) return false;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/**
 * Copies to the clipboard. Where the Clipboard API is missing or refused (older phones, some in-app
 * browsers), it falls back to selecting the text and the legacy copy command; if even that fails, the
 * text stays selected and the tipster is told to copy it by hand.
 */
export function CopyButton({ text, label, source }: Props) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      return;
    } catch {
      // Fall through to the legacy way.
    }
    let copied = false;
    try {
      copied = selectContents(source.current) && document.execCommand('copy');
    } catch {
      copied = false;
    }
    setState(copied ? 'copied' : 'failed');
  };

  return (
    <span className="copy">
      <button type="button" className="button button--secondary copy__button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy__status" role="status">
        {state === 'copied' && t('tipSend.receipt.copied')}
        {state === 'failed' && t('tipSend.receipt.copyFailed')}
      </span>
    </span>
  );
}
