import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to static files that the server serves at `/`. In `npm run dev`, API and auth calls
// are proxied to a Hookline server on :8080 so that cookies stay same-origin.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: {
    proxy: {
      '/v1': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
    },
  },
});
