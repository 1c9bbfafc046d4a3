import type { ReactNode } from 'react';

interface NoticeProps {
  tone: 'info' | 'success' | 'error';
  title?: string;
  children?: ReactNode;
  action?: ReactNode;
  /** Errors interrupt (role=alert); everything else is announced politely (role=status). */
  live?: boolean;
  id?: string;
}

/** A boxed message: empty states, load failures, confirmations. */
export function Notice({ tone, title, children, action, live = true, id }: NoticeProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice notice--${tone}`} role={role} id={id}>
      {title && <p className="notice__title">{title}</p>}
      {children && <div className="notice__body">{children}</div>}
      {action && <div className="notice__action">{action}</div>}
    </div>
  );
}
