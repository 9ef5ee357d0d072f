import { createContext, useCallback, useContext, type ReactNode } from 'react';

const BasePathContext = createContext('');

/** The URL prefix a portal is mounted under: `/public` inside the shell, empty when standalone. */
export function BasePathProvider({
  basePath = '',
  children,
}: {
  basePath?: string | undefined;
  children?: ReactNode;
}) {
  return <BasePathContext.Provider value={normaliseBasePath(basePath)}>{children}</BasePathContext.Provider>;
}

export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** Joins a portal-relative path onto the base path: `portalPath('/public', 'occupations/1')` → `/public/occupations/1`. */
export function portalPath(basePath: string, path = ''): string {
  const rest = path.replace(/^\/+/, '');
  const base = normaliseBasePath(basePath);
  return rest ? `${base}/${rest}` : base || '/';
}

/** Returns a function that turns a portal-relative path into an absolute one. */
export function usePortalPath(): (path?: string) => string {
  const basePath = useContext(BasePathContext);
  return useCallback((path?: string) => portalPath(basePath, path), [basePath]);
}
