import { describe, expect, it } from 'vitest';
import { fetchRuntimeManifest, ManifestError, parseRuntimeManifest } from './manifest.js';
import { remoteAppId } from './names.js';

const valid = {
  gatewayUrl: 'http://127.0.0.1:4000/graphql',
  remotes: [
    {
      name: 'portal_public',
      title: '公众服务',
      path: '/public',
      entry: 'http://127.0.0.1:5174/remoteEntry.js',
    },
  ],
};

describe('parseRuntimeManifest', () => {
  it('accepts a valid manifest', () => {
    expect(parseRuntimeManifest(valid)).toEqual(valid);
  });

  it.each([
    [null, '不是 JSON 对象'],
    [{ ...valid, gatewayUrl: 'not a url' }, 'gatewayUrl 不是有效的网址'],
    [{ ...valid, gatewayUrl: 'ftp://x/graphql' }, 'http(s)'],
    [{ gatewayUrl: valid.gatewayUrl }, '缺少 remotes'],
    [{ ...valid, remotes: [{ ...valid.remotes[0], name: 'portal-public' }] }, 'name 无效'],
    [{ ...valid, remotes: [{ ...valid.remotes[0], path: 'public' }] }, 'path 应形如'],
    [{ ...valid, remotes: [{ ...valid.remotes[0], title: ' ' }] }, 'title 不能为空'],
    [{ ...valid, remotes: [valid.remotes[0], valid.remotes[0]] }, '重复配置'],
  ])('rejects %j', (input, message) => {
    expect(() => parseRuntimeManifest(input)).toThrow(ManifestError);
    expect(() => parseRuntimeManifest(input)).toThrow(message);
  });
});

describe('fetchRuntimeManifest', () => {
  it('reads and validates the JSON', async () => {
    const fetchImpl = async () => new Response(JSON.stringify(valid), { status: 200 });
    await expect(fetchRuntimeManifest('/remotes.json', fetchImpl)).resolves.toEqual(valid);
  });

  it('reports HTTP errors in Chinese', async () => {
    const fetchImpl = async () => new Response('nope', { status: 404 });
    await expect(fetchRuntimeManifest('/remotes.json', fetchImpl)).rejects.toThrow('HTTP 404');
  });

  it('reports network errors', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchRuntimeManifest('/remotes.json', fetchImpl)).rejects.toThrow('无法读取运行时配置');
  });
});

it('names the exposed app', () => {
  expect(remoteAppId('portal_public')).toBe('portal_public/App');
});

it('the development manifest is valid', async () => {
  const { devManifest } = await import('./vite.js');
  const m = parseRuntimeManifest(devManifest({ GATEWAY_URL: 'http://127.0.0.1:4100/graphql' }));
  expect(m.gatewayUrl).toBe('http://127.0.0.1:4100/graphql');
  expect(m.remotes.map((r) => r.path)).toEqual(['/public', '/bureau', '/institution', '/candidate']);
}, 30_000); // importing @module-federation/vite takes seconds when turbo runs every task at once
