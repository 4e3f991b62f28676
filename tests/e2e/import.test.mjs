// End-to-end tests of importing in the release build: real files from the project's fixtures
// pasted into the import box, compared with what the native `check-request` command prints
// for the same files (the expectations of tests/fixtures/requests/expected.json).
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { ConsolePage } from './console-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const REQUESTS = join(here, '../fixtures/requests');
const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? join(here, '../../target/screenshots'));
const expected = JSON.parse(await readFile(join(REQUESTS, 'expected.json'), 'utf8'));

/** The fixtures that are JSON and have findings, with the findings the CLI must print. */
const withFindings = Object.entries(expected.files ?? expected)
  .filter(([, e]) => Array.isArray(e.findings) && e.findings.length > 0)
  .slice(0, 12);

const key = (f) => `${f.severity} ${f.rule} ${f.pointer}`;

describe('importing JSON', () => {
  let server;
  let browser;
  /** @type {ConsolePage} */
  let app;

  before(async () => {
    server = await serveDist(DIST);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    app = new ConsolePage(await browser.context.newPage());
    await app.open(server.url);
  });

  afterEach(async () => {
    assert.deepEqual(app.errors, [], 'no console errors');
    await app.page.close();
  });

  test('pasted fixtures show the same findings as check-request, before anything is imported', async () => {
    assert.ok(withFindings.length >= 5, 'enough fixtures with findings');
    for (const [file, expectation] of withFindings) {
      await app.pasteIntoImport(await readFile(join(REQUESTS, file), 'utf8'));
      const shown = (await app.importFindings()).map(key).sort();
      const wanted = expectation.findings.map(key).sort();
      assert.deepEqual(shown, wanted, file);
    }
  });

  test('text that is not JSON is explained, and the text stays', async () => {
    const text = '{"UserPoolId": "us-east-1_Abc",\n "MfaConfiguration": "OFF",}';
    await app.pasteIntoImport(text);
    const status = await app.importStatus();
    assert.match(status, /not JSON/);
    assert.match(status, /line 2/);
    assert.equal(await app.importInput.inputValue(), text);
  });

  test('findings are readable in both themes (screenshots)', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const [file] = withFindings.find(([, e]) => e.findings.some((f) => f.severity === 'error') && e.findings.some((f) => f.severity === 'warning'));
    await app.pasteIntoImport(await readFile(join(REQUESTS, file), 'utf8'));
    const checker = app.page.locator('#import');
    for (const [scheme, width] of [['light', 1280], ['dark', 360]]) {
      await app.page.emulateMedia({ colorScheme: scheme });
      await app.page.setViewportSize({ width, height: 900 });
      assert.equal(await app.overflowsHorizontally(), false, `${scheme} ${width}px overflows`);
      await checker.screenshot({ path: join(SCREENSHOTS, `import-${scheme}-${width}.png`) });
    }
  });
});
