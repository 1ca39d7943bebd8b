/** @module Vite build of the citizen H5 / kiosk / back-office front end (web/ → dist/web). */
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

/**
 * Vant's icon font names a second source on at.alicdn.com after its inline woff2: nothing may load
 * from the internet (and the CSP's font-src refuses it), so the remote source is dropped.
 */
function noRemoteFonts(): Plugin {
  return {
    name: 'open12348-no-remote-fonts',
    transform(code, id) {
      if (!id.endsWith('.css') || !code.includes('alicdn.com')) return null;
      return code.replace(
        /,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\("[^"]*"\)/g,
        '',
      );
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [vue(), noRemoteFonts()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
