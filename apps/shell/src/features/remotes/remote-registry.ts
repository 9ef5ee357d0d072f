import { remoteAppId, type PortalAppProps, type RemoteEntry } from '@skills/federation';
import { loadRemote, registerRemotes } from '@module-federation/runtime';
import type { ComponentType } from 'react';

/** Registers the manifest's portals with the module-federation runtime (ES-module remoteEntry.js files). */
export function registerPortals(remotes: readonly RemoteEntry[]): void {
  registerRemotes(
    remotes.map((r) => ({ name: r.name, entry: r.entry, type: 'module' })),
    { force: true },
  );
}

export class PortalLoadError extends Error {
  override name = 'PortalLoadError';
}

/** Loads a portal's exposed App; a missing or broken remote becomes a PortalLoadError. */
export async function loadPortalApp(
  remote: RemoteEntry,
): Promise<{ default: ComponentType<PortalAppProps> }> {
  let mod: { default?: ComponentType<PortalAppProps> } | null;
  try {
    mod = await loadRemote<{ default?: ComponentType<PortalAppProps> }>(remoteAppId(remote.name));
  } catch (e) {
    throw new PortalLoadError(`无法从 ${remote.entry} 加载“${remote.title}”`, { cause: e });
  }
  if (!mod?.default)
    throw new PortalLoadError(`“${remote.title}”没有提供页面（${remoteAppId(remote.name)}）`);
  return { default: mod.default };
}
