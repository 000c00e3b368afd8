// The web console's build: staff console (index.html) and patient pages (portal.html) into
// dist/public, which the service serves (src/console/console-pages.ts). `npm run web:dev` serves the
// screens with live reload against a service on SERVICE_URL (default http://127.0.0.1:3000).
import process from 'node:process';
import { defineConfig } from 'vite';

const service = process.env.SERVICE_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/public',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline scripts or module-preload polyfill: the Content-Security-Policy allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    // The budgets are in gzip bytes and measured by bench/web.ts; Vite's warning counts minified bytes.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      input: { console: 'index.html', portal: 'portal.html' },
      onLog(level, log, handler) {
        // React libraries mark their modules "use client" for server rendering, which this build has none of.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    proxy: { '/api': service, '/m': service, '/health': service },
  },
});
