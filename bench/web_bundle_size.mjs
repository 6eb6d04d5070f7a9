#!/usr/bin/env node
// The size of the web UI a browser downloads, as built in web/dist: the
// JavaScript (raw and gzip, the figure with a target: under 300 KB gzip),
// the stylesheets and the other files (the map's TopoJSON). A benchmark line,
// not a test: it prints and exits 0 whatever the size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'web/dist');
const totals = { js: [0, 0], css: [0, 0], other: [0, 0] };

function walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      walk(path);
      continue;
    }
    const content = readFileSync(path);
    const kind = /\.m?js$/.test(name) ? 'js' : name.endsWith('.css') ? 'css' : 'other';
    totals[kind][0] += content.length;
    totals[kind][1] += gzipSync(content, { level: 9 }).length;
  }
}

try {
  walk(root);
} catch (error) {
  console.error(`web_bundle_size: cannot read ${root} (build the UI: npm run build in web/): ${error.message}`);
  process.exit(2);
}
const kb = (bytes) => (bytes / 1024).toFixed(1);
const [js, jsGzip] = totals.js;
console.log(`web UI JavaScript shipped: ${kb(js)} KB, ${kb(jsGzip)} KB gzip (target: under 300 KB gzip)`);
console.log(`web UI stylesheets: ${kb(totals.css[0])} KB, ${kb(totals.css[1])} KB gzip; other files: ${kb(totals.other[0])} KB, ${kb(totals.other[1])} KB gzip`);
