import { StrictMode, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { StandaloneFrame } from './page';
import { ErrorState, LoadingState } from './states';
import { UiProvider } from './ui-provider';

export interface StandalonePortalProps {
  /** portal name shown in the banner, e.g. 公众服务 */
  title: string;
  /** reads the run-time configuration (gateway URL) before the portal renders */
  prepare: () => Promise<void>;
  /** the portal's exposed App, rendered for every path */
  children?: ReactNode;
}

/** How a portal runs on its own (for its team): router, zh-CN antd, banner, and the run-time config first. */
export function StandalonePortal({ title, prepare, children }: StandalonePortalProps) {
  const [state, setState] = useState<{ status: 'loading' | 'ready' } | { status: 'failed'; message: string }>(
    {
      status: 'loading',
    },
  );
  useEffect(() => {
    let live = true;
    prepare().then(
      () => live && setState({ status: 'ready' }),
      (e: unknown) =>
        live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [prepare]);
  return (
    <StrictMode>
      <BrowserRouter>
        <UiProvider>
          <StandaloneFrame portalTitle={title}>
            {state.status === 'loading' ? <LoadingState label="正在读取运行时配置…" /> : null}
            {state.status === 'failed' ? <ErrorState title="无法启动门户" message={state.message} /> : null}
            {state.status === 'ready' ? (
              <Routes>
                <Route path="/*" element={children} />
              </Routes>
            ) : null}
          </StandaloneFrame>
        </UiProvider>
      </BrowserRouter>
    </StrictMode>
  );
}
