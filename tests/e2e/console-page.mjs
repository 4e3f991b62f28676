// Page object of the console's shell page: what a reader finds on it, by role and landmark.
import { readFile } from 'node:fs/promises';

/** The console page in one browser tab, with the problems seen while it loaded and ran. */
export class ConsolePage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    /** Console errors and uncaught exceptions. */
    this.errors = [];
    /** Requests that failed or were answered with an HTTP error. */
    this.failedRequests = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(String(error)));
    page.on('requestfailed', (request) =>
      this.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) this.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    });
  }

  /** Opens `url` and waits until the app has mounted (its table of contents has links). */
  async open(url) {
    await this.page.goto(url);
    await this.contents.getByRole('link').first().waitFor();
    return this;
  }

  get heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get contents() {
    return this.page.getByRole('navigation', { name: 'Form sections' });
  }

  /** The contents links: `{ text, href, count }`, count being the number it shows beside it. */
  async contentsEntries() {
    return this.contents.locator('li').evaluateAll((items) =>
      items.map((item) => {
        const link = item.querySelector('a');
        return {
          text: link.textContent.trim(),
          href: link.getAttribute('href'),
          count: Number(/(\d+) settings?/.exec(item.querySelector('.count').textContent)[1]),
        };
      }),
    );
  }

  /**
   * The group sections of the main landmark: `{ id, title, settings: [path] }`, `settings` being
   * the top-level members that have a control (an element with that `data-path`) in the section.
   */
  async sections() {
    return this.page.getByRole('main').locator('section.group').evaluateAll((sections) =>
      sections.map((section) => ({
        id: section.id,
        title: section.querySelector('h2').textContent.replace(/[▾▸]/g, '').trim(),
        settings: [
          ...new Set(
            [...section.querySelectorAll('[data-path]')]
              .map((element) => element.dataset.path)
              .filter((path) => !/[.[{]/.test(path)),
          ),
        ],
      })),
    );
  }

  /** Every `data-path` on the page's controls and sections, once each. */
  async controlPaths() {
    return this.page
      .getByRole('main')
      .locator('[data-path]')
      .evaluateAll((elements) => [...new Set(elements.map((element) => element.dataset.path))]);
  }

  /** Switches on every optional section ("Send …" switches) until none is left off. */
  async includeEverySection() {
    for (;;) {
      const off = this.page.locator('label.include input[type="checkbox"]:not(:checked)');
      if ((await off.count()) === 0) return;
      await off.first().check();
    }
  }

  /** Follows the contents link named `title`. */
  async goToSection(title) {
    await this.contents.getByRole('link', { name: title, exact: true }).click();
  }

  /** The section the URL fragment targets (`:target`), as its id, or null. */
  async targetedSectionId() {
    return this.page.evaluate(() => document.querySelector('section:target')?.id ?? null);
  }

  /**
   * Waits until the page has scrolled down to section `id`: its heading is within the viewport
   * (scrolling may be smooth, so this can take a moment).
   */
  async waitForSectionInView(id) {
    await this.page.waitForFunction((sectionId) => {
      const box = document.getElementById(sectionId).querySelector('h2').getBoundingClientRect();
      return window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    }, id);
  }

  /** True when the page is wider than the viewport (a horizontal scroll bar). */
  async overflowsHorizontally() {
    return this.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  }

  /** The import box, found by its label as a person would. */
  get importInput() {
    return this.page.getByLabel('Import JSON');
  }

  /** Pastes `text` into the import box (one input event, like a paste). */
  async pasteIntoImport(text) {
    await this.importInput.fill(text);
  }

  /** What the import box says the text is (read as, counts, or why it is not JSON). */
  async importStatus() {
    return (await this.page.locator('#import .import-result').first().textContent()).trim();
  }

  /** The findings the import box shows before importing: `{ severity, rule, path, pointer, message }`. */
  async importFindings() {
    return this.page.locator('#import .import-result .findings .finding').evaluateAll((items) =>
      items.map((item) => ({
        severity: item.dataset.severity,
        rule: item.dataset.rule,
        path: item.dataset.path,
        pointer: item.dataset.pointer,
        message: item.querySelector('.finding-message').textContent.trim(),
      })),
    );
  }

  // ---- Connect, review and apply ------------------------------------------------------------

  /** The credentials paste box (a password input), by its label. */
  get credentialsInput() {
    return this.page.getByLabel(/^Paste (new )?credentials$/);
  }

  /**
   * Pastes `text` into the credentials box as a real paste does: a `paste` event whose
   * clipboard data holds the text, line breaks included (typing would lose them).
   */
  async pasteCredentials(text) {
    await this.credentialsInput.evaluate((input, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Pastes temporary credentials `{ accessKeyId, secretAccessKey, sessionToken }` as the
   * `env` output of `aws configure export-credentials`, and points the console at `endpoint`. */
  async connect(creds, endpoint, region = 'us-east-1') {
    await this.pasteCredentials(
      [
        `export AWS_ACCESS_KEY_ID=${creds.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${creds.secretAccessKey}`,
        `export AWS_SESSION_TOKEN=${creds.sessionToken}`,
      ].join('\n'),
    );
    await this.page.locator('.creds-status').waitFor();
    await this.page.getByLabel('Region', { exact: true }).fill(region);
    await this.page.getByLabel(/^Endpoint/).fill(endpoint);
  }

  /** As `connect`, with the credentials' expiry pasted too (`AWS_CREDENTIAL_EXPIRATION`, as
   * `aws configure export-credentials --format env` prints it): the console then knows when
   * they expire. */
  async connectUntilExpiry(creds, endpoint, region = 'us-east-1') {
    await this.pasteCredentials(
      [
        `export AWS_ACCESS_KEY_ID=${creds.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${creds.secretAccessKey}`,
        `export AWS_SESSION_TOKEN=${creds.sessionToken}`,
        `export AWS_CREDENTIAL_EXPIRATION=${creds.expiration}`,
      ].join('\n'),
    );
    await this.page.locator('.creds-status').waitFor();
    await this.page.getByLabel('Region', { exact: true }).fill(region);
    await this.page.getByLabel(/^Endpoint/).fill(endpoint);
  }

  /** Lists the pools and returns the ids shown. */
  async listPools() {
    await this.page.getByRole('button', { name: 'List user pools' }).click();
    await this.page.locator('#connection .io-count, #connection .problem').first().waitFor();
    return this.page.locator('#connection .pools .pool').evaluateAll((items) => items.map((i) => i.dataset.poolId));
  }

  /** Loads pool `id` from the list and waits until the form holds it. */
  async loadPool(id) {
    await this.page.getByRole('button', { name: `Load ${id}` }).click();
    await this.page.locator('#loaded-pool').waitFor();
    await this.page.waitForFunction(
      (poolId) => document.querySelector('input[data-pointer="/UserPoolId"]')?.value === poolId,
      id,
    );
  }

  /** The control of the setting at JSON pointer `pointer`. */
  control(pointer) {
    return this.page
      .locator(['input', 'select', 'textarea'].map((tag) => `section.group ${tag}[data-pointer="${pointer}"]`).join(', '))
      .first();
  }

  /** Presses Review (confirming the warnings first, when there are any). */
  async review() {
    const ack = this.page.locator('#ack-warnings');
    if (await ack.count()) await ack.check();
    await this.page.getByRole('button', { name: 'Review', exact: true }).click();
    await this.page.locator('#review-body').waitFor({ state: 'attached' });
  }

  /** Confirms every risky change listed in the review. */
  async confirmRisks() {
    for (const box of await this.page.locator('#review .risk input[type="checkbox"]').all()) await box.check();
  }

  get applyButton() {
    return this.page.locator('#apply-button');
  }

  /** Presses Apply and waits for the outcome: `verified`, `not-verified`, `conflict`, `failed`. */
  async apply() {
    await this.applyButton.click();
    const outcome = this.page.locator('#review .apply-outcome');
    await outcome.waitFor();
    return outcome.getAttribute('data-outcome');
  }

  /** The problem shown in `section` (connection or review): `{ code, text }`. */
  async problem(section) {
    const problem = this.page.locator(`#${section} .problem`).first();
    await problem.waitFor();
    return { code: await problem.getAttribute('data-code'), text: (await problem.textContent()).trim() };
  }

  // ---- Audits and edits kept (secrets.test.mjs, lost.test.mjs) ---------------------------------

  /**
   * Starts recording, for an audit, everything the page says and sends: every console message of
   * every type (with its arguments as JSON where they have one), every request (URL, method,
   * every header, body), every URL a frame navigated to and every download's URL. Call it
   * before `open`; read the record with `recorded()`.
   */
  record() {
    const record = { console: [], requests: [], navigations: [], downloads: [], pending: [] };
    this.page.on('console', (message) => {
      const entry = { type: message.type(), text: message.text(), args: [] };
      record.console.push(entry);
      for (const arg of message.args()) {
        record.pending.push(
          arg.jsonValue().then(
            (value) => entry.args.push(JSON.stringify(value) ?? String(value)),
            () => {},
          ),
        );
      }
    });
    this.page.on('pageerror', (error) => record.console.push({ type: 'pageerror', text: String(error), args: [] }));
    this.page.on('request', (request) => {
      const entry = { url: request.url(), method: request.method(), headers: request.headers(), body: request.postData() ?? '' };
      record.requests.push(entry);
      record.pending.push(request.allHeaders().then((all) => { entry.headers = all; }, () => {}));
    });
    this.page.on('framenavigated', (frame) => record.navigations.push(frame.url()));
    this.page.on('download', (download) => record.downloads.push(download.url()));
    this.recording = record;
    return record;
  }

  /** The record started by `record()`, once every header and argument in it has been read. */
  async recorded() {
    for (;;) {
      const pending = this.recording.pending.splice(0);
      if (pending.length === 0) return this.recording;
      await Promise.all(pending);
    }
  }

  /**
   * Where a secret could sit in the page now: `html` (the serialised document), `values` (the
   * `.value` of every input but the password ones, and of every textarea and select, as
   * `{ id, type, value }`), `passwordValues`, `local` and `session` (every storage entry, as
   * JSON), `url`.
   */
  async traces() {
    return this.page.evaluate(() => {
      const controls = [...document.querySelectorAll('input, textarea, select')].map((control) => ({
        id: control.id,
        type: control.type,
        value: control.value,
      }));
      return {
        html: document.documentElement.outerHTML,
        values: controls.filter((c) => c.type !== 'password'),
        passwordValues: controls.filter((c) => c.type === 'password'),
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
        url: location.href,
      };
    });
  }

  /** Types `creds` into the "Type them in instead" fields, by their labels, and uses them. */
  async typeCredentials(creds) {
    await this.page.getByText('Type them in instead').click();
    await this.page.getByLabel('Access key ID', { exact: true }).fill(creds.accessKeyId);
    await this.page.getByLabel('Secret access key', { exact: true }).fill(creds.secretAccessKey);
    await this.page.getByLabel('Session token', { exact: true }).fill(creds.sessionToken);
    await this.page.getByRole('button', { name: 'Use these credentials' }).click();
    await this.page.locator('.creds-status').waitFor();
  }

  /** The credentials status line ("Using ASIA…"), or null when no credentials are held. */
  async credentialsStatus() {
    const status = this.page.locator('.creds-status');
    return (await status.count()) ? (await status.textContent()).trim() : null;
  }

  /** Ticks "Remember for this tab". */
  async rememberCredentials() {
    await this.page.getByLabel(/Remember for this tab/).check();
  }

  /** Presses "Forget the credentials". */
  async forgetCredentials() {
    await this.page.getByRole('button', { name: 'Forget the credentials' }).click();
  }

  /** Reloads the page and waits until the app has mounted again. */
  async reload() {
    await this.page.reload();
    await this.contents.getByRole('link').first().waitFor();
  }

  /** The value control of the key/value entry at `pointer` (e.g. `/UserPoolTags/team`). */
  mapValue(pointer) {
    return this.page.locator(`section.group input[data-pointer="${pointer}"][data-path$="{value}"]`);
  }

  /** The key/value editor of the map at `pointer` (e.g. `/UserPoolTags`). */
  mapEditor(pointer) {
    return this.page.locator(`section.group fieldset.collection[data-pointer="${pointer}"]`);
  }

  /** The rows of the key/value editor at `pointer`, as shown: `[key, value]` each. */
  async mapRows(pointer) {
    return this.mapEditor(pointer)
      .locator('li.map-row')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('input')].map((input) => input.value)));
  }

  /** Adds a row to the key/value editor at `pointer` (its "Add …" button) and types `key` and `value`. */
  async addMapRow(pointer, key, value) {
    const editor = this.mapEditor(pointer);
    await editor.locator('.collection-add button').click();
    const row = editor.locator('li.map-row').last();
    const [keyInput, valueInput] = await row.locator('input').all();
    await keyInput.fill(key);
    await valueInput.fill(value);
  }

  /** The change list: `{ pointer, before, after }` of every setting that differs from the baseline. */
  async changeList() {
    return this.page.locator('#changes .change').evaluateAll((items) =>
      items.map((item) => ({
        pointer: item.dataset.pointer,
        before: item.querySelector('.change-before').textContent,
        after: item.querySelector('.change-after').textContent,
      })),
    );
  }

  /** Opens the export (if it is closed) and returns `{ json, command }`: the two texts it shows. */
  async exported() {
    const toggle = this.page.locator('#export button[aria-controls="export-body"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const json = this.page.getByLabel('Request JSON', { exact: true });
    const command = this.page.getByLabel('AWS CLI command', { exact: true });
    await json.waitFor();
    return { json: await json.inputValue(), command: await command.inputValue() };
  }

  /** Clicks the download link `link` and returns the file: `{ name, url, text }`. */
  async download(link) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), url: download.url(), text: await readFile(path, 'utf8') };
  }

  /** Downloads the export's JSON (opening the export first). */
  async downloadExport() {
    await this.exported();
    return this.download(this.page.locator('#export').getByRole('link', { name: 'Download JSON' }));
  }

  /** Downloads the settings from before the last apply. */
  async downloadPrevious() {
    return this.download(this.page.locator('#download-previous'));
  }

  /** The saved drafts offered back: `{ key, text }`. */
  async draftOffers() {
    return this.page.locator('#import .draft-offer').evaluateAll((offers) =>
      offers.map((offer) => ({ key: offer.dataset.key, text: offer.querySelector('p').textContent.trim() })),
    );
  }

  /** Presses Restore on the saved draft of pool `poolId` (confirming the replacement if asked). */
  async restoreDraft(poolId) {
    await this.page.locator(`#import .draft-offer[data-key$="/${poolId}"]`).getByRole('button', { name: 'Restore' }).click();
    const confirm = this.page.locator('#import .restore-feedback').getByRole('button', { name: 'Replace my draft' });
    if (await confirm.count()) await confirm.click();
  }

  /** Presses the import panel's Import button. */
  async importPasted() {
    await this.page.locator('#import').getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The import panel's question before replacing a draft with changes, or null when none is asked. */
  async importQuestion() {
    const question = this.page.locator('#import .import-feedback .io-confirm');
    return (await question.count()) ? (await question.textContent()).trim() : null;
  }

  /** Answers the import panel's question with "Keep my draft". */
  async keepMyDraft() {
    await this.page.locator('#import .import-feedback').getByRole('button', { name: 'Keep my draft' }).click();
  }

  /** What the import panel says about the last import (below its Import button). */
  async importFeedback() {
    return (await this.page.locator('#import .import-feedback .io-status').textContent()).trim();
  }

  /**
   * Presses Apply again after an outcome is shown: waits until that outcome has gone and the
   * new one is shown, and returns it (as `apply`).
   */
  async applyAgain() {
    const old = await this.page.locator('#review .apply-outcome').elementHandle();
    await this.applyButton.click();
    if (old) await old.waitForElementState('hidden');
    const outcome = this.page.locator('#review .apply-outcome');
    await outcome.waitFor();
    return outcome.getAttribute('data-outcome');
  }

  async screenshot(path) {
    await this.page.screenshot({ path, fullPage: true });
  }
}
