import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Built to static files that the server serves at `/`. In `npm run dev`, API and auth calls
// are proxied to a Hookline server on :8080 so that cookies stay same-origin.
export default defineConfig({
  plugins: [react()],
  // Workspace packages (`@hookline/client`, the route list of `@hookline/server`) are bundled
  // from their TypeScript sources, so the dashboard builds from a fresh clone with no package
  // built first.
  resolve: { conditions: ['@hookline/source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: {
    proxy: {
      '/v1': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
    },
  },
});
