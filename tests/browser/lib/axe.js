// Runs axe-core in a page. page.evaluate() is not subject to the page's Content-Security-Policy,
// so the pages keep their strict CSP while axe runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/// The violations of WCAG 2.0/2.1 A and AA and axe's best practices, as
/// [{id, impact, help, nodes: [target...]}].
export async function axeViolations(page) {
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result;
}

/// Only the serious and critical ones.
export function serious(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
