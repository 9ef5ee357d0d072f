import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './base-path';

/** Shown while data loads; announced politely to screen readers. */
export function LoadingState({ label = '正在加载…' }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="skills-visually-hidden" style={visuallyHidden}>
        {label}
      </span>
      <Skeleton active />
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  /** the detail, in Chinese */
  message?: ReactNode;
  onRetry?: () => void;
  extra?: ReactNode;
}

/** A failure explained in Chinese, with an optional retry. */
export function ErrorState({ title = '加载失败', message, onRetry, extra }: ErrorStateProps) {
  return (
    <div role="alert">
      <Result
        status="error"
        title={title}
        subTitle={message}
        extra={
          <>
            {onRetry ? (
              <Button type="primary" onClick={onRetry}>
                重试
              </Button>
            ) : null}
            {extra}
          </>
        }
      />
    </div>
  );
}

export function NotFoundState({ title = '未找到', message, extra }: Omit<ErrorStateProps, 'onRetry'>) {
  useDocumentTitle(title);
  // the page's one heading, in the result's own type size
  const heading = <h1 style={{ font: 'inherit', color: 'inherit', margin: 0 }}>{title}</h1>;
  return <Result status="404" title={heading} subTitle={message} extra={extra} />;
}

export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** A table's empty message in body-text contrast (antd's default grey is below 4.5:1). */
export function EmptyText({ children }: { children?: ReactNode }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
