// Lets a test see how many copies of React a page runs: each app registers the React object it imported. With
// React shared as a module-federation singleton, the shell and every portal register the same object.
declare global {
  interface Window {
    __SKILLS_REACT_INSTANCES__?: Map<unknown, string[]>;
  }
}

export function registerReactInstance(react: { version: string }, app: string): void {
  if (typeof window === 'undefined') return;
  const instances = (window.__SKILLS_REACT_INSTANCES__ ??= new Map());
  const apps = instances.get(react) ?? [];
  if (!apps.includes(app)) apps.push(app);
  instances.set(react, apps);
}
