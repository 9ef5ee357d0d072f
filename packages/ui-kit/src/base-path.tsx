import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';

const BasePathContext = createContext('');
const PortalTitleContext = createContext<string | undefined>(undefined);

/** The platform's name, last in every document title. */
export const PLATFORM_TITLE = '职业技能评价平台';

/**
 * The URL prefix a portal is mounted under (`/public` inside the shell, empty when standalone) and the portal's
 * name for document titles.
 */
export function BasePathProvider({
  basePath = '',
  portalTitle,
  children,
}: {
  basePath?: string | undefined;
  portalTitle?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <BasePathContext.Provider value={normaliseBasePath(basePath)}>
      <PortalTitleContext.Provider value={portalTitle}>{children}</PortalTitleContext.Provider>
    </BasePathContext.Provider>
  );
}

/** The tab's title: "页面 · 门户 · 职业技能评价平台" (history, bookmarks and tabs tell pages apart). */
export function documentTitle(page: string | undefined, portal: string | undefined): string {
  return [page, portal, PLATFORM_TITLE].filter(Boolean).join(' · ');
}

/** Sets the document title for the page on screen, inside the current portal. */
export function useDocumentTitle(page: string | undefined): void {
  const portal = useContext(PortalTitleContext);
  useEffect(() => {
    if (page) document.title = documentTitle(page, portal);
  }, [page, portal]);
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
