import type { RemoteEntry } from '@skills/federation';
import { LoadingState } from '@skills/ui-kit';
import { lazy, Suspense, useMemo, useState } from 'react';
import { loadPortalApp } from './remote-registry';
import { RemoteBoundary } from './remote-boundary';

/** Renders a portal's exposed App under its path, loading it on first use. */
export function RemotePortal({ remote }: { remote: RemoteEntry }) {
  const [attempt, setAttempt] = useState(0);
  // A new lazy component per attempt, so 重试 really loads again.
  const PortalApp = useMemo(() => lazy(() => loadPortalApp(remote)), [remote, attempt]);
  return (
    <RemoteBoundary
      key={`${remote.name}-${attempt}`}
      title={remote.title}
      onRetry={() => setAttempt((n) => n + 1)}
    >
      <Suspense fallback={<LoadingState label={`正在加载“${remote.title}”…`} />}>
        <PortalApp basePath={remote.path} title={remote.title} />
      </Suspense>
    </RemoteBoundary>
  );
}
