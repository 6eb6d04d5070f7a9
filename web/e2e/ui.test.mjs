// End-to-end tests of the web UI: Debian's chromium, headless, driven by
// playwright-core against a `kenes serve` this file starts with demo data.
// Each test saves a screenshot under test-results/ (E2E_OUTPUT to change).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { password, startNode } from './node.mjs';

const output = process.env.E2E_OUTPUT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../test-results');
mkdirSync(output, { recursive: true });

let node;
let browser;

before(async () => {
  node = await startNode();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await node?.stop();
});

// A fresh browser profile; `problems` collects console errors and uncaught exceptions.
async function openPage({ viewport = { width: 1366, height: 800 }, locale = 'en-GB' } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems, close: () => context.close() };
}

async function signIn(page, user) {
  await page.goto(node.url + '/');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function screenshot(page, name) {
  await page.screenshot({ path: join(output, `${name}.png`), fullPage: true });
}

test('signs in with a password, refuses a wrong one in words, and signs out', async () => {
  const { page, close } = await openPage();
  await page.goto(node.url + '/');
  await page.getByLabel('User name').fill('kz-analyst');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'invalid credentials' }).waitFor();
  await screenshot(page, 'sign-in-refused');

  await signIn(page, 'kz-analyst');
  await page.getByText('Signed in as kz-analyst').waitFor();
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === 'kenes_session');
  assert.ok(session, 'a session cookie');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Strict');
  await screenshot(page, 'signed-in');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const after = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
  assert.equal(after.signed_in, false);
  await close();
});

test('every page renders without console errors', async () => {
  const visible = await node.apiAs('kz-analyst', 'GET', '/api/v1/objects?type=indicator&limit=1');
  const objectId = visible.objects[0].id;
  const pages = [
    ['kz-analyst', '/', 'Dashboard', 'dashboard'],
    ['kz-analyst', '/search', 'Search', 'search'],
    ['kz-analyst', `/objects/${objectId}`, 'Properties', 'object'],
    ['kz-analyst', '/indicators/new', 'New indicator', 'create-indicator'],
    ['kz-analyst', '/alerts', 'Requests for details', 'alerts'],
    ['kz-analyst', '/keys', 'API keys', 'keys'],
    ['kz-secretary', '/admin', 'Administration', 'admin'],
    ['node-admin', '/admin', 'Administration', 'admin-audit'],
  ];
  let signedInAs = null;
  let opened = null;
  for (const [user, path, heading, name] of pages) {
    if (signedInAs !== user) {
      await opened?.close();
      opened = await openPage();
      await signIn(opened.page, user);
      signedInAs = user;
    }
    const { page, problems } = opened;
    await page.goto(node.url + path);
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await page.waitForLoadState('networkidle');
    if (name === 'admin-audit') {
      await page.getByRole('tab', { name: 'Audit log' }).click();
      await page.getByRole('columnheader', { name: 'Action' }).waitFor();
    }
    await page.waitForFunction(() => !document.body.innerText.includes('Loading…'));
    assert.equal(await page.locator('.error').count(), 0, `${path} shows no error`);
    await screenshot(page, `page-${name}`);
    assert.deepEqual(problems, [], `${path} as ${user}`);
  }
  // A tablet, in portrait.
  const tablet = await openPage({ viewport: { width: 768, height: 1024 } });
  await signIn(tablet.page, 'kz-analyst');
  await tablet.page.locator('svg.region-map path.country').first().waitFor();
  await screenshot(tablet.page, 'tablet-dashboard');
  assert.deepEqual(tablet.problems, []);
  await tablet.close();
  await opened?.close();
});

test('an invalid pattern is refused in words as it is typed, a valid one is created', async () => {
  const { page, problems, close } = await openPage();
  await signIn(page, 'kz-analyst');
  await page.getByRole('link', { name: 'New indicator' }).click();
  await page.getByLabel('Name').fill('Caravan courier phone (e2e)');
  const pattern = page.getByLabel('STIX pattern');
  await pattern.fill("[ipv4-addr:value = '203.0.113.9'");
  await page.getByTestId('validation').getByText('The indicator is not valid yet').waitFor();
  assert.equal(await pattern.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'create-invalid-pattern');
  assert.equal(await page.getByRole('button', { name: 'Create indicator' }).isDisabled(), true);

  await pattern.fill("[ipv4-addr:value = '203.0.113.9']");
  await page.getByTestId('validation').getByText('The indicator is valid.').waitFor();
  await page.getByRole('radio', { name: 'TLP:GREEN' }).check();
  await page.getByLabel('Distribution').selectOption('members');
  await page.getByRole('button', { name: 'Create indicator' }).click();
  await page.getByRole('heading', { name: /Caravan courier phone \(e2e\)/ }).waitFor();
  assert.match(page.url(), /\/objects\/indicator--/);
  await page.getByText('TLP:GREEN').first().waitFor();
  await screenshot(page, 'create-valid-indicator');
  assert.deepEqual(problems, []);
  await close();
});

test('an alert arrives live on the dashboard', async () => {
  const value = '91.215.85.201'; // not a documentation range: those never correlate
  const indicator = (name) => ({
    object: { type: 'indicator', name, pattern: `[ipv4-addr:value = '${value}']`, pattern_type: 'stix', valid_from: new Date().toISOString() },
    tlp: 'green',
    distribution: 'community',
  });
  await node.apiAs('kz-analyst', 'POST', '/api/v1/objects', indicator('KZ watches this address'));
  const { page, problems, close } = await openPage();
  await signIn(page, 'kz-analyst');
  await page.getByText('Live', { exact: true }).waitFor();
  await node.apiAs('uz-analyst', 'POST', '/api/v1/objects', indicator('UZ watches it too'));
  await page.getByTestId('recent-alerts').getByText(value).waitFor({ timeout: 15000 });
  await screenshot(page, 'alert-arrived');
  assert.deepEqual(problems, []);
  await close();
});

test('the language switches to Russian and back, and stays chosen', async () => {
  const { page, problems, close } = await openPage();
  await signIn(page, 'kz-analyst');
  await page.getByRole('button', { name: 'Русский' }).click();
  await page.getByRole('link', { name: 'Поиск' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  await page.getByRole('heading', { name: 'Сводка' }).waitFor();
  await screenshot(page, 'dashboard-russian');
  await page.reload();
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
  await page.getByRole('link', { name: 'Новый индикатор' }).click();
  await page.getByText('Шаблон STIX').waitFor();
  await screenshot(page, 'create-russian');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Search' }).waitFor();
  assert.deepEqual(problems, []);
  await close();
});

test('pages show the signed-in organisation only what the API shows it', async () => {
  const secret = `kzonly${Date.now()}`;
  const created = await node.apiAs('kz-analyst', 'POST', '/api/v1/objects', {
    object: { type: 'indicator', name: secret, pattern: "[domain-name:value = 'kz-only.example']", pattern_type: 'stix', valid_from: new Date().toISOString() },
    tlp: 'amber',
    distribution: 'organisation',
  });
  const secretId = created.object.id;
  const { page, problems, close } = await openPage();
  await signIn(page, 'eu-reader');

  // The first page of a search lists exactly the objects the API lists to EU.
  await page.goto(node.url + '/search');
  await page.getByTestId('result-count').waitFor();
  const shown = await page.locator('tr[data-object-id]').evaluateAll((rows) => rows.map((row) => row.dataset.objectId));
  const api = await node.apiAs('eu-reader', 'GET', '/api/v1/objects?limit=25&facets=true');
  assert.ok(shown.length > 0);
  assert.deepEqual(shown, api.objects.map((object) => object.id));
  assert.ok(!shown.includes(secretId));
  const total = Object.values(api.facets.type).reduce((sum, count) => sum + count, 0);
  await screenshot(page, 'search-as-eu');

  // The dashboard counts what the API counts for EU.
  await page.goto(node.url + '/');
  const count = await page.getByTestId('count-objects').textContent();
  assert.equal(Number(count.replace(/\D/g, '')), total);

  // Searching for the hidden object finds nothing; its page says so, naming nothing.
  await page.goto(node.url + `/search?q=${secret}`);
  await page.getByText('No objects match.').waitFor();
  await page.goto(node.url + `/objects/${secretId}`);
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByText(secret).count(), 0);
  await screenshot(page, 'hidden-object-as-eu');
  // The only console errors are the 404 answers of the hidden object's page.
  assert.ok(problems.every((problem) => problem.includes('404')), problems.join('\n'));
  await close();
});
