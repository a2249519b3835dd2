import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dashboard is served by the API server itself (same origin), so `vite` in development
// proxies the server's paths to a running `npm start`.
const apiTarget = process.env.INFLUENCEMART_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/r', '/js', '/docs', '/healthz', '/readyz'].map((path) => [path, { target: apiTarget }])),
  },
});
