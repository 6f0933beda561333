import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these Web APIs that React Router uses and every browser has.
Object.assign(globalThis, { TextEncoder, TextDecoder });

afterEach(() => localStorage.clear());
