// Completeness in the browser: the register-wide table sorts by its column links without
// script, an organisation's page shows its field bars and rule lists, the DPIA/IAMA page
// filters its list with a plain form, the entry page says what the score is (or why there is
// none), and hostile names stay text on every one of them. Screenshots of each page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, hostileId, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

const clean = (page) => assertClean(page);

async function column(page, index) {
  return page.locator('.completeness-table tbody tr').evaluateAll(
    (rows, i) => rows.map((r) => r.children[i].textContent.trim()), index);
}

function number(text) {
  return Number(text.replace(/[.,]/g, ''));
}

describe('completeness pages', () => {
  it('the organisation table sorts by a column link, without JavaScript', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/');
    await page.locator('.site-nav a', { hasText: 'Volledigheid' }).click();
    await page.waitForURL(/\/volledigheid$/);
    assert.equal(await page.locator('h1').textContent(), 'Volledigheid per organisatie');
    const names = await column(page, 0);
    assert.ok(names.length > 300, `${names.length} organisations`);
    await screenshot(page, 'completeness');

    await page.locator('thead th a', { hasText: 'Algoritmes' }).click();
    await page.waitForURL(/sort=-entries/);
    const entries = (await column(page, 2)).map(number);
    for (let i = 1; i < entries.length; i += 1) {
      assert.ok(entries[i - 1] >= entries[i], `row ${i} out of order`);
    }
    assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
    // Clicking the sorted column again flips it.
    await page.locator('thead th a', { hasText: 'Algoritmes' }).click();
    await page.waitForURL(/sort=entries/);
    const up = (await column(page, 2)).map(number);
    assert.ok(up[0] <= up[up.length - 1]);
    clean(page);
    await page.context().close();
  });

  it('an organisation page has a row per field and links to its entries', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/volledigheid');
    await page.locator('tbody th a', { hasText: 'Gemeente Utrecht' }).first().click();
    await page.waitForURL(/\/organisatie\/gemeente-utrecht\/volledigheid$/);
    assert.equal(await page.locator('h1').textContent(), 'Gemeente Utrecht');
    assert.equal(await page.locator('.fields-section tbody tr').count(), 29);
    assert.ok(await page.locator('.share-bar').count() > 0);
    const csv = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
    const response = await fetch(env.server.base + csv);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/csv/);
    await screenshot(page, 'organisation-completeness');
    await page.locator('.scores-section tbody a').first().click();
    await page.waitForURL(/\/algoritme\//);
    assert.equal(await page.locator('#volledigheid').textContent(), 'Volledigheid');
    assert.match(await page.locator('section.completeness').textContent(), /Niet te controleren/);
    clean(page);
    await page.context().close();
  });

  it('the DPIA/IAMA page filters "verwacht maar niet vermeld" by organisation type', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/impacttoetsen');
    assert.ok(await page.locator('h2', { hasText: 'DPIA' }).count() >= 1);
    const all = await page.locator('.expected-section tbody tr').count();
    assert.ok(all > 0);
    await screenshot(page, 'assessments');
    // The options are the organisation types in the list; choose the first real one.
    const option = page.locator('#organisatietype option').nth(1);
    const [value, label] = [await option.getAttribute('value'), await option.textContent()];
    await page.locator('#organisatietype').selectOption(value);
    await page.locator('.expected-section button').click();
    await page.waitForURL(new RegExp('organisatietype=' + value));
    const types = await page.locator('.expected-section tbody tr td:nth-child(3)').allTextContents();
    assert.ok(types.length > 0 && types.length <= all);
    assert.ok(types.every((t) => t === label), types.join(', '));
    assert.equal(await page.locator('#organisatietype option[selected]').getAttribute('value'), value);
    clean(page);
    await page.context().close();
  });

  it('a full entry shows its score and band in words', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/algoritme/bm-dataprotector');
    const block = page.locator('section.completeness');
    assert.match(await block.textContent(), /van 140 punten/);
    assert.ok(['Onvoldoende', 'Redelijk', 'Goed'].includes(await block.locator('.band').first().textContent()));
    await block.screenshot({ path: new URL('../screenshots/entry-completeness.png', import.meta.url).pathname });
    clean(page);
    await page.context().close();
  });

  it('hostile names stay text on the completeness pages', async () => {
    const page = await newPage(env.browser, env.server.base);
    for (const path of ['/volledigheid?sort=-errors', '/impacttoetsen', '/algoritme/' + hostileId]) {
      await page.goto(env.server.base + path);
      assert.equal(await page.locator('b', { hasText: 'Vet' }).count(), 0, path);
    }
    await page.goto(env.server.base + '/volledigheid');
    const link = page.locator('tbody th a', { hasText: 'Gemeente <b>Vet</b>' });
    assert.equal(await link.count(), 1);
    await link.click();
    await page.waitForURL(/volledigheid$/);
    assert.match(await page.locator('h1').textContent(), /<b>Vet<\/b>/);
    clean(page);
    await page.context().close();
  });
});
