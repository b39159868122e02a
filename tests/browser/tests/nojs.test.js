// The site without JavaScript: plain GET forms and links do everything the script does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

async function count(page) {
  return (await page.locator('#result-count').textContent()).trim();
}

describe('without JavaScript', () => {
  it('searches, filters, sorts, pages and exports with forms and links', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/');
    assert.equal(await page.getAttribute('html', 'class'), null, 'no script ran');
    assert.ok(await page.locator('.apply-filters').isVisible());
    assert.ok(await page.locator('.sort-apply').isVisible());

    await page.fill('#q', 'parkeren');
    await Promise.all([page.waitForURL(/\?q=parkeren/), page.press('#q', 'Enter')]);
    assert.match(await count(page), /^37 algoritmes/);
    assert.ok(await page.locator('.cards mark').count() > 0);

    await page.check('#f-status-buiten_gebruik');
    await Promise.all([page.waitForURL(/status=buiten_gebruik/), page.click('.apply-filters')]);
    assert.match(await count(page), /^2 algoritmes/);
    assert.equal(await page.locator('.chip').count(), 1);
    await screenshot(page, 'nojs-filtered');

    await page.locator('.chip').click();
    await page.waitForURL((url) => !url.search.includes('status='));
    assert.match(await count(page), /^37 algoritmes/);

    await page.selectOption('#sort', 'name');
    await Promise.all([page.waitForURL(/sort=name/), page.click('.sort-apply')]);
    await Promise.all([page.waitForURL(/page=2/), page.click('.pagination a[rel="next"]')]);
    assert.equal(await page.locator('.pagination [aria-current="page"]').textContent(), '2');
    assert.equal(await page.locator('#q').inputValue(), 'parkeren');
    assert.equal(await page.locator('#sort').inputValue(), 'name');

    const csv = await page.locator('.export a', { hasText: 'CSV (spreadsheet)' }).getAttribute('href');
    assert.equal(csv, '/api/v1/export.csv?q=parkeren&sort=name');
    await page.context().close();
  });

  it('searches the organisation list with its own button', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/');
    await page.fill('#org_q', 'utrecht');
    await Promise.all([page.waitForURL(/org_q=utrecht/), page.click('.org-search button')]);
    assert.ok(await page.locator('#f-organisatie-provincie-utrecht').isVisible());
    await page.check('#f-organisatie-provincie-utrecht');
    await Promise.all([page.waitForURL(/organisatie=provincie-utrecht/), page.click('.apply-filters')]);
    assert.match(await count(page), /^8 algoritmes/);
    await screenshot(page, 'nojs-organisations');
    await page.context().close();
  });

  it('"Bedoelde u" links to the suggested search; a query that finds nothing is corrected', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/?q=parkeerren');
    const suggestion = page.locator('.did-you-mean a');
    assert.equal(await suggestion.count(), 1);
    assert.match(await page.locator('.did-you-mean').textContent(), /^Bedoelde u: \S+\?$/);
    const wanted = await suggestion.textContent();
    await Promise.all([page.waitForURL(/\?q=/), suggestion.click()]);
    assert.equal(await page.locator('#q').inputValue(), wanted);
    assert.ok(await page.locator('.cards > li').count() > 0);

    await page.goto(env.server.base + '/?q=kentekn');
    assert.match(await page.locator('.notice').first().textContent(),
      /^Niets gevonden voor ‘kentekn’\. Hieronder de resultaten voor ‘kenteken’\.$/);
    assert.ok(await page.locator('.cards > li').count() > 0);
    await screenshot(page, 'nojs-corrected');
    await page.context().close();
  });

  it('shows entries, organisations and statistics fully', async () => {
    const page = await newPage(env.browser, env.server.base, { javaScriptEnabled: false });
    await page.goto(env.server.base + '/algoritme/bm-dataprotector');
    assert.ok(await page.locator('h2', { hasText: 'Verantwoord gebruik' }).isVisible());
    await page.goto(env.server.base + '/organisatie/gemeente-utrecht?status=in_gebruik');
    assert.equal(await page.locator('h1').textContent(), 'Gemeente Utrecht');
    assert.equal(await page.locator('#f-status-in_gebruik').isChecked(), true);
    await page.goto(env.server.base + '/statistieken');
    assert.equal(await page.locator('svg[role="img"]').count(), 11);
    await page.context().close();
  });
});
