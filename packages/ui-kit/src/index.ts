// @skills/ui-kit — what the shell and every portal share on screen: antd in zh-CN with the platform theme,
// page layout pieces and loading/error states. A module-federation singleton.
export { UiProvider } from './ui-provider';
export { platformTheme } from './theme';
export {
  BasePathProvider,
  documentTitle,
  normaliseBasePath,
  PLATFORM_TITLE,
  portalPath,
  useDocumentTitle,
  usePortalPath,
} from './base-path';
export {
  EmptyText,
  ErrorState,
  LoadingState,
  NotFoundState,
  visuallyHidden,
  type ErrorStateProps,
} from './states';
export { LoadingPage, PageHeader, PageSection, StandaloneFrame, type Crumb } from './page';
export { ResponsiveTable, useSmallScreen, type ResponsiveTableProps } from './responsive-table';
export { scopeItemText, skillLevelText, type ScopeItemLike } from './skill-level';
export { registerReactInstance } from './react-instance';
export { CursorPager } from './cursor-pager';
export { StandalonePortal, type StandalonePortalProps } from './standalone';
export { PortalNav, type PortalNavItem } from './portal-nav';
export { ActorLine, actorText, type ActorView } from './actor';
export { formatDate, formatDateTime } from './format';
export { EventTimeline, type TimelineEvent } from './event-timeline';
export { DownloadButton, saveApiFile, saveBlob, type ApiFile } from './download';
