// End-to-end tests of the form in the release build, as an admin uses it: importing a complete
// request fills a control for every path and exports the same JSON; an import with errors shows
// each one on its field; the draft survives a reload; the keyboard reaches Review.
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
const FIXTURES = join(here, '../fixtures');
const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? join(here, '../../target/screenshots'));
const modelPaths = (await readFile(join(FIXTURES, 'model_paths.txt'), 'utf8')).split('\n').filter((l) => l.trim());
const maximalText = await readFile(join(FIXTURES, 'maximal_request.json'), 'utf8');
const requests = JSON.parse(await readFile(join(FIXTURES, 'requests/expected.json'), 'utf8')).files;

/** The maximal request with every one of the 115 paths (the code email body added). */
function everyPath() {
  const request = JSON.parse(maximalText);
  request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';
  return request;
}

describe('the form', () => {
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

  async function importText(text) {
    await app.pasteIntoImport(text);
    await app.page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  test('importing a request with all 115 paths gives every path a control, and export returns the same JSON', async () => {
    const request = everyPath();
    await importText(JSON.stringify(request, null, 2));
    const shown = new Set(await app.controlPaths());
    const missing = modelPaths.filter((path) => !shown.has(path));
    assert.deepEqual(missing, [], 'paths without a control');
    await app.page.getByRole('button', { name: /Show the request/ }).click();
    const exported = await app.page.getByRole('textbox', { name: 'Request JSON' }).inputValue();
    assert.deepEqual(JSON.parse(exported), request);
  });

  test('an import with errors shows each finding on the field it belongs to', async () => {
    const [file, expectation] = Object.entries(requests).find(
      ([name, e]) => name.startsWith('bounds') || (e.findings.length >= 3 && e.findings.every((f) => f.pointer.split('/').length > 2)),
    );
    await importText(await readFile(join(FIXTURES, 'requests', file), 'utf8'));
    for (const finding of expectation.findings) {
      // Shown in the form itself (not only in the summary or the import preview).
      const onField = app.page.locator(
        `section.group .finding[data-rule="${finding.rule}"][data-pointer="${finding.pointer}"]`,
      );
      assert.ok((await onField.count()) >= 1, `${file}: ${finding.rule} at ${finding.pointer} is not on its field`);
    }
  });

  test('the draft survives a reload and can be restored', async () => {
    await importText(JSON.stringify({ UserPoolId: 'us-east-1_Reload123', PoolName: 'before' }));
    await app.page.getByLabel('Pool name', { exact: true }).fill('after the reload');
    await app.page.reload();
    await app.contents.getByRole('link').first().waitFor();
    await app.page.getByRole('button', { name: 'Restore' }).click();
    const confirm = app.page.getByRole('button', { name: /Replace my draft/ });
    if (await confirm.count()) await confirm.click();
    assert.equal(await app.page.getByLabel('Pool name', { exact: true }).inputValue(), 'after the reload');
  });

  test('the keyboard alone reaches Review, which opens the review of what would be sent', async () => {
    await importText(JSON.stringify({ UserPoolId: 'us-east-1_Keys1', PoolName: 'keys' }));
    await app.page.locator('body').focus();
    for (let i = 0; i < 400; i += 1) {
      await app.page.keyboard.press('Tab');
      const id = await app.page.evaluate(() => document.activeElement?.id);
      if (id === 'review-button') {
        await app.page.keyboard.press('Enter');
        const focused = await app.page.evaluate(() => document.activeElement?.id);
        assert.equal(focused, 'review');
        return;
      }
    }
    assert.fail('Review was not reached with Tab');
  });

  test('the filled form in both themes, narrow and wide (screenshots; no horizontal scrolling)', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const request = everyPath();
    request.Policies.PasswordPolicy.MinimumLength = 5;
    request.UserPoolTags.team = 'identity';
    await importText(JSON.stringify(request));
    for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]]) {
      await app.page.emulateMedia({ colorScheme: scheme });
      await app.page.setViewportSize({ width, height: 900 });
      assert.equal(await app.overflowsHorizontally(), false, `${scheme} ${width}px overflows`);
      await app.page.locator('#group-policies').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: join(SCREENSHOTS, `form-${scheme}-${width}.png`) });
      await app.page.locator('#group-recovery').scrollIntoViewIfNeeded();
      await app.page.screenshot({ path: join(SCREENSHOTS, `form-collections-${scheme}-${width}.png`) });
    }
  });
});
