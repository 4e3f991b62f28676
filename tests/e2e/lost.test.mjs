// Nothing typed is ever lost (issue 5), end to end: the release build in Chromium against the
// local peer. The admin loads a pool and edits three settings of different kinds (a number, a
// tag's value, a message subject); then something goes wrong — a reload, credentials that
// expire, a call that fails, an import that fails or is declined — and every edit is still
// there, exactly; where the edits were meant for the pool, applying again sends exactly them.
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
const TAG = '/UserPoolTags/team';
const INVITE_SUBJECT = '/AdminCreateUserConfig/InviteMessageTemplate/EmailSubject';
/** The admin's edits: the value typed into the control of each setting. */
const EDITS = { [MIN_LENGTH]: '12', [TAG]: 'platform', [INVITE_SUBJECT]: 'Welcome to the pool' };

/** The pool's description in moto, without the times an update touches. */
async function described(peer, id) {
  const { UserPool } = await peer.cognito('DescribeUserPool', { UserPoolId: id });
  delete UserPool.LastModifiedDate;
  return UserPool;
}

/** The description `pool` with the admin's edits made, and nothing else. */
function withEdits(pool) {
  const edited = structuredClone(pool);
  edited.Policies.PasswordPolicy.MinimumLength = Number(EDITS[MIN_LENGTH]);
  edited.UserPoolTags.team = EDITS[TAG];
  edited.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject = EDITS[INVITE_SUBJECT];
  return edited;
}

/** Sleeps until the peer counts `creds` as expired (its expiry has passed, plus a margin). */
async function untilExpired(creds) {
  const wait = Date.parse(creds.expiration) - Date.now() + 1500;
  if (wait > 0) await new Promise((done) => setTimeout(done, wait));
}

describe('nothing typed is ever lost', () => {
  let server;
  let browser;
  let peer;
  /** @type {ConsolePage} */
  let app;
  let poolId;
  /** The pool as created, before any apply. */
  let original;

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
      PoolName: 'lost-pool',
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } },
      MfaConfiguration: 'OFF',
      UserPoolTags: { team: 'identity' },
    });
    poolId = created.UserPool.Id;
    original = await described(peer, poolId);
    app = new ConsolePage(await browser.context.newPage());
    // No smooth scrolling: the clicks below, far apart on a long page, need not wait for it.
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
    await app.open(server.url);
  });

  afterEach(async (t) => {
    await app.screenshot(join(SCREENSHOTS, `lost-${t.name.replace(/\W+/g, '-').slice(0, 60)}.png`));
    // Drafts are kept in localStorage, which the tests' pages share: each test starts without.
    await app.page.evaluate(() => localStorage.clear());
    await app.page.close();
  });

  async function connectAndLoad(creds = peer.creds.console) {
    await app.connect(creds, peer.endpoint, peer.region);
    assert.deepEqual(await app.listPools(), [poolId]);
    await app.loadPool(poolId);
  }

  /** Makes the admin's edits in the form, and returns the draft they make (see `draft`). */
  async function edit() {
    await app.control(MIN_LENGTH).fill(EDITS[MIN_LENGTH]);
    await app.mapValue(TAG).fill(EDITS[TAG]);
    await app.control(INVITE_SUBJECT).fill(EDITS[INVITE_SUBJECT]);
    const edited = await draft();
    assert.deepEqual(edited.typed, EDITS, 'the edits are in the form');
    assert.deepEqual(edited.changes.map((c) => c.pointer).sort(), Object.keys(EDITS).sort(), 'and are its changes');
    return edited;
  }

  /**
   * The draft as the admin sees it: what each edited control holds, the change list (baseline
   * and draft values) and the request the export would take away.
   */
  async function draft() {
    return {
      typed: {
        [MIN_LENGTH]: await app.control(MIN_LENGTH).inputValue(),
        [TAG]: await app.mapValue(TAG).inputValue(),
        [INVITE_SUBJECT]: await app.control(INVITE_SUBJECT).inputValue(),
      },
      changes: await app.changeList(),
      request: JSON.parse((await app.exported()).json),
    };
  }

  test('a reload: the saved draft is offered back for the pool, and restoring it brings back every edit', async () => {
    await connectAndLoad();
    const edited = await edit();
    await app.reload();
    assert.equal(await app.control('/UserPoolId').inputValue(), '', 'the form starts empty');
    const offers = await app.draftOffers();
    assert.equal(offers.length, 1, JSON.stringify(offers));
    assert.equal(offers[0].key, `cognito-pool-console/draft/${poolId}`);
    assert.match(offers[0].text, new RegExp(`Restore the draft of pool ${poolId} from .*\\(3 changes\\)`));
    await app.restoreDraft(poolId);
    assert.deepEqual(await draft(), edited);
  });

  test('a reload: the restored draft is applied with exactly its edits once the admin connects again', async () => {
    await connectAndLoad();
    await edit();
    await app.reload();
    await app.restoreDraft(poolId);
    await app.connect(peer.creds.console, peer.endpoint, peer.region);
    await app.review();
    assert.equal(await app.apply(), 'verified');
    assert.deepEqual(await described(peer, poolId), withEdits(original));
  });

  test(
    'a reload after editing while an older draft of the pool is still offered: both are offered back',
    async () => {
      // An earlier visit: one edit, then the tab reloads.
      await connectAndLoad();
      await app.control(MIN_LENGTH).fill('10');
      await app.reload();
      // This visit: the admin loads the pool again rather than answering the offer, and edits.
      await connectAndLoad();
      const edited = await edit();
      await app.reload();
      // The older draft was set aside under its own key, not overwritten: both are offered.
      const offers = await app.page.locator('#import .draft-offer').evaluateAll((els) => els.map((e) => e.dataset.key));
      assert.equal(offers.length, 2, `offers: ${offers}`);
      assert.ok(offers.some((key) => /~\d+$/.test(key) && key.includes(poolId)), `offers: ${offers}`);
      await app.restoreDraft(poolId);
      assert.deepEqual(await draft(), edited);
    },
  );

  test(
    'a reload keeps a tag row the request cannot hold yet (a key typed twice)',
    async () => {
      await connectAndLoad();
      await edit();
      await app.addMapRow('/UserPoolTags', 'team', 'second');
      const rows = await app.mapRows('/UserPoolTags');
      assert.deepEqual(rows, [['team', EDITS[TAG]], ['team', 'second']]);
      await app.reload();
      await app.restoreDraft(poolId);
      assert.deepEqual(await app.mapRows('/UserPoolTags'), rows);
    },
  );

  test('credentials that expire on the server: applying says so, the edits stay, and fresh ones apply exactly them', async () => {
    const short = await peer.mint('console', 3);
    await connectAndLoad(short);
    const edited = await edit();
    await app.review();
    await untilExpired(short);
    assert.equal(await app.apply(), 'failed');
    const problem = await app.problem('review');
    assert.equal(problem.code, 'ExpiredTokenException');
    assert.match(problem.text, /fresh/i);
    assert.deepEqual(await draft(), edited, 'the draft is as it was');
    assert.deepEqual(await described(peer, poolId), original, 'nothing reached the pool');

    await app.connect(peer.creds.console, peer.endpoint, peer.region);
    assert.equal(await app.applyAgain(), 'verified');
    assert.deepEqual(await described(peer, poolId), withEdits(original));
  });

  test('credentials whose expiry the console knows: Apply is held with the reason, the edits stay, and fresh ones apply exactly them', async () => {
    const short = await peer.mint('console', 3);
    await app.connectUntilExpiry(short, peer.endpoint, peer.region);
    assert.deepEqual(await app.listPools(), [poolId]);
    await app.loadPool(poolId);
    const edited = await edit();
    await app.review();
    await untilExpired(short);
    await app.page.locator('#apply-why', { hasText: 'expired' }).waitFor();
    assert.match(
      await app.page.locator('#apply-why').textContent(),
      /Your credentials expired at .*Paste fresh ones under Connect: your edits stay as they are/,
    );
    assert.equal(await app.applyButton.isDisabled(), true);
    assert.deepEqual(await draft(), edited, 'the draft is as it was');

    await app.connect(peer.creds.console, peer.endpoint, peer.region);
    assert.equal(await app.apply(), 'verified');
    assert.deepEqual(await described(peer, poolId), withEdits(original));
  });

  test('a call Cognito refuses (InvalidParameterException): the edits stay, and applying again sends them', async () => {
    await connectAndLoad();
    const edited = await edit();
    await app.review();
    await peer.fault('UpdateUserPool', 'InvalidParameterException', 400, 1);
    assert.equal(await app.apply(), 'failed');
    assert.equal((await app.problem('review')).code, 'InvalidParameterException');
    assert.deepEqual(await draft(), edited, 'the draft is as it was');
    assert.deepEqual(await described(peer, poolId), original, 'nothing reached the pool');

    assert.equal(await app.applyAgain(), 'verified');
    assert.deepEqual(await described(peer, poolId), withEdits(original));
  });

  test('a call denied for want of permission (read-only credentials): the edits stay, and the right credentials apply them', async () => {
    await connectAndLoad(peer.creds.readonly);
    const edited = await edit();
    await app.review();
    assert.equal(await app.apply(), 'failed');
    assert.equal((await app.problem('review')).code, 'AccessDeniedException');
    assert.deepEqual(await draft(), edited, 'the draft is as it was');

    await app.connect(peer.creds.console, peer.endpoint, peer.region);
    assert.equal(await app.applyAgain(), 'verified');
    assert.deepEqual(await described(peer, poolId), withEdits(original));
  });

  test('an import of text that is not JSON: nothing is imported and the edits stay exactly as they were', async () => {
    await connectAndLoad();
    const edited = await edit();
    await app.pasteIntoImport('UserPoolId: us-east-1_NotJson\nPolicies: { MinimumLength: 3 }');
    assert.match(await app.importStatus(), /not JSON/);
    await app.importPasted();
    assert.match(await app.importFeedback(), /Nothing was imported: the text is not JSON/);
    assert.deepEqual(await draft(), edited);
  });

  test('an import with errors the admin declines ("Keep my draft"): the edits stay exactly as they were', async () => {
    await connectAndLoad();
    const edited = await edit();
    await app.pasteIntoImport(JSON.stringify({ UserPoolId: poolId, Policies: { PasswordPolicy: { MinimumLength: 3 } } }));
    const errors = (await app.importFindings()).filter((f) => f.severity === 'error');
    assert.ok(errors.some((f) => f.pointer === MIN_LENGTH), JSON.stringify(errors));
    await app.importPasted();
    assert.match(await app.importQuestion(), /Your draft has 3 changes that are not applied/);
    await app.keepMyDraft();
    assert.match(await app.importFeedback(), /Nothing was replaced: your draft is as it was/);
    assert.deepEqual(await draft(), edited);
  });
});
