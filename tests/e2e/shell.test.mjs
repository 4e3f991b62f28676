// End-to-end tests of the release build (dist/) in Debian's Chromium: the shell page, as a
// reader meets it. Expected values come from the field-table fixture and from what the Rust side
// renders, never from constants typed here.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { ConsolePage } from './console-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? join(here, '../../target/screenshots'));
const FIXTURE = join(here, '../fixtures/model_paths.txt');

/** Every path of the UpdateUserPool request, as the field-table fixture lists them. */
const modelPaths = (await readFile(FIXTURE, 'utf8')).split('\n').filter((line) => line.trim());
/** The top-level members: paths without a parent (no `.`, `[]`, `{key}` or `{value}`). */
const topLevelPaths = modelPaths.filter((path) => !/[.[{]/.test(path));

describe('the console shell page', () => {
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
    const page = await browser.context.newPage();
    app = new ConsolePage(page);
    await app.open(server.url);
  });

  afterEach(async () => {
    await app.page.close();
  });

  test('names the product in the document title and the only h1', async () => {
    const title = await app.page.title();
    assert.ok(title.length > 0);
    assert.equal(await app.heading.count(), 1);
    assert.equal((await app.heading.textContent()).trim(), title);
  });

  test('the contents link to every section, in order, by its title', async () => {
    const entries = await app.contentsEntries();
    const sections = await app.sections();
    assert.ok(sections.length > 1);
    assert.equal(entries.length, sections.length);
    entries.forEach((entry, i) => {
      assert.equal(entry.href, `#${sections[i].id}`);
      assert.equal(entry.text, sections[i].title);
    });
    assert.equal(new Set(sections.map((s) => s.id)).size, sections.length, 'section ids are unique');
  });

  test('the contents count every path of the field table', async () => {
    const entries = await app.contentsEntries();
    const total = entries.reduce((sum, entry) => sum + entry.count, 0);
    assert.equal(total, modelPaths.length);
  });

  test('each section has a control for every top-level member of its group', async () => {
    const sections = await app.sections();
    const listed = sections.flatMap((section) => section.settings);
    assert.deepEqual([...listed].sort(), [...topLevelPaths].sort());
  });

  test('with every section switched on, every setting outside lists and maps has a control', async () => {
    await app.includeEverySection();
    const shown = new Set(await app.controlPaths());
    // List items and map entries get their controls when a row exists (see the import tests).
    const expected = modelPaths.filter((path) => !/\[\]|\{(key|value)\}/.test(path));
    const missing = expected.filter((path) => !shown.has(path));
    assert.deepEqual(missing, []);
  });

  test('following a contents link targets and scrolls to its section', async () => {
    const sections = await app.sections();
    const middle = sections[Math.floor(sections.length / 2)];
    await app.goToSection(middle.title);
    assert.equal(new URL(app.page.url()).hash, `#${middle.id}`);
    assert.equal(await app.targetedSectionId(), middle.id);
    await app.waitForSectionInView(middle.id);
  });

  test('loads without console errors or failed requests', async () => {
    await app.page.waitForLoadState('networkidle');
    assert.deepEqual(app.errors, []);
    assert.deepEqual(app.failedRequests, []);
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      test(`fits ${width} px wide in the ${colorScheme} theme (screenshot)`, async () => {
        await app.page.emulateMedia({ colorScheme });
        await app.page.setViewportSize({ width, height: 800 });
        assert.equal(await app.overflowsHorizontally(), false);
        await mkdir(SCREENSHOTS, { recursive: true });
        await app.screenshot(join(SCREENSHOTS, `shell-${colorScheme}-${width}.png`));
      });
    }
  }
});
