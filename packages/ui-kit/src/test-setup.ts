// jsdom set-up for component tests of the shell and the portals (vitest setupFiles: "@skills/ui-kit/test-setup").
import { configure } from '@testing-library/react';

// jsdom lacks matchMedia, which antd's responsive helpers read.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
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
