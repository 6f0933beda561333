import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npx nx dev web` serves the app with hot reload and sends /graphql to the API on :3000 (npm start).
// The build makes two things: the browser's app in dist/ (each page its own chunk, a manifest
// naming them), then the server renderer in dist/server/ (`--ssr`), which the API loads.
export default defineConfig(({ isSsrBuild }) => ({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@parvis/domain': here('../../libs/shared/domain/src/index.ts') } },
  build: isSsrBuild
    ? {
        outDir: here('dist/server'),
        emptyOutDir: false,
        // One self-contained CommonJS file: the API (CommonJS, and its Jest tests) requires it.
        rollupOptions: {
          input: here('src/entry-server.tsx'),
          output: { format: 'cjs', entryFileNames: 'entry-server.cjs', codeSplitting: false },
        },
      }
    : {
        outDir: here('dist'),
        emptyOutDir: true,
        manifest: true,
        // The loader is the server-rendered pages' only script; it starts the app (index.html's
        // entry) once the page has painted (src/loader.ts).
        rollupOptions: { input: { index: here('index.html'), loader: here('src/loader.ts') } },
      },
  ssr: { noExternal: true, target: 'node' },
  server: {
    port: 5173,
    proxy: {
      // ws: live pages' subscriptions go over a WebSocket on the same path.
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '/health': 'http://localhost:3000',
      // The personal-data download and the image proxy are the API's too.
      '/me': 'http://localhost:3000',
      '/media': 'http://localhost:3000',
      // Members' photos: sent and served by the API.
      '/uploads': 'http://localhost:3000',
    },
  },
}));
