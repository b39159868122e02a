// The history in the browser (run.sh replays fixtures/register-history.jsonl into the test
// index first): the "Wijzigingen" page loads with real events, its filters narrow the list and
// stay in the URL and the feed link, per-field differences are readable, long texts open, an
// entry page shows its history, a removed entry keeps its page, and the search page links its
// feed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

// A removed entry's page is a 410 on purpose; Chromium logs every non-2xx document.
const clean = (page) => assertClean(page, [/status of 410 \(Gone\)/]);

async function countOf(page) {
  // "1.234 wijzigingen (1–50 van 1.234)": the first number, without thousands separators.
  const text = await page.locator('#changes-count').textContent();
  return Number(text.trim().split(/\s+/)[0].replace(/\./g, ''));
}

describe('changes', () => {
  it('the Wijzigingen page lists real events per day, field by field', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.locator('.site-nav a', { hasText: 'Wijzigingen' }).click();
    await page.waitForURL(/\/wijzigingen$/);
    assert.equal(await page.locator('h1').textContent(), 'Wijzigingen in het register');
    assert.equal(await page.locator('.site-nav a[aria-current="page"]').textContent(), 'Wijzigingen');
    assert.ok(await countOf(page) > 0);
    assert.ok(await page.locator('.change-day').count() >= 1);
    // The rename of 2026-06-19: the organisation's old and new name side by side.
    await page.goto(env.server.base + '/wijzigingen?since=2026-06-19&until=2026-06-19&kind=gewijzigd');
    const row = page.locator('.change table.diff tr', { has: page.locator('th', { hasText: /^Organisatienaam$/ }) }).first();
    const [before, after] = await row.locator('td').allTextContents();
    assert.ok(before && after && before !== after, `${before} → ${after}`);
    await screenshot(page, 'changes-rename');
    clean(page);
    await page.context().close();
  });

  it('filters narrow the list and are kept in the URL and the feed link', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/wijzigingen');
    const all = await countOf(page);
    await page.locator('#kind-verwijderd').check();
    await page.locator('.change-controls button[type="submit"]').click();
    await page.waitForURL(/kind=verwijderd/);
    const removed = await countOf(page);
    assert.ok(removed > 0 && removed < all, `${removed} of ${all}`);
    assert.equal(await page.locator('.change .badge.kind-removed').count(),
      await page.locator('.change').count());
    assert.match(await page.locator('.feed-link').getAttribute('href'), /^\/api\/v1\/changes\.atom\?kind=verwijderd$/);
    // The removal of 2026-06-24 is among them; its entry keeps a page.
    await page.locator('#since').fill('2026-06-24');
    await page.locator('#until').fill('2026-06-24');
    await page.locator('.change-controls button[type="submit"]').click();
    await page.waitForURL(/since=2026-06-24/);
    const link = page.locator('.change a[href="/algoritme/59917797"]');
    assert.equal(await link.count(), 1);
    await link.click();
    await page.waitForURL(/\/algoritme\/59917797$/);
    assert.match(await page.locator('.removed-banner').textContent(), /Verwijderd uit het register op 24 juni 2026/);
    assert.ok(await page.locator('#geschiedenis').isVisible());
    await screenshot(page, 'entry-removed');
    clean(page);
    await page.context().close();
  });

  it('an entry page shows its history, the changed fields behind a disclosure', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/wijzigingen?since=2026-06-19&until=2026-06-19&kind=gewijzigd');
    await page.locator('.change h4 a').first().click();
    await page.waitForURL(/\/algoritme\/[0-9]+$/);
    const history = page.locator('section.history');
    assert.equal(await history.locator('h2').textContent(), 'Geschiedenis');
    const event = history.locator('.history-event', { has: page.locator('time[datetime="2026-06-19"]') });
    assert.equal(await event.count(), 1);
    const table = event.locator('table.diff');
    assert.equal(await table.isVisible(), false);
    await event.locator('summary').click();
    assert.ok(await table.isVisible());
    await screenshot(page, 'entry-history');
    clean(page);
    await page.context().close();
  });

  it('a day links to the register as it was then, removed entries marked', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/wijzigingen?since=2026-06-19&until=2026-06-19');
    await page.locator('.day-as-of a').first().click();
    await page.waitForURL(/as_of=2026-06-19/);
    assert.match(await page.locator('.notice.as-of').textContent(), /Het register zoals het was op 19 juni 2026/);
    await page.locator('#q').fill('herregistratie');
    await page.locator('#q').press('Enter');
    const card = page.locator('.card', { has: page.locator('a[href="/algoritme/59917797"]') });
    await card.waitFor();
    assert.equal(await card.locator('.badge.kind-removed').textContent(), 'verwijderd op 24 juni 2026');
    assert.match(page.url(), /as_of=2026-06-19/);
    await screenshot(page, 'search-as-of');
    clean(page);
    await page.context().close();
  });

  it('the search page links the feed of its own search', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren&status=in_gebruik');
    const href = await page.locator('.feed-link').getAttribute('href');
    assert.equal(href, '/api/v1/changes.atom?q=parkeren&status=in_gebruik');
    assert.equal(await page.locator('head link[type="application/atom+xml"]').getAttribute('href'), href);
    clean(page);
    await page.context().close();
  });
});
