import { defineConfig } from 'vite';

/**
 * The pages are built into `dist/` and served by `server/` (`npm start` builds them when `dist/` is missing
 * or older than the sources). Every file comes from this build: no CDN, no web font.
 */
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
  logLevel: 'warn',
});
