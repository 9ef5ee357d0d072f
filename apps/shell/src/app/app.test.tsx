import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { PortalAppProps, RemoteEntry, RuntimeManifest } from '@skills/federation';
import { session } from '@skills/graphql-client';
import { UiProvider } from '@skills/ui-kit';
import { MemoryRouter } from 'react-router';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShellRoutes } from './app';

vi.mock('../features/remotes/remote-registry', () => ({
  loadPortalApp: async (remote: RemoteEntry) => {
    if (remote.name === 'portal_bureau') throw new Error(`无法从 ${remote.entry} 加载“${remote.title}”`);
    return { default: ({ basePath }: PortalAppProps) => <h1>{`${remote.title}首页 ${basePath}`}</h1> };
  },
}));

afterEach(async () => {
  cleanup();
  await act(() => session.signOut());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Signs the page's session in as a city HR bureau (the gateway answered by a stub). */
async function signInAsCityBureau() {
  const account = {
    id: 'a1',
    username: 'quanzhou.hr',
    displayName: '泉州市人社局演示账号',
    organisation: null,
    roles: [
      { role: 'CITY_HR', roleName: '市人社局', regionCode: '350500', regionName: '泉州市', orgCode: null },
    ],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        data: { login: { accessToken: 'at', refreshToken: 'rt', expiresIn: 900, account }, logout: true },
      }),
    ),
  );
  session.configure('http://127.0.0.1:4000/graphql');
  await act(() => session.signIn('quanzhou.hr', 'Demo#2026'));
}

const manifest: RuntimeManifest = {
  gatewayUrl: 'http://127.0.0.1:4000/graphql',
  remotes: [
    {
      name: 'portal_public',
      title: '公众服务',
      path: '/public',
      entry: 'http://127.0.0.1:5174/remoteEntry.js',
    },
    { name: 'portal_bureau', title: '监管部门', path: '/bureau', entry: 'http://127.0.0.1:1/remoteEntry.js' },
  ],
};

function renderShell(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <UiProvider>
        <ShellRoutes manifest={manifest} />
      </UiProvider>
    </MemoryRouter>,
  );
}

describe('shell routes', () => {
  it('shows only the public portal to anonymous visitors and sends them to 登录 for the others', async () => {
    renderShell('/bureau');
    const nav = screen.getByRole('navigation', { name: '门户导航' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['公众服务']);
    expect(await screen.findByRole('heading', { level: 1, name: '登录' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByLabelText('用户名')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
  });

  it('lists the portals of the signed-in roles, with the account in the header', async () => {
    await signInAsCityBureau();
    renderShell('/public');
    const nav = screen.getByRole('navigation', { name: '门户导航' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['公众服务', '监管部门']);
    expect(
      (await screen.findByRole('heading', { name: '公众服务首页 /public' }, { timeout: 10_000 })).tagName,
    ).toBe('H1');
    expect(screen.getByTestId('account-name').textContent).toBe('泉州市人社局演示账号');
    expect(screen.getByTestId('account-roles').textContent).toBe('市人社局（泉州市）');
  });

  it('keeps working when one portal cannot be loaded', async () => {
    await signInAsCityBureau();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderShell('/bureau');
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toContain(
      '“监管部门”暂时无法使用',
    );
    fireEvent.click(screen.getAllByRole('link', { name: '公众服务' })[0]!);
    expect(
      await screen.findByRole('heading', { name: '公众服务首页 /public' }, { timeout: 10_000 }),
    ).toBeTruthy();
  });

  it('has a Chinese not-found page', () => {
    renderShell('/nowhere');
    expect(screen.getByText('页面不存在')).toBeTruthy();
  });
});
