import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npx nx dev web` serves the app with hot reload and sends /graphql to the API on :3000 (npm start).
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@parvis/domain': here('../../libs/shared/domain/src/index.ts') } },
  // The app with React, Apollo, the router, i18next and its three languages: ~800 kB minified (~210 kB
  // gzipped), one cached file. Splitting routes was measured: shared chunks kept the first load at ~760 kB.
  build: { outDir: here('dist'), emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: {
    port: 5173,
    proxy: {
      // ws: live pages' subscriptions go over a WebSocket on the same path.
      '/graphql': { target: 'http://localhost:3000', ws: true },
      '/health': 'http://localhost:3000',
      // The personal-data download and the image proxy are the API's too.
      '/me': 'http://localhost:3000',
      '/media': 'http://localhost:3000',
    },
  },
});
