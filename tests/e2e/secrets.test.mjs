// Secrets audit, end to end (issue 5): the release build in Chromium against the local peer.
// After a full session (paste credentials, list, load, edit, review, apply, export, download,
// reload) the secret access key and the session token are nowhere an attacker or a careless
// copy could find them: the DOM, the values of the controls, web storage, the console, the files
// the admin takes away, URLs. The session token travels only where it must: in the
// x-amz-security-token header of the signed calls to the endpoint. Remembering them for the tab
// is the admin's choice, and then they are in sessionStorage and nowhere else.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { ConsolePage } from './console-page.mjs';
import { startPeer } from './peer.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? join(here, '../../target/screenshots'));
const MIN_LENGTH = '/Policies/PasswordPolicy/MinimumLength';
const STORAGE_KEY = 'cognito-pool-console:credentials';

/**
 * The ways a secret could show up in a text: whole, URL-encoded (a data: URL, a query string),
 * or in part (a prefix or suffix long enough to be that secret's and nothing else's).
 */
function needles(secret) {
  const forms = new Set([secret, encodeURIComponent(secret), secret.slice(0, 16), secret.slice(-16)]);
  return [...forms];
}

/** A URL as an assertion message names it: without its query, which could hold what leaked. */
function named(url) {
  if (url.startsWith('data:')) return `${url.slice(0, 40)}…`;
  const { origin, pathname } = new URL(url);
  return `${origin}${pathname}`;
}

/** The names of the secrets of `creds` found in `text` ([] when none is). */
function secretsIn(text, creds) {
  const found = [];
  if (needles(creds.secretAccessKey).some((n) => text.includes(n))) found.push('secret access key');
  if (needles(creds.sessionToken).some((n) => text.includes(n))) found.push('session token');
  return found;
}

/** Asserts that no secret of `creds` is in any of `places` ({ where: text }). */
function assertNoSecrets(places, creds) {
  const leaks = Object.entries(places).flatMap(([where, text]) =>
    secretsIn(String(text), creds).map((what) => `${what} in ${where}`),
  );
  assert.deepEqual(leaks, []);
}

/** The places in the page of one `traces()` snapshot taken at `moment`: HTML, URL, each control's value. */
function pagePlaces(moment, traces) {
  const places = { [`${moment}: document HTML`]: traces.html, [`${moment}: page URL`]: traces.url };
  traces.values.forEach((control, i) => {
    places[`${moment}: value of control ${i} (${control.type} #${control.id})`] = control.value;
  });
  return places;
}

describe('secrets audit', () => {
  let server;
  let browser;
  let peer;
  let poolId;

  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await serveDist(DIST);
    browser = await launchChromium();
    peer = await startPeer();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await peer?.stop();
  });

  async function createPool() {
    await peer.reset();
    const created = await peer.cognito('CreateUserPool', {
      PoolName: 'secrets-pool',
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
      UserPoolTags: { team: 'identity' },
    });
    poolId = created.UserPool.Id;
  }

  describe('after a full session without "Remember"', () => {
    /** @type {ConsolePage} */
    let app;
    let creds;
    /** `traces()` at each moment of the session, by moment. */
    const snapshots = {};
    let record;
    let files;

    // One session, then one test per place the secrets must not be.
    before(async () => {
      await createPool();
      creds = peer.creds.console;
      app = new ConsolePage(await browser.context.newPage());
      // No smooth scrolling: the clicks below, far apart on a long page, need not wait for it.
      await app.page.emulateMedia({ reducedMotion: 'reduce' });
      record = app.record();
      await app.open(server.url);
      // Proof that the recorder hears the console (the audit below could not fail otherwise).
      await app.page.evaluate(() => console.debug('secrets-audit: recording'));

      await app.connect(creds, peer.endpoint, peer.region);
      snapshots.connected = await app.traces();
      assert.deepEqual(await app.listPools(), [poolId]);
      await app.loadPool(poolId);
      await app.control(MIN_LENGTH).fill('12');
      await app.mapValue('/UserPoolTags/team').fill('platform');
      await app.review();
      snapshots.reviewing = await app.traces();
      assert.equal(await app.apply(), 'verified');
      snapshots.applied = await app.traces();

      const exported = await app.exported();
      files = {
        'export: Request JSON': exported.json,
        'export: AWS CLI command': exported.command,
      };
      assert.match(exported.command, /^aws cognito-idp update-user-pool /, 'the command is shown');
      const json = await app.downloadExport();
      const previous = await app.downloadPrevious();
      assert.equal(JSON.parse(json.text).Policies.PasswordPolicy.MinimumLength, 12, 'the download is the export');
      assert.equal(JSON.parse(previous.text).Policies.PasswordPolicy.MinimumLength, 8, 'the previous file is the old pool');
      Object.assign(files, {
        [`download ${json.name}`]: json.text,
        [`download ${json.name}: URL`]: json.url,
        [`download ${previous.name}`]: previous.text,
        [`download ${previous.name}: URL`]: previous.url,
      });
      snapshots.exported = await app.traces();

      await app.reload();
      snapshots.reloaded = await app.traces();
      assert.equal(await app.credentialsStatus(), null, 'not remembered: gone after the reload');
      await app.recorded();
    });

    after(async () => {
      await app?.screenshot(join(SCREENSHOTS, 'secrets-full-session.png'));
      await app?.page.evaluate(() => localStorage.clear());
      await app?.page.close();
    });

    test('the page shows no error', () => {
      assert.deepEqual(app.errors, []);
    });

    test('not in the DOM nor in the value of any control (but a password input), at any moment', () => {
      assert.deepEqual(Object.keys(snapshots), ['connected', 'reviewing', 'applied', 'exported', 'reloaded']);
      for (const [moment, traces] of Object.entries(snapshots)) {
        assertNoSecrets(pagePlaces(moment, traces), creds);
      }
    });

    test('not in localStorage nor, without "Remember", in sessionStorage, at any moment', () => {
      for (const [moment, traces] of Object.entries(snapshots)) {
        assertNoSecrets(
          { [`${moment}: localStorage`]: traces.local, [`${moment}: sessionStorage`]: traces.session },
          creds,
        );
        assert.ok(!JSON.parse(traces.session)[STORAGE_KEY], `${moment}: credentials stored without "Remember"`);
      }
    });

    test('not in any console message, of any type', () => {
      const texts = record.console.map((m) => m.text);
      assert.ok(texts.includes('secrets-audit: recording'), 'the recorder hears the console');
      assertNoSecrets(
        Object.fromEntries(record.console.map((m, i) => [`console ${m.type} #${i}`, [m.text, ...m.args].join('\n')])),
        creds,
      );
    });

    test('not in the export, the downloaded JSON, nor the file of the settings from before', () => {
      assert.equal(Object.keys(files).length, 6);
      assertNoSecrets(files, creds);
    });

    test('not in any URL the page navigated to, requested or downloaded', () => {
      assert.ok(record.navigations.includes(server.url), 'the recorder sees navigations');
      assert.ok(record.requests.some((r) => r.url.startsWith(peer.endpoint)), 'the recorder sees the calls');
      const urls = [...record.navigations, ...record.requests.map((r) => r.url), ...record.downloads];
      assertNoSecrets(Object.fromEntries(urls.map((url, i) => [`URL #${i} ${named(url)}`, url])), creds);
    });

    test('not in any request body', () => {
      assert.ok(record.requests.some((r) => r.body.includes(poolId)), 'the recorder sees bodies');
      assertNoSecrets(
        Object.fromEntries(record.requests.map((r, i) => [`body of ${r.method} ${named(r.url)} #${i}`, r.body])),
        creds,
      );
    });

    test('the secret key is in no header; the token only in x-amz-security-token, and only to the endpoint', () => {
      const misplaced = [];
      let carried = 0;
      for (const request of record.requests) {
        for (const [name, value] of Object.entries(request.headers)) {
          const found = secretsIn(value, creds);
          if (found.length === 0) continue;
          const legitimate =
            name.toLowerCase() === 'x-amz-security-token' &&
            value === creds.sessionToken &&
            found.join() === 'session token' &&
            request.url.startsWith(peer.endpoint);
          if (legitimate) carried += 1;
          else misplaced.push(`${found.join(' and ')} in header ${name} of ${request.method} ${named(request.url)}`);
        }
      }
      assert.deepEqual(misplaced, []);
      // List, describe (load), describe, update, describe (apply): the token went with each.
      assert.ok(carried >= 5, `the token travelled in ${carried} signed calls`);
    });
  });

  test('credentials typed in by hand are gone from every input once used, password ones included', async () => {
    await createPool();
    const creds = peer.creds.console;
    const app = new ConsolePage(await browser.context.newPage());
    try {
      await app.open(server.url);
      await app.typeCredentials(creds);
      await app.page.getByLabel('Region', { exact: true }).fill(peer.region);
      await app.page.getByLabel(/^Endpoint/).fill(peer.endpoint);
      assert.deepEqual(await app.listPools(), [poolId], 'the typed credentials are in use');
      const traces = await app.traces();
      const passwords = Object.fromEntries(traces.passwordValues.map((c, i) => [`value of password ${i} #${c.id}`, c.value]));
      assert.ok(Object.keys(passwords).length >= 3, 'the paste box and the typed secret and token');
      assertNoSecrets({ ...pagePlaces('typed', traces), ...passwords, localStorage: traces.local, sessionStorage: traces.session }, creds);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.page.close();
    }
  });

  describe('with "Remember for this tab"', () => {
    /** @type {ConsolePage} */
    let app;
    let creds;

    beforeEach(async () => {
      await createPool();
      creds = peer.creds.console;
      app = new ConsolePage(await browser.context.newPage());
      await app.page.emulateMedia({ reducedMotion: 'reduce' });
      await app.open(server.url);
      await app.connect(creds, peer.endpoint, peer.region);
      await app.rememberCredentials();
    });

    afterEach(async (t) => {
      await app.screenshot(join(SCREENSHOTS, `secrets-${t.name.replace(/\W+/g, '-').slice(0, 60)}.png`));
      assert.deepEqual(app.errors, [], 'no console errors');
      await app.page.evaluate(() => localStorage.clear());
      await app.page.close();
    });

    test('sessionStorage holds the secret key and the token, and nothing else in the page does', async () => {
      const traces = await app.traces();
      assert.deepEqual(secretsIn(traces.session, creds), ['secret access key', 'session token']);
      const stored = JSON.parse(JSON.parse(traces.session)[STORAGE_KEY]);
      assert.equal(stored.secret, creds.secretAccessKey);
      assert.equal(stored.token, creds.sessionToken);
      assertNoSecrets({ ...pagePlaces('remembered', traces), localStorage: traces.local }, creds);
    });

    test('a reload keeps the admin connected: the pools can be listed without pasting again', async () => {
      await app.reload();
      assert.match(await app.credentialsStatus(), /remembered in this tab/);
      // The Region and the endpoint are not remembered: they are typed again.
      await app.page.getByLabel('Region', { exact: true }).fill(peer.region);
      await app.page.getByLabel(/^Endpoint/).fill(peer.endpoint);
      assert.deepEqual(await app.listPools(), [poolId]);
      const traces = await app.traces();
      assertNoSecrets({ ...pagePlaces('reloaded', traces), localStorage: traces.local }, creds);
    });

    test('"Forget the credentials" removes them from sessionStorage and the page: nothing more is sent', async () => {
      await app.forgetCredentials();
      assert.equal(await app.credentialsStatus(), null);
      const forgotten = await app.traces();
      assertNoSecrets({ ...pagePlaces('forgotten', forgotten), sessionStorage: forgotten.session, localStorage: forgotten.local }, creds);
      const sent = [];
      app.page.on('request', (r) => {
        if (r.url().startsWith(peer.endpoint)) sent.push(r.url());
      });
      await app.page.getByRole('button', { name: 'List user pools' }).click();
      assert.match((await app.problem('connection')).text, /Paste your temporary AWS credentials first/);
      assert.deepEqual(sent, [], 'nothing reached the endpoint');
      await app.reload();
      assert.equal(await app.credentialsStatus(), null, 'not back after a reload either');
      const reloaded = await app.traces();
      assertNoSecrets({ ...pagePlaces('reloaded', reloaded), sessionStorage: reloaded.session }, creds);
    });
  });
});
