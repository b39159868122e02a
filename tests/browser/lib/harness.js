// Shared set-up of the browser tests: the real `algreg serve` over an index of the bundled
// register (plus the v1.0 templates, the 2023 assessments and one hostile entry), and headless
// Debian Chromium driven by playwright-core.
//
// Environment:
//   ALGREG_BIN         the algreg binary (default: the newest of build/dev/algreg, build/*/algreg)
//   ALGREG_TEST_INDEX  an index built beforehand (run.sh builds one); else one is built here
//   CHROMIUM           the browser (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../../..');
export const screenshots = resolve(here, '../screenshots');
export const hostileId = '99999995';

export function algregBinary() {
  if (process.env.ALGREG_BIN) {
    return process.env.ALGREG_BIN;
  }
  const candidates = [];
  for (const parent of [join(repo, 'build')]) {
    if (!existsSync(parent)) { continue; }
    for (const name of readdirSync(parent)) {
      const bin = join(parent, name, 'algreg');
      if (existsSync(bin)) { candidates.push(bin); }
    }
  }
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates.length) {
    throw new Error('no algreg binary: build it (cmake --workflow --preset dev) or set ALGREG_BIN');
  }
  return candidates[0];
}

export function buildIndex(bin, dir) {
  // The history first (one revision per day, for the changes pages), then the register.
  const history = spawnSync(bin, ['index', join(repo, 'fixtures/register-history.jsonl'),
    '--db', dir, '--quiet'], { encoding: 'utf8' });
  if (history.status !== 0) {
    throw new Error(`algreg index (history) failed (${history.status}): ${history.stderr}`);
  }
  const args = ['index',
    join(repo, 'fixtures/register-2026-08-08.json'),
    join(repo, 'fixtures/register-v1.0-templates.json'),
    join(repo, 'tests/browser/fixtures/hostile-entry.json'),
    '--assessments', join(repo, 'fixtures/assessments-2023-06-19.csv'),
    '--db', dir, '--quiet'];
  const run = spawnSync(bin, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`algreg index failed (${run.status}): ${run.stderr}`);
  }
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitForPages(base, child, log) {
  const deadline = Date.now() + 20000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`algreg serve exited with ${child.exitCode}: ${log()}`);
    }
    try {
      const response = await fetch(base + '/');
      const type = response.headers.get('content-type') || '';
      if (response.ok && type.startsWith('text/html')) {
        return;
      }
      last = `GET / answered ${response.status} ${type}`;
      if (response.ok) {
        throw new Error('algreg serve answers / with ' + type +
          ': the pages are not registered (web::register_page_routes)');
      }
    } catch (error) {
      if (String(error.message).includes('not registered')) { throw error; }
      last = String(error.message);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('algreg serve did not answer in time: ' + last + ' ' + log());
}

/// Starts `algreg serve` on a free port. Returns { base, stop() }.
export async function startServer() {
  const bin = algregBinary();
  let index = process.env.ALGREG_TEST_INDEX;
  let temp = null;
  if (!index) {
    temp = mkdtempSync(join(tmpdir(), 'algreg-browser-'));
    index = join(temp, 'index');
    buildIndex(bin, index);
  }
  const port = await freePort();
  let output = '';
  const child = spawn(bin, ['serve', '--index', index, '--port', String(port), '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ALGREG_STATIC_DIR: process.env.ALGREG_STATIC_DIR || join(repo, 'web/static') },
  });
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  await waitForPages(base, child, () => output);
  return {
    base,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) { child.kill('SIGKILL'); }
      }
      if (temp) { rmSync(temp, { recursive: true, force: true }); }
    },
  };
}

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-dev-shm-usage'];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
}

/// A page that records console errors, page errors, dialogs (an alert() would mean injected
/// script ran) and every request that leaves our origin.
export async function newPage(browser, base, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled !== false,
    acceptDownloads: true,
    locale: 'nl-NL',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.problems = [];
  page.external = [];
  page.dialogs = [];
  page.on('console', (m) => {
    if (m.type() === 'error') { page.problems.push('console: ' + m.text()); }
  });
  page.on('pageerror', (e) => page.problems.push('pageerror: ' + e.message));
  page.on('dialog', async (d) => { page.dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) { page.external.push(r.url()); }
  });
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, name + '.png'), fullPage: true });
}

/// One server and one browser for a test file: registers node:test before/after hooks and
/// returns an object whose `server` and `browser` are set before the first test runs.
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/// What every page must be after a test: no console or page errors (except messages matching
/// one of `allowed`), no request outside our own origin, no dialog (an injected script).
export function assertClean(page, allowed = []) {
  const problems = page.problems.filter((p) => !allowed.some((re) => re.test(p)));
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(page.external, [], 'requests outside our own origin');
  assert.deepEqual(page.dialogs, [], 'dialogs (injected script?)');
}
