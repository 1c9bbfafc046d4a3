import { useTranslation } from 'react-i18next';

/**
 * The key that does what a button does, after its label: "Merge with JS2X-DSBR… (m)". Not shown on a
 * phone (inbox.css), where no keyboard is at hand and it made labels wrap onto a second line; the
 * button names its key in `aria-keyshortcuts` there too, for assistive technologies.
 */
export function KeyHint({ shortcut }: { shortcut: string }) {
  const { t } = useTranslation();
  // The space outside the hint: the label and the hint read as two words wherever names are computed.
  return (
    <>
      {' '}
      <span className="key-hint">{t('desk.keyHint', { key: shortcut })}</span>
    </>
  );
}
