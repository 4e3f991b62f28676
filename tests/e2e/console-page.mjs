// Page object of the console's shell page: what a reader finds on it, by role and landmark.

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

  async screenshot(path) {
    await this.page.screenshot({ path, fullPage: true });
  }
}
