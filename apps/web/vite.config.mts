import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `npx nx dev web` serves the app with hot reload and sends /graphql to the API on :3000 (npm start).
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: { alias: { '@parvis/domain': here('../../libs/shared/domain/src/index.ts') } },
  // React, Apollo, the router and i18next weigh ~550 kB minified (~170 kB gzipped), in one cached file.
  build: { outDir: here('dist'), emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { port: 5173, proxy: { '/graphql': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
