// jsdom set-up for component tests of the shell and the portals (vitest setupFiles: "@skills/ui-kit/test-setup").
import { configure } from '@testing-library/react';

/** Whether a media query's width conditions hold for jsdom's window (1024 px wide: a desktop). */
function widthMatches(query: string): boolean {
  const min = /min-width:\s*([\d.]+)px/.exec(query);
  const max = /max-width:\s*([\d.]+)px/.exec(query);
  if (!min && !max) return false;
  const width = window.innerWidth;
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
}

// jsdom lacks matchMedia, which antd's responsive helpers (Grid breakpoints) read.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: widthMatches(query),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// …and ResizeObserver, which the horizontal menu uses to fold overflowing items.
if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// findBy*/waitFor give up after 1 s by default; under a full parallel test run that is too tight.
configure({ asyncUtilTimeout: 10_000 });
