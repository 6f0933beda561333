import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these Web APIs that React Router uses and every browser has.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Headless UI's menu watches its button's size to close when it moves; jsdom lays nothing out, so
// nothing ever resizes there and an observer that never calls back is the truth of that world.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: NoLayoutResizeObserver });

afterEach(() => localStorage.clear());

// `findBy…` and `waitFor` wait for what the page will show, not for a time: their default of
// 1 s is a speed limit a loaded 2-core machine missed (a mocked answer rendered after more than a
// second: "element could not be found"). Something that never comes still fails, later.
configure({ asyncUtilTimeout: 15_000 });
