import { fireEvent, render, screen } from '@testing-library/react';
import { UiProvider } from '@skills/ui-kit';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemoteBoundary } from './remote-boundary';

afterEach(() => vi.restoreAllMocks());

function Flaky({ fail }: { fail: boolean }) {
  if (fail) throw new Error('无法从 http://127.0.0.1:1/remoteEntry.js 加载“公众服务”');
  return <p>门户内容</p>;
}

describe('RemoteBoundary', () => {
  it('shows a Chinese message when its portal fails, and retries', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Harness() {
      const [fail, setFail] = useState(true);
      return (
        <UiProvider>
          <p>导航仍然可用</p>
          <RemoteBoundary title="公众服务" onRetry={() => setFail(false)}>
            <Flaky fail={fail} />
          </RemoteBoundary>
        </UiProvider>
      );
    }
    render(<Harness />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“公众服务”暂时无法使用');
    expect(alert.textContent).toContain('平台的其他功能不受影响');
    expect(alert.textContent).toContain('remoteEntry.js');
    expect(screen.getByText('导航仍然可用')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(screen.getByText('门户内容')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
