/** The module every portal exposes: its routes, as a React component taking `{ basePath }`. */
export const EXPOSED_APP = './App';

/** Where the shell and a standalone portal read the run-time manifest. */
export const MANIFEST_PATH = '/remotes.json';

/** `loadRemote()` id for a remote's exposed app, e.g. `portal_public/App`. */
export function remoteAppId(remoteName: string): string {
  return `${remoteName}/${EXPOSED_APP.slice(2)}`;
}

/** Props every portal's exposed App accepts. */
export interface PortalAppProps {
  /** URL prefix the shell mounts the portal under (`/public`); empty when the portal runs standalone. */
  basePath?: string;
  /** the portal's name in the shell's manifest (公众服务), for document titles; the portal's own when absent */
  title?: string;
}
