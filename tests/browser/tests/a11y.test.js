// Accessibility: axe-core (WCAG 2.0/2.1 A and AA plus best practices) on every page, in both
// languages, on a desktop and a phone, with no serious or critical violation; the skip link,
// visible focus and keyboard use; screenshots of every page on a phone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, serious } from '../lib/axe.js';
import { hostileId, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();

const pages = [
  ['home', '/'],
  ['search', '/?q=parkeren&status=in_gebruik&impacttoets=dpia-onbekend'],
  ['nothing-found', '/?q=qqqqxxyyzz'],
  ['organisation-list', '/?org_q=utrecht'],
  ['entry-listing', '/algoritme/54986363'],
  ['entry-full', '/algoritme/bm-dataprotector'],
  ['entry-hostile', '/algoritme/' + hostileId],
  ['organisation', '/organisatie/gemeente-utrecht'],
  ['statistics', '/statistieken'],
  ['en-home', '/en/?q=camera'],
  ['en-entry', '/en/algoritme/bm-dataprotector'],
  ['en-statistics', '/en/statistieken'],
  ['not-found', '/algoritme/00000000'],
  ['changes', '/wijzigingen'],
  ['changes-day', '/wijzigingen?since=2026-06-19&until=2026-06-19'],
  ['changes-none', '/wijzigingen?since=2026-07-01&until=2026-07-01&kind=verwijderd'],
  ['entry-removed', '/algoritme/59917797'],
  ['en-changes', '/en/wijzigingen?kind=verwijderd'],
  ['en-entry-removed', '/en/algoritme/59917797'],
  ['search-as-of', '/?as_of=2026-06-23&q=herregistratie'],
  ['completeness', '/volledigheid'],
  ['completeness-sorted', '/volledigheid?sort=-progress'],
  ['organisation-completeness', '/organisatie/gemeente-utrecht/volledigheid'],
  ['assessments', '/impacttoetsen'],
  ['en-completeness', '/en/volledigheid?sort=-entries'],
  ['en-organisation-completeness', '/en/organisatie/gemeente-utrecht/volledigheid'],
  ['en-assessments', '/en/impacttoetsen?organisatietype=gemeente'],
  ['api-docs', '/api-docs'],
  ['en-api-docs', '/en/api-docs'],
  ['page-not-found', '/geen-pagina'],
  ['en-page-not-found', '/en/geen-pagina'],
];

const phone = { width: 390, height: 844 };

describe('accessibility', () => {
  for (const [name, path] of pages) {
    it(`axe: ${name} (${path}) has no serious or critical violations`, async (t) => {
      for (const viewport of [undefined, phone]) {
        const page = await newPage(env.browser, env.server.base, { viewport });
        await page.goto(env.server.base + path);
        // Open every disclosure, so that axe sees the tables too.
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        const violations = await axeViolations(page);
        const bad = serious(violations);
        assert.deepEqual(bad, [], JSON.stringify(bad, null, 2));
        for (const v of violations) {
          t.diagnostic(`${viewport ? 'phone' : 'desktop'}: ${v.impact} ${v.id}: ${v.nodes.join(', ')}`);
        }
        if (viewport) {
          await screenshot(page, 'phone-' + name);
          // Readable on a phone: nothing wider than the screen.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
        }
        await page.context().close();
      }
    });
  }

  it('axe: the suggestion listbox while open', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.locator('#q').pressSequentially('utrech', { delay: 40 });
    await page.locator('#q-suggestions').waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    const bad = serious(await axeViolations(page));
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 2));
    await page.context().close();
  });

  it('the skip link is the first stop and moves focus to main', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/algoritme/bm-dataprotector');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      cls: document.activeElement.className,
      top: document.activeElement.getBoundingClientRect().top,
    }));
    assert.equal(first.cls, 'skip-link');
    assert.ok(first.top >= 0, 'the skip link is on screen when focused');
    await screenshot(page, 'focus-skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'inhoud');
    await page.context().close();
  });

  it('every focusable control shows a visible focus indicator', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren');
    const seen = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return {
          key: el.tagName + '#' + el.id + '.' + el.className + ':' + (el.getAttribute('href') || el.name || ''),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
          shadow: cs.boxShadow !== 'none',
        };
      });
      seen.add(info.key);
      assert.ok(info.outline || info.shadow, 'no visible focus on ' + info.key);
    }
    assert.ok(seen.size > 20);
    await page.keyboard.press('Shift+Tab');
    await screenshot(page, 'focus-visible');
    await page.context().close();
  });

  it('facets work from the keyboard alone', async () => {
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/?q=parkeren');
    await page.locator('#f-status-buiten_gebruik').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /^2 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-status-buiten_gebruik');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /^37 algoritmes/.test(document.getElementById('result-count').textContent.trim()));
    await page.context().close();
  });
});
