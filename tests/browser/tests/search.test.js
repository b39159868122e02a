// The search page with JavaScript: suggestions as you type (keyboard and mouse), results as you
// type, facets without reload with their counts changing, chips, pagination, the organisation
// list search and the export buttons.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

const clean = (page) => assertClean(page);

async function countText(page) {
  return (await page.locator('#result-count').textContent()).trim();
}

async function facetCount(page, id) {
  return Number((await page.locator(`label[for="${id}"] .count`).textContent()).replace(/\D/g, ''));
}

describe('search page with JavaScript', () => {
  it('shows the home page: every entry, facets with counts, no external requests', async () => {
    const page = await newPage(env.browser, env.server.base);
    const response = await page.goto(env.server.base + '/');
    assert.equal(response.status(), 200);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.match(await countText(page), /^1\.558 algoritmes gevonden/);
    assert.equal(await page.locator('ol.cards > li').count(), 20);
    assert.ok(await facetCount(page, 'f-status-in_gebruik') > 1000);
    // JavaScript is on: the apply buttons are hidden, the box is a combobox.
    assert.equal(await page.locator('.apply-filters').isVisible(), false);
    assert.equal(await page.getAttribute('#q', 'role'), 'combobox');
    await screenshot(page, 'search-home');
    clean(page);
    await page.context().close();
  });

  it('suggests while typing; arrow keys move through the listbox; Escape closes it', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.locator('#q').pressSequentially('utrech', { delay: 40 });
    const listbox = page.locator('#q-suggestions');
    await listbox.waitFor({ state: 'visible' });
    assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'true');
    const options = listbox.locator('[role="option"]');
    assert.ok(await options.count() >= 3);
    assert.match(await options.first().textContent(), /Gemeente Utrecht/);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), 'q-option-0');
    assert.equal(await options.first().getAttribute('aria-selected'), 'true');
    await screenshot(page, 'search-suggestions');
    await page.keyboard.press('Escape');
    await listbox.waitFor({ state: 'hidden' });
    assert.equal(await page.getAttribute('#q', 'aria-expanded'), 'false');

    // Choosing an organisation with the keyboard filters on it.
    await page.keyboard.press('ArrowDown');
    await listbox.waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/organisatie=gemeente-utrecht/);
    await page.waitForFunction(() => /45 algoritmes/.test(document.getElementById('result-count').textContent));
    assert.equal(await page.locator('.chip').count(), 1);
    clean(page);
    await page.context().close();
  });

  it('choosing a title suggestion opens the entry', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.locator('#q').pressSequentially('snelle id', { delay: 40 });
    const option = page.locator('#q-suggestions [role="option"]', { hasText: 'Snelle ID lijn' });
    await option.first().waitFor();
    await option.first().click();
    await page.waitForURL(/\/algoritme\/54986363$/);
    assert.equal(await page.locator('h1').textContent(), 'Snelle ID lijn');
    clean(page);
    await page.context().close();
  });

  it('updates the results as you type, without a page load', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('#q').pressSequentially('parkeren', { delay: 30 });
    await page.waitForFunction(() => /^37 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no navigation');
    await page.waitForURL(/\?q=parkeren$/);
    assert.ok(await page.locator('.cards mark').count() > 5, 'matches highlighted');
    await page.waitForFunction(() => /37 algoritmes/.test(document.getElementById('live-status').textContent));
    // The query stays focused while the results change under it.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.press('Escape');
    await screenshot(page, 'search-results');
    clean(page);
    await page.context().close();
  });

  it('applies facets without reload: counts change, chips remove them, back works', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren');
    await page.evaluate(() => { window.__sameDocument = true; });
    const gemeenteBefore = await facetCount(page, 'f-organisatietype-gemeente');
    assert.equal(gemeenteBefore, 37);
    await page.locator('#f-status-buiten_gebruik').check();
    await page.waitForURL(/status=buiten_gebruik/);
    await page.waitForFunction(() => /^2 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    // Disjunctive counts: the status facet keeps its own counts, the others follow the filter.
    assert.equal(await facetCount(page, 'f-organisatietype-gemeente'), 2);
    assert.equal(await facetCount(page, 'f-status-in_gebruik'), 35);
    assert.equal(await page.locator('#f-status-buiten_gebruik').isChecked(), true);
    // Focus stays on the checkbox that was ticked (it was swapped with the region).
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-status-buiten_gebruik');
    // A second value of the same facet widens (OR).
    await page.locator('#f-status-in_gebruik').check();
    await page.waitForFunction(() => /^37 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    assert.equal(await page.locator('.chip').count(), 2);
    await screenshot(page, 'search-filtered');
    // The chip removes just its own filter.
    await page.locator('.chip', { hasText: 'Buiten gebruik' }).click();
    await page.waitForFunction(() => /^35 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    assert.equal(await page.locator('#f-status-buiten_gebruik').isChecked(), false);
    // Back: the previous state again.
    await page.goBack();
    await page.waitForFunction(() => /^37 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    // Clear all.
    await page.locator('#results-region .clear-all').click();
    await page.waitForURL(/\?q=parkeren$/);
    assert.equal(await page.locator('.chip').count(), 0);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no navigation');
    clean(page);
    await page.context().close();
  });

  it('sorts and pages without reload, moving focus to the results', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren');
    await page.selectOption('#sort', 'name');
    await page.waitForURL(/sort=name/);
    const names = await page.locator('.card-title').allTextContents();
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'nl'));
    assert.deepEqual(names.map((n) => n.toLowerCase()), sorted.map((n) => n.toLowerCase()));
    await page.locator('.pagination a[rel="next"]').click();
    await page.waitForURL(/page=2/);
    await page.waitForFunction(() => document.querySelector('ol.cards').getAttribute('start') === '21');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'resultaten');
    assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
    clean(page);
    await page.context().close();
  });

  it('searches the organisation list', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    assert.equal(await page.locator('#org-values input[type="checkbox"]').count(), 12);
    await page.locator('#org_q').pressSequentially('utrecht', { delay: 30 });
    await page.waitForFunction(() => document.querySelector('#f-organisatie-provincie-utrecht') !== null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'org_q');
    await page.locator('#f-organisatie-provincie-utrecht').check();
    await page.waitForFunction(() => /^8 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    clean(page);
    await page.context().close();
  });

  it('exports the current results as CSV and JSON', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren&status=in_gebruik');
    const csvLink = page.locator('.export a', { hasText: 'CSV (spreadsheet)' });
    assert.equal(await csvLink.getAttribute('href'), '/api/v1/export.csv?q=parkeren&status=in_gebruik');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/).filter((l) => /^"?[^,]/.test(l));
    assert.match(lines[0], /^name,organization,/);
    assert.ok(csv.includes('Kentekencamerahandhaving scanauto parkeren'));
    const jsonHref = await page.locator('.export a', { hasText: 'JSON' }).getAttribute('href');
    const response = await page.request.get(env.server.base + jsonHref);
    assert.equal(response.status(), 200);
    const body = await response.json();
    const records = Array.isArray(body) ? body : (body.records || body.entries || body.algoritmes || []);
    assert.equal(records.length, 35);
    clean(page);
    await page.context().close();
  });
});
