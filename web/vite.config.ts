// Vite builds the web UI into dist/, which `kenes serve` serves at / (serve.web_root).
// `npm run dev` serves it with hot reload and sends /api to a node on 127.0.0.1:8080.
import { defineConfig } from 'vite';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    // The map's TopoJSON stays a file fetched at run time, not JavaScript.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
