// The web as people meet it: HTML error pages for page paths (JSON for the API), the API
// reference page, robots.txt, the sitemap, the OpenSearch description and the favicon, the
// search page on a phone (results first, filters in a panel), the completeness table's width,
// and the OpenAPI document: valid (a maintained validator) and true (real responses conform to
// the schemas it gives them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { assertClean, newPage, screenshot, useServerAndBrowser } from '../lib/harness.js';

const env = useServerAndBrowser();
const phone = { width: 390, height: 844 };

async function get(path, init) {
  return fetch(env.server.base + path, { redirect: 'manual', ...init });
}

describe('error pages', () => {
  for (const path of ['/geen-pagina', '/en/geen-pagina', '/algoritme/00000000/extra/deel']) {
    it(`${path} is an HTML page with status 404`, async () => {
      const response = await get(path);
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type'), /^text\/html/);
      const page = await newPage(env.browser, env.server.base);
      const answer = await page.goto(env.server.base + path);
      assert.equal(answer.status(), 404);
      const english = path.startsWith('/en/');
      assert.equal(await page.locator('h1').innerText(), english ? 'Not found' : 'Niet gevonden');
      // Both languages, a search form and a way home.
      assert.equal(await page.locator(`.other-language[lang="${english ? 'nl' : 'en'}"]`).count(), 1);
      await page.getByLabel(english ? 'Search the algorithm register' : 'Zoek in het algoritmeregister')
        .fill('parkeren');
      await page.locator('.error-search button[type=submit]').click();
      await page.waitForSelector('.results');
      assert.ok((await page.locator('#results-region li.card, #results-region article').count()) > 0);
      assertClean(page, [/404/]);
      await page.context().close();
    });
  }

  it('API paths keep JSON errors', async () => {
    for (const path of ['/api/v1/geen-pad', '/api/v1/entries/00000000']) {
      const response = await get(path);
      assert.equal(response.status, 404);
      assert.match(response.headers.get('content-type'), /^application\/json/);
      assert.equal((await response.json()).error.code, 'not_found');
    }
    const official = await get('/api/algoritme/NLD/00000000');
    assert.equal(official.status, 404);
    assert.ok('detail' in await official.json());
  });
});

describe('site files', () => {
  it('robots.txt names the sitemap and keeps crawlers out of the API', async () => {
    const response = await get('/robots.txt');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/plain/);
    const text = await response.text();
    assert.match(text, /^User-agent: \*$/m);
    assert.match(text, /^Disallow: \/api\/$/m);
    assert.match(text, new RegExp(`^Sitemap: ${env.server.base}/sitemap.xml$`, 'm'));
  });

  it('sitemap.xml lists the main pages and every entry with its date', async () => {
    const response = await get('/sitemap.xml');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/xml/);
    const xml = await response.text();
    const page = await newPage(env.browser, env.server.base);
    // Well-formed XML with the sitemap namespace, parsed by the browser's own parser.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) { return { error: doc.querySelector('parsererror').textContent }; }
      const urls = [...doc.getElementsByTagName('url')].map((u) => ({
        loc: u.getElementsByTagName('loc')[0]?.textContent,
        lastmod: u.getElementsByTagName('lastmod')[0]?.textContent,
      }));
      return { ns: doc.documentElement.namespaceURI, urls };
    }, xml);
    await page.context().close();
    assert.equal(parsed.error, undefined);
    assert.equal(parsed.ns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = parsed.urls.map((u) => u.loc);
    for (const main of ['/', '/wijzigingen', '/statistieken', '/volledigheid', '/impacttoetsen', '/api-docs']) {
      assert.ok(locs.includes(env.server.base + main), main);
    }
    const stats = await (await get('/api/v1/stats')).json();
    const entries = parsed.urls.filter((u) => u.loc.startsWith(env.server.base + '/algoritme/'));
    assert.equal(entries.length, stats.entries);
    const entry = await (await get('/api/v1/entries/52658990')).json();
    const listed = entries.find((u) => u.loc.endsWith('/algoritme/52658990'));
    assert.equal(listed.lastmod, entry.changed);
    assert.ok(entries.every((u) => !u.lastmod || /^\d{4}-\d{2}-\d{2}$/.test(u.lastmod)));
  });

  it('OpenSearch description, linked from every page with the favicon', async () => {
    for (const [path, description] of [['/opensearch.xml', '/'], ['/en/opensearch.xml', '/en/']]) {
      const response = await get(path);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^application\/opensearchdescription\+xml/);
      const xml = await response.text();
      assert.match(xml, /<OpenSearchDescription xmlns="http:\/\/a9.com\/-\/spec\/opensearch\/1.1\/">/);
      assert.ok(xml.includes(`template="${env.server.base}${description}?q={searchTerms}"`), xml);
      assert.match(xml, /<ShortName>.{1,16}<\/ShortName>/);
    }
    const page = await newPage(env.browser, env.server.base);
    for (const path of ['/', '/en/wijzigingen', '/algoritme/52658990', '/geen-pagina', '/api-docs']) {
      await page.goto(env.server.base + path);
      const search = await page.locator('link[rel=search]').getAttribute('href');
      assert.equal(search, path.startsWith('/en/') ? '/en/opensearch.xml' : '/opensearch.xml');
      assert.equal(await page.locator('link[rel=search]').getAttribute('type'),
        'application/opensearchdescription+xml');
      assert.match(await page.locator('link[rel=icon]').getAttribute('href'), /^\/static\/favicon\.svg/);
    }
    await page.context().close();
  });

  it('/favicon.ico leads to the SVG icon', async () => {
    const response = await get('/favicon.ico');
    assert.equal(response.status, 301);
    const icon = await get(response.headers.get('location'));
    assert.equal(icon.status, 200);
    assert.match(icon.headers.get('content-type'), /^image\/svg\+xml/);
  });
});

describe('API reference', () => {
  it('"API" in the navigation opens a page listing every path of the OpenAPI document', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json();
    const page = await newPage(env.browser, env.server.base);
    await page.goto(env.server.base + '/');
    await page.locator('.site-nav a', { hasText: 'API' }).click();
    await page.waitForURL(/\/api-docs$/);
    assert.equal(await page.locator('h1').innerText(), 'API-documentatie');
    const headings = await page.locator('.api-op h3').allInnerTexts();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        assert.ok(headings.includes(`${method.toUpperCase()} ${path}`), `${method} ${path}`);
      }
    }
    // Parameters with their types, schemas linked, the raw document linked.
    const search = page.locator('#op-get-api-v1-search');
    assert.ok((await search.locator('table').first().innerText()).includes('facet_limit'));
    assert.equal(await search.locator('a[href="#schema-SearchResponse"]').count(), 1);
    assert.equal(await page.locator('#schema-Hit').count(), 1);
    assert.equal(await page.locator('.page-intro a[href="/api/v1/openapi.json"]').count(), 1);
    // An example link answers.
    const example = await page.locator('#op-get-api-v1-entries-id a[href^="/api/"]').getAttribute('href');
    assert.equal((await get(example)).status, 200);
    await screenshot(page, 'api-docs');
    assertClean(page);
    await page.context().close();
  });
});

describe('phones', () => {
  it('search page at 390x844: the first result is in the first screen, the filters in a panel', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage(env.browser, env.server.base, { viewport: phone, javaScriptEnabled });
      await page.goto(env.server.base + '/?q=parkeren');
      await page.screenshot({ path: `screenshots/phone-search-first-screen${javaScriptEnabled ? '' : '-nojs'}.png` });
      // The first result's title (its first line, ~30 px) is inside the first screen.
      const title = page.locator('#results-region article .card-title').first();
      const box = await title.boundingBox();
      assert.ok(box && box.y + Math.min(box.height, 30) <= phone.height,
        `first result at y=${box?.y} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`);
      const panel = page.locator('details.filters-panel');
      assert.equal(await panel.getAttribute('open'), null);
      assert.equal(await page.locator('#facets input[type=checkbox]').first().isVisible(), false);
      // Opening the panel shows the filters and they work (without JavaScript: the form).
      await page.locator('details.filters-panel > summary').click();
      const box2 = page.locator('#facets input[name=status]').first();
      assert.ok(await box2.isVisible());
      await box2.check();
      if (!javaScriptEnabled) {
        await page.locator('.apply-filters').click();
      }
      await page.waitForURL(/status=/);
      await page.waitForFunction(() => document.getElementById('filters-count').textContent.includes('1'));
      await page.context().close();
    }
  });

  it('desktop keeps the sidebar open beside the results', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage(env.browser, env.server.base, { javaScriptEnabled });
      await page.goto(env.server.base + '/?q=parkeren');
      assert.ok(await page.locator('#facets input[type=checkbox]').first().isVisible());
      assert.equal(await page.locator('details.filters-panel > summary').isVisible(), false);
      const filters = await page.locator('#filters').boundingBox();
      const results = await page.locator('#resultaten').boundingBox();
      assert.ok(filters.x + filters.width <= results.x, 'filters left of the results');
      await screenshot(page, `desktop-search${javaScriptEnabled ? '' : '-nojs'}`);
      await page.context().close();
    }
  });

  for (const viewport of [{ width: 1280, height: 900 }, phone]) {
    it(`completeness table at ${viewport.width} px stays inside the page`, async () => {
      const page = await newPage(env.browser, env.server.base, { viewport });
      await page.goto(env.server.base + '/volledigheid');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
      const region = page.locator('.table-scroll[role=region]').first();
      const frame = await region.boundingBox();
      assert.ok(frame.x >= 0 && frame.x + frame.width <= viewport.width, JSON.stringify(frame));
      assert.equal(await region.getAttribute('tabindex'), '0');
      assert.ok(await region.getAttribute('aria-labelledby'));
      const scrolls = await region.evaluate((e) => e.scrollWidth > e.clientWidth);
      if (viewport.width >= 1280) {
        assert.equal(scrolls, false, 'the table fits at 1280 px');
      }
      await screenshot(page, `completeness-${viewport.width}`);
      await page.context().close();
    });
  }
});

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.0 (@seriousme/openapi-schema-validator)', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.0');
  });

  it('real responses conform to the schemas it gives them', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json();
    // strict: false: OpenAPI keywords (example) are not JSON Schema; nullable is Ajv's own.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const pointer = (s) => s.replaceAll('~', '~0').replaceAll('/', '~1');
    const check = async (method, template, path, status, body) => {
      const response = await get(path, body === undefined ? { method } : {
        method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      assert.equal(response.status, Number(status), `${method} ${path}`);
      const content = doc.paths[template][method.toLowerCase()].responses[status].content;
      assert.ok(content['application/json'], `${template} ${status} is documented as JSON`);
      const validate = ajv.getSchema(`openapi.json#/paths/${pointer(template)}/${method.toLowerCase()}` +
        `/responses/${status}/content/application~1json/schema`);
      const json = await response.json();
      assert.ok(validate(json), `${method} ${path}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
      return json;
    };
    const search = await check('GET', '/api/v1/search', '/api/v1/search?q=parkeren&facet_limit=3', '200');
    assert.ok(search.hits.length > 0 && search.facets.length > 0);
    await check('GET', '/api/v1/search', '/api/v1/search?as_of=2026-06-23&q=herregistratie', '200');
    await check('GET', '/api/v1/entries/{id}', '/api/v1/entries/52658990', '200');
    await check('GET', '/api/v1/entries/{id}', '/api/v1/entries/bm-dataprotector', '200');
    await check('GET', '/api/v1/entries/{id}', '/api/v1/entries/00000000', '404');
    await check('GET', '/api/v1/entries/{id}/history', '/api/v1/entries/59917797/history', '200');
    await check('GET', '/api/v1/entries/{id}/similar', '/api/v1/entries/52658990/similar', '200');
    await check('GET', '/api/v1/entries/{id}/completeness', '/api/v1/entries/bm-dataprotector/completeness', '200');
    await check('GET', '/api/v1/changes', '/api/v1/changes?size=50', '200');
    await check('GET', '/api/v1/changes', '/api/v1/changes?since=2026-13-01', '400');
    await check('GET', '/api/v1/facets/{facet}', '/api/v1/facets/organisatie?q=gemeente', '200');
    await check('GET', '/api/v1/facets/{facet}', '/api/v1/facets/kleur', '404');
    await check('GET', '/api/v1/suggest', '/api/v1/suggest?q=park', '200');
    await check('GET', '/api/v1/stats', '/api/v1/stats', '200');
    await check('GET', '/api/v1/completeness/organisations', '/api/v1/completeness/organisations', '200');
    await check('GET', '/api/v1/organisations/{slug}/completeness', '/api/v1/organisations/gemeente-utrecht/completeness', '200');
    await check('GET', '/api/v1/impact-assessments', '/api/v1/impact-assessments', '200');
    await check('GET', '/api/v1/export.json', '/api/v1/export.json?q=parkeren', '200');
    await check('GET', '/healthz', '/healthz', '200');
    const official = await check('POST', '/api/algoritme/{lang}', '/api/algoritme/NLD', '200',
      { page: 1, limit: 25, searchtext: 'parkeren', organisationtype: 'gemeente' });
    assert.equal(Object.keys(official.results[0]).length, 56);
    await check('POST', '/api/algoritme/{lang}', '/api/algoritme/NLD', '422', { limit: 101 });
    await check('GET', '/api/algoritme/{lang}/{lars}', '/api/algoritme/NLD/52658990', '200');
    await check('GET', '/api/algoritme/{lang}/{lars}', '/api/algoritme/NLD/00000000', '404');
    await check('GET', '/api/algoritme/{lang}/similar/{lars}', '/api/algoritme/NLD/similar/52658990', '200');
    await check('GET', '/api/suggestion/{lang}/{search}', '/api/suggestion/NLD/parkeren', '200');
    await check('GET', '/api/algoritme/total-count', '/api/algoritme/total-count', '200');
    await check('GET', '/api/health', '/api/health', '200');
  });
});
