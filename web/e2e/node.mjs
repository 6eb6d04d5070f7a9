// A Kenes node for the browser tests: a fresh data directory with the demo
// scenario, demo users with passwords and API keys, and `kenes serve` on
// 127.0.0.1 with a free port, serving the built UI (web/dist). Stopped by
// the test with stop().
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const kenesBinary = process.env.KENES_BINARY ?? resolve(web, '../build/src/cli/kenes');
export const password = 'demo password 2026';

// name, organisation, role: the users the tests sign in as.
export const users = [
  ['kz-analyst', 'KZ', 'analyst'],
  ['uz-analyst', 'UZ', 'analyst'],
  ['eu-reader', 'EU', 'reader'],
  ['kz-secretary', 'KZ', 'org-admin'],
  ['node-admin', 'KZ', 'admin'],
];

export async function startNode() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kenes-e2e-'));
  const kenes = (args, input) =>
    execFileSync(kenesBinary, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  kenes(['init']);
  const demo = execFileSync(kenesBinary, ['demo'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  kenes(['import', '--quiet', '--distribution', 'community', '-'], demo);
  const keys = {};
  for (const [name, organisation, role] of users) {
    kenes(['user', 'add', name, '--org', organisation, '--role', role, '--password-stdin'], `${password}\n`);
    keys[name] = kenes(['key', 'create', name, '--label', 'e2e']).trim();
  }
  const config = join(dataDir, 'kenes.conf');
  writeFileSync(config, `[serve]\nweb_root = ${join(web, 'dist')}\naccess_log = ${join(dataDir, 'access.log')}\n`);
  const server = spawn(kenesBinary, ['--data-dir', dataDir, '--config', config, 'serve', '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`kenes serve did not start:\n${log}`)), 30000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const found = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (found) {
        clearTimeout(timer);
        resolveUrl(found[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`kenes serve exited with ${code}:\n${log}`)));
  });
  if (!log.includes('web UI at /')) throw new Error(`kenes serve runs without the web UI:\n${log}`);

  // The REST API as one of the users, with its API key: what the UI must agree with.
  async function apiAs(user, method, path, body) {
    const response = await fetch(url + path, {
      method,
      headers: { Authorization: `Bearer ${keys[user]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${user}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async function stop() {
    if (server.exitCode === null) {
      const exited = new Promise((resolveExit) => server.on('exit', resolveExit));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { url, keys, apiAs, stop };
}
