// Benchmark (not a test): prints figures, asserts nothing about time. Run with `make bench`
// after `make build`. Measures, in Debian's headless Chromium on the release build:
//  - navigation -> interactive form (the User pool ID control is in the DOM), median of runs;
//  - an input event on a field -> its finding in the DOM (and gone again), with the whole form
//    rendered (a request with all 115 paths imported), median and p90 of runs;
//  - which DOM nodes a keystroke touches outside the edited field.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const RUNS = Number(process.env.RUNS ?? 15);
const KEYS = Number(process.env.KEYS ?? 40);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const ms = (x) => `${x.toFixed(1)} ms`;

const request = JSON.parse(await readFile(join(here, '../fixtures/maximal_request.json'), 'utf8'));
request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';

const server = await serveDist(DIST);
const browser = await launchChromium();
try {
  // 1. Navigation -> interactive.
  const startup = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    const ready = await page.waitForFunction(() => {
      const input = document.querySelector('[data-pointer="/UserPoolId"] input');
      return input ? performance.now() : false;
    }, null, { polling: 'raf' });
    startup.push(await ready.jsonValue());
    await page.close();
  }

  // 2. Keystroke -> findings, whole form rendered.
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByLabel('Import JSON').fill(JSON.stringify(request));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const controls = await page.locator('[data-path]').count();
  const times = await page.evaluate(async (keys) => {
    const pointer = '/Policies/PasswordPolicy/MinimumLength';
    const input = document.querySelector(`[data-pointer="${pointer}"] input`);
    const finding = () => document.querySelector(`.field[data-pointer="${pointer}"] .finding[data-rule="R-PWD-01"]`);
    const until = (wanted) =>
      new Promise((done) => {
        if (wanted()) return done();
        const observer = new MutationObserver(() => {
          if (wanted()) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    const out = { appear: [], clear: [], touchedOutside: [] };
    for (let i = 0; i < keys; i += 1) {
      // Count the nodes mutated outside the edited field during one keystroke.
      const field = input.closest('.field');
      const outside = new Set();
      const watch = new MutationObserver((records) => {
        for (const r of records) {
          if (!field.contains(r.target)) outside.add(r.target.closest?.('[id]')?.id ?? r.target.nodeName);
        }
      });
      watch.observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, characterData: true });
      let t0 = performance.now();
      input.value = '5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await until(() => finding() !== null);
      out.appear.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
      watch.disconnect();
      out.touchedOutside.push([...outside].sort().join(' '));
      t0 = performance.now();
      input.value = '12';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await until(() => finding() === null);
      out.clear.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    return out;
  }, KEYS);

  const sizes = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.transferSize, r.decodedBodySize]),
  );
  console.log(`Release build in headless Chromium (${RUNS} page loads, ${KEYS} keystrokes each way)`);
  console.log(`  navigation -> interactive form:          median ${ms(median(startup))}  p90 ${ms(p90(startup))}`);
  console.log(`  input -> finding shown (${controls} data-path elements): median ${ms(median(times.appear))}  p90 ${ms(p90(times.appear))}`);
  console.log(`  input -> finding cleared:                 median ${ms(median(times.clear))}  p90 ${ms(p90(times.clear))}`);
  console.log(`  nodes touched outside the edited field, first keystroke: ${times.touchedOutside[0] || '(none)'}`);
  for (const [name, transfer, decoded] of sizes) console.log(`  loaded ${name}: ${decoded} bytes`);
} finally {
  await browser.close();
  await server.close();
}
