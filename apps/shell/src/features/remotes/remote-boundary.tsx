import { ErrorState } from '@skills/ui-kit';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** the portal's Chinese name, e.g. 公众服务 */
  title: string;
  onRetry?: () => void;
  children?: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * One per portal: a portal that fails to load or throws while rendering shows a Chinese message here, and the
 * rest of the shell (navigation, the other portals) keeps working.
 */
export class RemoteBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`portal “${this.props.title}” failed`, error, info.componentStack);
  }

  private retry = () => {
    this.setState({ error: null });
    this.props.onRetry?.();
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorState
        title={`“${this.props.title}”暂时无法使用`}
        message={
          <>
            该门户加载失败，可能正在维护或网络不通。平台的其他功能不受影响，请稍后重试。
            <br />
            <small>{this.state.error.message}</small>
          </>
        }
        onRetry={this.retry}
      />
    );
  }
}
