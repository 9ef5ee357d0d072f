// @skills/ui-kit — what the shell and every portal share on screen: antd in zh-CN with the platform theme,
// page layout pieces and loading/error states. A module-federation singleton.
export { UiProvider } from './ui-provider';
export { platformTheme } from './theme';
export { BasePathProvider, normaliseBasePath, portalPath, usePortalPath } from './base-path';
export {
  EmptyText,
  ErrorState,
  LoadingState,
  NotFoundState,
  visuallyHidden,
  type ErrorStateProps,
} from './states';
export { PageHeader, PageSection, StandaloneFrame } from './page';
export { skillLevelText } from './skill-level';
export { registerReactInstance } from './react-instance';
export { CursorPager } from './cursor-pager';
export { StandalonePortal, type StandalonePortalProps } from './standalone';
export { PortalNav, type PortalNavItem } from './portal-nav';
export { ActorLine, actorText, type ActorView } from './actor';
export { formatDate, formatDateTime } from './format';
export { EventTimeline, type TimelineEvent } from './event-timeline';
