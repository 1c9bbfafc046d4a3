import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './notice';

function ChunkFailure() {
  const { t } = useTranslation();
  return (
    <Notice
      tone="error"
      title={t('errors.generic')}
      action={
        <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </button>
      }
    />
  );
}

interface Props {
  children: ReactNode;
  /** A new value (the next page's path) clears the failure. */
  resetKey: string;
}

interface State {
  failed: boolean;
  resetKey: string;
}

/**
 * Catches a page that throws while rendering, or a lazy chunk that fails to load (offline, or a
 * deployment replaced the hashed files): the header and footer stay, and reloading is offered.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? <ChunkFailure /> : this.props.children;
  }
}
