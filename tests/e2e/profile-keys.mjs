// Profile (not a test): prints where the time of a keystroke goes, asserts nothing. Run with
// `make profile-keys`, which builds a copy of dist/ whose wasm keeps its function names. The
// console imports a request with all 115 paths (as `make bench` does), then types a bad and a
// good MinimumLength KEYS times each, waiting each time for the finding to show or clear, under
// Chromium's sampling profiler. Printed: the mean time per keystroke, then milliseconds per
// keystroke by function, self and inclusive (a function counted once per sample however often
// it is on the stack).
import { readFile } from 'node:fs/promises';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';

const DIST = process.env.DIST;
const KEYS = Number(process.env.KEYS ?? 150);
const TOP = Number(process.env.TOP ?? 40);
const MIN = '/Policies/PasswordPolicy/MinimumLength';

if (!DIST) throw new Error('DIST must name the dist/ copy to profile (make profile-keys sets it)');
const request = JSON.parse(await readFile(new URL('../fixtures/maximal_request.json', import.meta.url), 'utf8'));
request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';

/** Types KEYS bad and good values into `input`; the mean ms per keystroke. */
function type(page) {
  return page.evaluate(
    async ({ keys, input, finding }) => {
      const field = document.querySelector(input);
      const shown = () => document.querySelector(finding);
      const until = (wanted) =>
        new Promise((done) => {
          if (wanted()) return done();
          const observer = new MutationObserver(() => {
            if (wanted()) {
              observer.disconnect();
              done();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      const t0 = performance.now();
      for (let i = 0; i < keys; i += 1) {
        field.value = '5';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => shown() !== null);
        field.value = '12';
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => shown() === null);
      }
      return (performance.now() - t0) / (2 * keys);
    },
    {
      keys: KEYS,
      input: `[data-pointer="${MIN}"] input`,
      finding: `.field[data-pointer="${MIN}"] .finding[data-rule="R-PWD-01"]`,
    },
  );
}

/** Self and inclusive microseconds by function name, from a CDP profile. */
function tally(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => (n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 160);
  const self = new Map();
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = name(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = name(byId.get(at));
      if (!seen.has(n)) {
        seen.add(n);
        inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
      }
    }
  });
  return { self, inclusive };
}

const browser = await launchChromium();
const server = await serveDist(DIST);
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-pointer="/UserPoolId"] input');
  await page.getByLabel('Import JSON').fill(JSON.stringify(request));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
  await cdp.send('Profiler.start');
  const perKey = await type(page);
  const { profile } = await cdp.send('Profiler.stop');
  const { self, inclusive } = tally(profile);
  const ms = (us) => (us / 1000 / (2 * KEYS)).toFixed(3).padStart(7);
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`${2 * KEYS} keystrokes, ${perKey.toFixed(3)} ms each (mean, profiler running)`);
  console.log('\nms per keystroke, self:');
  for (const [n, us] of top(self)) console.log(`${ms(us)}  ${n}`);
  console.log('\nms per keystroke, inclusive:');
  for (const [n, us] of top(inclusive)) console.log(`${ms(us)}  ${n}`);
} finally {
  await browser.close();
  await server.close();
}
