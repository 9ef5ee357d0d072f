/** One portal the shell can load (一个门户). */
export interface RemoteEntry {
  /** module-federation container name, e.g. `portal_public` */
  name: string;
  /** navigation label, e.g. 公众服务 */
  title: string;
  /** URL prefix in the shell, e.g. `/public` */
  path: string;
  /** absolute URL of the portal's remoteEntry.js */
  entry: string;
}

/** The run-time manifest (/remotes.json). */
export interface RuntimeManifest {
  /** GraphQL gateway URL the browser calls */
  gatewayUrl: string;
  remotes: RemoteEntry[];
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATH = /^\/[a-z0-9-]+$/;

function absoluteUrl(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ManifestError(`运行时配置缺少 ${field}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ManifestError(`运行时配置中 ${field} 不是有效的网址：${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ManifestError(`运行时配置中 ${field} 必须是 http(s) 网址：${value}`);
  }
  return url.href;
}

/** Validates a parsed /remotes.json; throws ManifestError with a Chinese message on the first problem. */
export function parseRuntimeManifest(data: unknown): RuntimeManifest {
  if (typeof data !== 'object' || data === null) throw new ManifestError('运行时配置不是 JSON 对象');
  const raw = data as Record<string, unknown>;
  const gatewayUrl = absoluteUrl(raw.gatewayUrl, 'gatewayUrl');
  if (!Array.isArray(raw.remotes)) throw new ManifestError('运行时配置缺少 remotes 列表');
  const seen = new Set<string>();
  const remotes = raw.remotes.map((r: unknown, i): RemoteEntry => {
    const item = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const where = `remotes[${i}]`;
    if (typeof item.name !== 'string' || !NAME.test(item.name)) throw new ManifestError(`${where}.name 无效`);
    if (seen.has(item.name)) throw new ManifestError(`门户 ${item.name} 重复配置`);
    seen.add(item.name);
    if (typeof item.title !== 'string' || !item.title.trim())
      throw new ManifestError(`${where}.title 不能为空`);
    if (typeof item.path !== 'string' || !PATH.test(item.path))
      throw new ManifestError(`${where}.path 应形如 /public`);
    return {
      name: item.name,
      title: item.title.trim(),
      path: item.path,
      entry: absoluteUrl(item.entry, `${where}.entry`),
    };
  });
  return { gatewayUrl, remotes };
}

/** Fetches and validates the manifest; network and HTTP errors become ManifestError too. */
export async function fetchRuntimeManifest(
  url: string = '/remotes.json',
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<RuntimeManifest> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch (e) {
    throw new ManifestError(`无法读取运行时配置 ${url}：${(e as Error).message}`);
  }
  if (!response.ok) throw new ManifestError(`无法读取运行时配置 ${url}（HTTP ${response.status}）`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new ManifestError(`运行时配置 ${url} 不是有效的 JSON`);
  }
  return parseRuntimeManifest(data);
}
