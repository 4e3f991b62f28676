// End-to-end tests of talking to Cognito: the release build in Chromium against the local peer
// (moto 5.2.5 in-process, signatures verified, clock window and token expiry enforced;
// tests/peer/cognito_peer.py). Each test is one behaviour an admin relies on.
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

/** The pool's description in moto, without the times an update may touch. */
async function described(peer, id) {
  const { UserPool } = await peer.cognito('DescribeUserPool', { UserPoolId: id });
  delete UserPool.LastModifiedDate;
  return UserPool;
}

describe('talking to Cognito (local peer)', () => {
  let server;
  let browser;
  let peer;
  /** @type {ConsolePage} */
  let app;
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

  beforeEach(async () => {
    await peer.reset();
    const created = await peer.cognito('CreateUserPool', {
      PoolName: 'e2e-pool',
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } },
      MfaConfiguration: 'OFF',
      UserPoolTags: { team: 'identity' },
    });
    poolId = created.UserPool.Id;
    app = new ConsolePage(await browser.context.newPage());
  });

  afterEach(async (t) => {
    await app.screenshot(join(SCREENSHOTS, `aws-${t.name.replace(/\W+/g, '-').slice(0, 60)}.png`));
    await app.page.close();
  });

  async function openAndLoad(creds = peer.creds.console) {
    await app.open(server.url);
    await app.connect(creds, peer.endpoint, peer.region);
    assert.deepEqual(await app.listPools(), [poolId]);
    await app.loadPool(poolId);
  }

  test('list, load, edit, review, apply: verified, and only the edited setting changed in the pool', async () => {
    const before = await described(peer, poolId);
    await openAndLoad();
    assert.equal(await app.control(MIN_LENGTH).inputValue(), '8');
    await app.control(MIN_LENGTH).fill('12');
    await app.review();
    const body = JSON.parse(await app.page.locator('#review-body').textContent());
    assert.equal(body.UserPoolId, poolId);
    assert.equal(body.Policies.PasswordPolicy.MinimumLength, 12);
    assert.deepEqual(body.UserPoolTags, { team: 'identity' }, 'the complete configuration is sent');
    const changes = await app.page.locator('#review .review-changes li').evaluateAll((l) => l.map((i) => i.dataset.pointer));
    assert.deepEqual(changes, [MIN_LENGTH]);
    assert.equal(await app.apply(), 'verified');
    assert.match(await app.page.locator('#review .apply-outcome').textContent(), /Applied and verified/);

    const afterUpdate = await described(peer, poolId);
    assert.equal(afterUpdate.Policies.PasswordPolicy.MinimumLength, 12);
    afterUpdate.Policies.PasswordPolicy.MinimumLength = before.Policies.PasswordPolicy.MinimumLength;
    assert.deepEqual(afterUpdate, before, 'nothing else changed');
    // The pool's new state is the baseline: no change left, the old one downloadable.
    assert.equal(await app.page.locator('#changes .change').count(), 0);
    await app.page.locator('#download-previous').waitFor();
    assert.deepEqual(app.errors, []);
    // The secret and the token are nowhere in the page or its storage.
    const { secretAccessKey, sessionToken } = peer.creds.console;
    const traces = await app.page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      url: location.href,
    }));
    for (const [where, text] of Object.entries(traces)) {
      assert.ok(!text.includes(secretAccessKey), `secret key in ${where}`);
      assert.ok(!text.includes(sessionToken), `session token in ${where}`);
    }
  });

  test('every page of ListUserPools is read', async () => {
    const ids = [poolId];
    for (let i = 0; i < 64; i += 1) {
      ids.push((await peer.cognito('CreateUserPool', { PoolName: `many-${i}` })).UserPool.Id);
    }
    await app.open(server.url);
    await app.connect(peer.creds.console, peer.endpoint, peer.region);
    const listed = await app.listPools();
    assert.equal(listed.length, 65, 'more than one page of 60');
    assert.deepEqual([...listed].sort(), [...ids].sort());
  });

  test('a setting the pool does not take is listed after applying', async () => {
    // moto ignores PoolName in UpdateUserPool, as older Cognito did.
    await openAndLoad();
    await app.control('/PoolName').fill('renamed-pool');
    await app.review();
    assert.equal(await app.apply(), 'not-verified');
    const notApplied = await app.page
      .locator('#review .not-applied li')
      .evaluateAll((items) => items.map((i) => [i.dataset.pointer, i.querySelector('.change-after').textContent]));
    assert.deepEqual(notApplied, [['/PoolName', '"e2e-pool"']]);
    // What did not take stays a change in the form, against the pool's real state.
    assert.equal(await app.control('/PoolName').inputValue(), 'renamed-pool');
    assert.equal(await app.page.locator('#changes .change[data-pointer="/PoolName"]').count(), 1);
  });

  test('a wrong secret key is refused with a message about the signature', async () => {
    await app.open(server.url);
    const creds = { ...peer.creds.console, secretAccessKey: peer.creds.console.secretAccessKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
    await app.connect(creds, peer.endpoint, peer.region);
    await app.listPools();
    const problem = await app.problem('connection');
    assert.equal(problem.code, 'InvalidSignatureException');
    assert.match(problem.text, /secret/i);
    assert.match(problem.text, /Request ID: \S+/);
  });

  test('read-only credentials load the pool but cannot apply, and say which permission is missing', async () => {
    await openAndLoad(peer.creds.readonly);
    await app.control(MIN_LENGTH).fill('10');
    await app.review();
    assert.equal(await app.apply(), 'failed');
    const problem = await app.problem('review');
    assert.equal(problem.code, 'AccessDeniedException');
    assert.match(problem.text, /cognito-idp:UpdateUserPool/);
    assert.equal(await app.control(MIN_LENGTH).inputValue(), '10', 'the edit is kept');
    assert.equal((await described(peer, poolId)).Policies.PasswordPolicy.MinimumLength, 8);
  });

  test('credentials that expired on the server give the expired-token message and keep the edits', async () => {
    const short = await peer.mint('console', 2);
    await openAndLoad(short);
    await app.control(MIN_LENGTH).fill('11');
    await app.review();
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(await app.apply(), 'failed');
    const problem = await app.problem('review');
    assert.equal(problem.code, 'ExpiredTokenException');
    assert.match(problem.text, /fresh/i);
    assert.equal(await app.control(MIN_LENGTH).inputValue(), '11');
  });

  test('credentials pasted with an expiry in the past block sending before anything is sent', async () => {
    await app.open(server.url);
    const c = peer.creds.console;
    await app.pasteCredentials(JSON.stringify({ Version: 1, AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: '2020-01-01T00:00:00Z' }));
    await app.page.locator('#credentials-expired').waitFor();
    assert.match(await app.page.locator('#credentials-expired').textContent(), /expired at 2020-01-01T00:00:00Z/);
    await app.page.getByLabel('Region', { exact: true }).fill(peer.region);
    await app.page.getByLabel(/^Endpoint/).fill(peer.endpoint);
    const sent = [];
    app.page.on('request', (r) => { if (r.url().startsWith(peer.endpoint)) sent.push(r.url()); });
    await app.page.getByRole('button', { name: 'List user pools' }).click();
    assert.match((await app.problem('connection')).text, /expired/);
    assert.deepEqual(sent, [], 'nothing reached the endpoint');
  });

  test('a client clock 10 minutes slow is corrected without the admin doing anything', async () => {
    await app.page.addInitScript(() => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() - 10 * 60 * 1000;
    });
    await openAndLoad();
    await app.control(MIN_LENGTH).fill('13');
    await app.review();
    assert.equal(await app.apply(), 'verified');
    assert.match(await app.page.locator('#clock-note').textContent(), /behind AWS/);
    assert.equal((await described(peer, poolId)).Policies.PasswordPolicy.MinimumLength, 13);
  });

  test('a pool changed behind the admin\'s back is caught before sending; the edits move onto it', async () => {
    await openAndLoad();
    await app.control(MIN_LENGTH).fill('14');
    // Someone else changes the pool (MFA) while the admin edits.
    const current = await described(peer, poolId);
    await peer.cognito('UpdateUserPool', {
      UserPoolId: poolId,
      Policies: current.Policies,
      MfaConfiguration: 'OFF',
      UserPoolTags: { team: 'identity', owner: 'someone-else' },
    });
    await app.review();
    assert.equal(await app.apply(), 'conflict');
    const theirs = await app.page.locator('#review .conflict li').evaluateAll((l) => l.map((i) => i.dataset.pointer));
    assert.ok(theirs.includes('/UserPoolTags/owner'), JSON.stringify(theirs));
    assert.equal((await described(peer, poolId)).Policies.PasswordPolicy.MinimumLength, 8, 'nothing was sent');
    await app.page.getByRole('button', { name: 'Put my edits on top of the new settings' }).click();
    assert.equal(await app.control(MIN_LENGTH).inputValue(), '14');
    await app.review();
    await app.confirmRisks();
    assert.equal(await app.apply(), 'verified');
    const now = await described(peer, poolId);
    assert.equal(now.Policies.PasswordPolicy.MinimumLength, 14);
    assert.equal(now.UserPoolTags.owner, 'someone-else', 'their change is kept');
  });

  test('throttling and a server error are retried with backoff, visibly, and the apply goes through', async () => {
    await openAndLoad();
    await app.control(MIN_LENGTH).fill('16');
    await app.review();
    await peer.fault('UpdateUserPool', 'TooManyRequestsException', 400, 1);
    await peer.fault('DescribeUserPool', 'InternalErrorException', 500, 1);
    // Every text the progress line shows, recorded in the page as it changes.
    await app.page.evaluate(() => {
      window.progressSeen = [];
      const line = document.getElementById('apply-progress');
      new MutationObserver(() => window.progressSeen.push(line.textContent)).observe(line, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const updates = [];
    app.page.on('request', (r) => {
      if (r.method() === 'POST' && r.headers()['x-amz-target']?.endsWith('.UpdateUserPool')) updates.push(r);
    });
    // A double click sends once: the button is busy until the outcome.
    await app.applyButton.dblclick();
    await app.page.locator('#review .apply-outcome').waitFor();
    assert.equal(await app.page.locator('#review .apply-outcome').getAttribute('data-outcome'), 'verified');
    assert.equal(updates.length, 2, 'one throttled attempt and one that went through');
    const seen = await app.page.evaluate(() => window.progressSeen);
    assert.ok(seen.some((t) => /Trying again in [\d.]+ s \(attempt 2 of 4\)/.test(t)), JSON.stringify(seen));
    assert.equal((await described(peer, poolId)).Policies.PasswordPolicy.MinimumLength, 16);
  });

  test('the peer going away mid-way gives a clear message and the form keeps every edit', async () => {
    await openAndLoad();
    await app.control(MIN_LENGTH).fill('15');
    await app.review();
    await peer.stop();
    try {
      assert.equal(await app.apply(), 'failed');
      const problem = await app.problem('review');
      assert.match(problem.text, /network|reach|connection/i);
      assert.equal(await app.control(MIN_LENGTH).inputValue(), '15');
      assert.equal(await app.page.locator(`#changes .change[data-pointer="${MIN_LENGTH}"]`).count(), 1);
    } finally {
      await peer.restart();
    }
  });
});
