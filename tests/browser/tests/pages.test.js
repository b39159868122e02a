// Entry, organisation and statistics pages in the browser: open an entry from the results, its
// groups, empty fields and assessments; the hostile entry renders as text and runs nothing;
// the organisation page; SVG charts with their tables; English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, hostileId, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

const clean = (page) => assertClean(page);

describe('entry, organisation and statistics pages', () => {
  it('opens an entry from the results', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=%22snelle%20id%20lijn%22');
    await page.locator('.card-title a').first().click();
    await page.waitForURL(/\/algoritme\/54986363$/);
    assert.equal(await page.locator('h1').textContent(), 'Snelle ID lijn');
    assert.equal(await page.locator('.entry-org a').textContent(), 'Nederlands Forensisch Instituut');
    // Listing-only: fields are unknown, not empty; the assessment from the 2023 export shows
    // with its source.
    assert.ok(await page.getByText('alleen de gegevens uit de openbare lijst').isVisible());
    assert.ok(await page.locator('.assessment-box', { hasText: 'DPIA' }).isVisible());
    assert.ok(await page.locator('td', { hasText: 'algoritmeregister-export-2023-06-19' }).count() >= 1);
    assert.equal(await page.locator('.official-link a').getAttribute('href'),
      'https://algoritmes.overheid.nl/nl/algoritme/54986363');
    assert.ok(await page.locator('.similar .card').count() >= 1);
    await screenshot(page, 'entry-listing');
    clean(page);
    await page.context().close();
  });

  it('shows a full entry in the register groups, with "Veld niet ingevuld"', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/algoritme/bm-dataprotector');
    const headings = await page.locator('.entry-section > h2').allTextContents();
    assert.deepEqual(headings.slice(0, 3), ['Algemene informatie', 'Verantwoord gebruik', 'Werking']);
    assert.ok(headings.includes('Vergelijkbare algoritmes'));
    // Organisation is required and show-always, but empty in this template.
    const orgRow = page.locator('.field', { has: page.locator('dt', { hasText: /^Organisatienaam$/ }) });
    assert.equal((await orgRow.locator('dd').textContent()).trim(), 'Veld niet ingevuld');
    const lawRefs = page.locator('.field', { has: page.locator('dt', { hasText: 'Verwijzingen wettelijke basis' }) });
    assert.equal(await lawRefs.locator('a').first().getAttribute('href'), 'https://wetten.overheid.nl/BWBR0040940');
    await screenshot(page, 'entry-full');
    // The table of contents jumps to the groups.
    await page.locator('.toc a', { hasText: 'Werking' }).click();
    await page.waitForURL(/#werking$/);
    clean(page);
    await page.context().close();
  });

  it('renders an entry whose fields hold <script>, quotes and & as text, running nothing', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/algoritme/' + hostileId);
    assert.equal(await page.locator('h1').textContent(),
      'Test <script>alert("naam")</script> & "quotes" \'single\'');
    assert.equal(await page.locator('.entry-org a').textContent(), 'Gemeente <b>Vet</b> & Co "test"');
    // Only our own script element exists; no injected elements or handlers.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')));
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /^\/static\/app\.js/);
    assert.equal(await page.locator('main b, main img, main iframe, main style').count(), 0);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[onclick], [onerror]').length), 0);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => !/^\s*(javascript|data):/i.test(h)), 'no script links');
    // The javascript: website is shown as text, the real law link is a link.
    // (exact: the completeness block quotes the value in its link.format finding too)
    assert.ok(await page.getByText("javascript:alert('website')", { exact: true }).isVisible());
    assert.ok(await page.locator('a', { hasText: 'Echte wet & regels' }).isVisible());
    await screenshot(page, 'entry-hostile');
    // The same entry in the results and on its organisation's page.
    await page.goto(env.server.base + '/?q=quotes');
    assert.equal(await page.locator('.card-title').first().textContent(),
      'Test <script>alert("naam")</script> & "quotes" \'single\'');
    await page.locator('.card-org a').first().click();
    await page.waitForURL(/\/organisatie\//);
    assert.equal(await page.locator('h1').textContent(), 'Gemeente <b>Vet</b> & Co "test"');
    clean(page);
    await page.context().close();
  });

  it('shows an organisation with its entries and facet counts', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/organisatie/gemeente-utrecht');
    assert.equal(await page.locator('h1').textContent(), 'Gemeente Utrecht');
    assert.match(await page.locator('#result-count').textContent(), /^45 algoritmes gevonden/);
    assert.equal(await page.locator('#facet-organisatie').count(), 0);
    const inUse = Number((await page.locator('label[for="f-status-in_gebruik"] .count').textContent()).replace(/\D/g, ''));
    assert.ok(inUse > 0 && inUse <= 45);
    assert.equal(await page.locator('.export a', { hasText: 'CSV (spreadsheet)' }).getAttribute('href'),
      '/api/v1/export.csv?organisatie=gemeente-utrecht');
    await screenshot(page, 'organisation');
    clean(page);
    await page.context().close();
  });

  it('draws the statistics as SVG with titles, descriptions and tables', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/statistieken');
    const charts = page.locator('svg[role="img"]');
    assert.equal(await charts.count(), 11);
    for (const chart of await charts.all()) {
      const labelled = await chart.getAttribute('aria-labelledby');
      const [title, desc] = labelled.split(' ');
      assert.ok((await page.locator('#' + title).textContent()).length > 5);
      assert.ok((await page.locator('#' + desc).textContent()).length > 20);
    }
    const firstRow = page.locator('#per-type table tbody tr').first();
    assert.equal(await firstRow.locator('th').textContent(), 'Gemeente');
    await page.locator('#per-type summary').click();
    assert.ok(await page.locator('#per-type table').isVisible());
    await screenshot(page, 'statistics');
    clean(page);
    await page.context().close();
  });

  it('switches to English and back, keeping the state', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren&status=in_gebruik');
    await page.locator('a.lang-switch').click();
    await page.waitForURL(/\/en\/\?q=parkeren&status=in_gebruik$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('#result-count').textContent(), /^35 algorithms found/);
    assert.ok(await page.getByText('Clear all filters').first().isVisible());
    await screenshot(page, 'search-english');
    await page.goto(env.server.base + '/en/algoritme/bm-dataprotector');
    assert.ok(await page.locator('h2', { hasText: 'Responsible use' }).isVisible());
    assert.equal(await page.getAttribute('h1', 'lang'), 'nl');
    await page.locator('a.lang-switch').click();
    await page.waitForURL(/\/algoritme\/bm-dataprotector$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    clean(page);
    await page.context().close();
  });

  it('answers unknown entries with an HTML 404 page', async () => {
    const page = await newPage(env.browser, env.server.base);
    const response = await page.goto(env.server.base + '/algoritme/00000000');
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Niet gevonden');
    page.problems = page.problems.filter((p) => !p.includes('404'));
    clean(page);
    await page.context().close();
  });
});
