// End-to-end tests of the page's Content-Security-Policy (index.html) and of its refusal to run
// in a frame (start.js): the release build in Chromium, against the local Cognito peer.
// Expected endpoints come from botocore's partition data (tools/venv, pinned), not from a list
// typed here.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { ConsolePage } from './console-page.mjs';
import { startPeer } from './peer.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(here, '../..');
const DIST = resolve(process.env.DIST ?? join(ROOT, 'dist'));
const SCREENSHOTS = resolve(process.env.SCREENSHOTS ?? join(ROOT, 'target/screenshots'));
const MIN_LENGTH = '/Policies/PasswordPolicy/MinimumLength';

/** Emulators on this machine: the hosts `Endpoint::custom` accepts over plain http. CSP has no
 * syntax for an IPv6 literal, so `http://[::1]:*` cannot be allowed (Chromium ignores it). */
const LOOPBACK = ['http://127.0.0.1:*', 'http://localhost:*', 'http://*.localhost:*'];

/** The partitions whose Cognito endpoint `Endpoint::for_region` builds: `cognito-idp.<Region>.<dnsSuffix>`. */
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];

/** Cognito's endpoint in every Region of PARTITIONS, from botocore's endpoints.json in tools/venv. */
async function cognitoEndpoints() {
  const lib = join(ROOT, 'tools/venv/lib');
  const python = (await readdir(lib)).find((name) => name.startsWith('python3'));
  const data = JSON.parse(await readFile(join(lib, python, 'site-packages/botocore/data/endpoints.json'), 'utf8'));
  const hosts = [];
  for (const partition of data.partitions.filter((p) => PARTITIONS.includes(p.partition))) {
    for (const region of Object.keys(partition.regions)) {
      hosts.push(`https://cognito-idp.${region}.${partition.dnsSuffix}`);
    }
  }
  assert.ok(hosts.length >= 30, `only ${hosts.length} Regions in botocore's data`);
  return hosts.sort();
}

/**
 * Every element of `html` in document order, as Chromium's HTML parser reads it (trunk minifies
 * the release page: attributes may be unquoted and `<head>` implied): [{ tag, attributes, text }].
 */
async function parseHtml(context, html) {
  const page = await context.newPage();
  try {
    return await page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, 'text/html');
      return [...document.querySelectorAll('*')].map((element) => ({
        tag: element.localName,
        inHead: element.closest('head') !== null,
        attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
        text: element.textContent,
      }));
    }, html);
  } finally {
    await page.close();
  }
}

/** The attributes of every `<tag>` of the parsed page: [{ name: value }]. */
function elements(parsed, tag) {
  return parsed.filter((e) => e.tag === tag).map((e) => e.attributes);
}

/** Whether a parsed element is the page's `<meta http-equiv="Content-Security-Policy">`. */
const isPolicy = (e) => e.tag === 'meta' && e.attributes['http-equiv']?.toLowerCase() === 'content-security-policy';

/** The policy of the parsed page's Content-Security-Policy `<meta>`: directive -> sources. */
function policyOf(parsed) {
  const metas = parsed.filter(isPolicy);
  assert.equal(metas.length, 1, 'one Content-Security-Policy <meta>');
  assert.ok(metas[0].inHead, 'the policy <meta> is in the head (a <meta> policy elsewhere is ignored)');
  const policy = new Map();
  for (const directive of metas[0].attributes.content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    assert.ok(!policy.has(name), `${name} twice (the browser ignores the second)`);
    policy.set(name, sources);
  }
  return policy;
}

/** `sha384-…` of a file of dist/, as in an `integrity` attribute. */
async function sri(path) {
  const bytes = await readFile(join(DIST, path));
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * Records, in `violations`, every `securitypolicyviolation` event of the page and its frames
 * (through a binding, so reloads lose nothing) and every console message about the policy
 * (a source the browser could not parse, for instance, is only a console message).
 */
async function recordViolations(page, violations) {
  await page.exposeFunction('reportCspViolation', (violation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.reportCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}`,
          page: location.href,
        }),
      true,
    );
  });
  page.on('console', (message) => {
    // The browser's message quotes the whole directive: its start says enough.
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push({ console: message.text().slice(0, 240) });
  });
}

/** Serves one page, `<iframe src="target">`, from `http://localhost:<port>/`: another origin
 * (and site) than the console's http://127.0.0.1:<port>/. */
async function serveFramer(target) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>framer</title><p>Another site framing the console:</p>` +
        `<iframe src="${target}" width="1000" height="600" title="console"></iframe>`,
    );
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://localhost:${server.address().port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Chromium keeps a connection open, which would hold close() up for minutes.
        server.closeAllConnections();
      }),
  };
}

describe('Content-Security-Policy', () => {
  let server;
  let browser;
  let peer;
  let html;
  /** dist/index.html as Chromium parses it (parseHtml). */
  let parsed;
  /** @type {ConsolePage} */
  let app;
  let violations;

  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    html = await readFile(join(DIST, 'index.html'), 'utf8');
    server = await serveDist(DIST);
    browser = await launchChromium();
    parsed = await parseHtml(browser.context, html);
    peer = await startPeer();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await peer?.stop();
  });

  beforeEach(async () => {
    violations = [];
    app = new ConsolePage(await browser.context.newPage());
    await recordViolations(app.page, violations);
  });

  afterEach(async (t) => {
    await app.screenshot(join(SCREENSHOTS, `csp-${t.name.replace(/\W+/g, '-').slice(0, 60)}.png`));
    await app.page.close();
  });

  test('dist/index.html carries the policy, before anything it governs, with exactly the expected directives', async () => {
    const policy = policyOf(parsed);
    const expected = new Map([
      ['default-src', ["'none'"]],
      ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
      ['style-src', ["'self'"]],
      ['img-src', ["'self'"]],
      ['object-src', ["'none'"]],
      ['base-uri', ["'none'"]],
      ['form-action', ["'none'"]],
      ['connect-src', ["'self'", ...LOOPBACK, ...(await cognitoEndpoints())]],
    ]);
    assert.deepEqual([...policy.keys()].sort(), [...expected.keys()].sort());
    for (const [name, sources] of expected) {
      assert.deepEqual([...policy.get(name)].sort(), [...sources].sort(), name);
    }
    for (const sources of policy.values()) {
      for (const source of sources) {
        assert.doesNotMatch(source, /^'unsafe-|^'(strict-dynamic|nonce-|sha)|^\*$|^(https?|data|blob):$/, source);
      }
    }
    // A <meta> policy governs only what comes after it in the document.
    const metaAt = parsed.findIndex(isPolicy);
    const firstGoverned = parsed.findIndex((e) => ['link', 'script', 'style', 'base'].includes(e.tag));
    assert.ok(firstGoverned >= 0 && metaAt < firstGoverned, 'the policy comes before every link, script, style and base');
  });

  test('dist/index.html has no inline script; every script and preload carries a correct integrity', async () => {
    const scripts = parsed.filter((e) => e.tag === 'script');
    assert.ok(scripts.length > 0);
    for (const { attributes, text } of scripts) {
      assert.ok(attributes.src, `inline script: ${JSON.stringify(attributes)} ${text.slice(0, 120)}`);
      assert.equal(text.trim(), '', `script with content: ${attributes.src}`);
    }
    for (const { tag, attributes } of parsed) {
      const handlers = Object.keys(attributes).filter((name) => name.startsWith('on'));
      assert.deepEqual(handlers, [], `an event-handler attribute on <${tag}>`);
    }
    assert.doesNotMatch(html, /javascript:/i);

    const scriptElements = elements(parsed, 'script');
    const links = elements(parsed, 'link').filter((l) => ['modulepreload', 'preload', 'stylesheet', 'icon'].includes(l.rel));
    for (const element of [...scriptElements, ...links]) {
      const path = element.src ?? element.href;
      assert.ok(element.integrity, `${path} has no integrity`);
      assert.equal(element.integrity, await sri(path), `${path}: integrity does not match the file`);
    }
    // What start.js loads is what trunk preloads with integrity.
    const metas = Object.fromEntries(elements(parsed, 'meta').filter((m) => m.name).map((m) => [m.name, m.content]));
    assert.ok(links.some((l) => l.rel === 'modulepreload' && l.href === metas['app-module'] && l.integrity));
    assert.ok(links.some((l) => l.rel === 'preload' && l.as === 'fetch' && l.href === metas['app-wasm'] && l.integrity));
  });

  test('a whole session (connect, list, load, edit, review, apply, export, download, reload) violates nothing', async () => {
    await peer.reset();
    const poolId = (
      await peer.cognito('CreateUserPool', {
        PoolName: 'csp-pool',
        Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } },
        UserPoolTags: { team: 'identity' },
      })
    ).UserPool.Id;
    try {
      await app.open(server.url);
      await app.connect(peer.creds.console, peer.endpoint, peer.region);
      assert.deepEqual(await app.listPools(), [poolId]);
      await app.loadPool(poolId);
      await app.control(MIN_LENGTH).fill('12');
      await app.review();
      assert.equal(await app.apply(), 'verified');
      assert.equal((await peer.cognito('DescribeUserPool', { UserPoolId: poolId })).UserPool.Policies.PasswordPolicy.MinimumLength, 12);

      // The settings from before the apply, and the export: both data: URLs in <a download>.
      const previous = await download(app.page.locator('#download-previous'));
      assert.equal(JSON.parse(previous.text).Policies.PasswordPolicy.MinimumLength, 8);
      await app.control(MIN_LENGTH).fill('14');
      await app.page.getByRole('button', { name: /^Show the request/ }).click();
      await app.page.locator('#export-json').waitFor();
      const exported = await download(app.page.getByRole('link', { name: 'Download JSON' }));
      assert.equal(exported.name, `update-user-pool-${poolId}.json`);
      assert.equal(JSON.parse(exported.text).Policies.PasswordPolicy.MinimumLength, 14);

      // A reload starts the app again.
      await app.page.reload();
      await app.contents.getByRole('link').first().waitFor();
    } catch (error) {
      // A blocked request or script shows as a step that fails: say what the policy blocked.
      error.message += `\nviolations so far: ${JSON.stringify(violations, null, 2)}`;
      throw error;
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(app.errors, []);
    assert.deepEqual(app.failedRequests, []);
  });

  test('the policy is enforced: no eval, no inline script, no request to another host', async () => {
    await app.open(server.url);
    // Hosts the policy allows are answered here, so nothing leaves the machine; a blocked
    // request never reaches this handler.
    const reached = [];
    await app.page.route(/^https:\/\//, (route) => {
      reached.push(new URL(route.request().url()).host);
      return route.fulfill({ status: 200, body: '{}', headers: { 'access-control-allow-origin': '*' } });
    });
    const outcome = await app.page.evaluate(async () => {
      const result = {};
      // In a task of the page's own: code evaluated by the test driver itself may eval.
      await new Promise((done) =>
        setTimeout(() => {
          try {
            result.eval = String(globalThis.eval('1 + 1'));
          } catch (error) {
            result.eval = error.name;
          }
          done();
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      result.inline = window.inlineRan === true;
      for (const url of [
        'https://cognito-idp.eu-west-3.amazonaws.com/',
        'https://cognito-idp.cn-north-1.amazonaws.com.cn/',
        'https://cognito-idp.us-gov-west-1.amazonaws.com/',
        'https://attacker-bucket.s3.amazonaws.com/',
        'https://cognito-idp.eu-west-3.amazonaws.com.example.net/',
        'https://example.net/',
        'http://192.0.2.1:4566/',
      ]) {
        try {
          await fetch(url, { method: 'POST', body: 'x' });
          result[url] = 'sent';
        } catch {
          result[url] = 'blocked';
        }
      }
      return result;
    });
    assert.equal(outcome.eval, 'EvalError');
    assert.equal(outcome.inline, false);
    assert.equal(outcome['https://cognito-idp.eu-west-3.amazonaws.com/'], 'sent');
    assert.equal(outcome['https://cognito-idp.cn-north-1.amazonaws.com.cn/'], 'sent');
    assert.equal(outcome['https://cognito-idp.us-gov-west-1.amazonaws.com/'], 'sent');
    assert.equal(outcome['https://attacker-bucket.s3.amazonaws.com/'], 'blocked');
    assert.equal(outcome['https://cognito-idp.eu-west-3.amazonaws.com.example.net/'], 'blocked');
    assert.equal(outcome['https://example.net/'], 'blocked');
    assert.equal(outcome['http://192.0.2.1:4566/'], 'blocked');
    assert.deepEqual(reached.sort(), [
      'cognito-idp.cn-north-1.amazonaws.com.cn',
      'cognito-idp.eu-west-3.amazonaws.com',
      'cognito-idp.us-gov-west-1.amazonaws.com',
    ]);
    // Reports are queued as tasks: wait for each blocked action's.
    const expected = [
      'script-src eval',
      'script-src-elem inline',
      'connect-src https://attacker-bucket.s3.amazonaws.com/',
      'connect-src https://cognito-idp.eu-west-3.amazonaws.com.example.net/',
      'connect-src https://example.net/',
      'connect-src http://192.0.2.1:4566/',
    ];
    const reported = () => violations.filter((v) => v.directive).map((v) => `${v.directive} ${v.blocked}`);
    for (let waited = 0; expected.some((e) => !reported().includes(e)) && waited < 5000; waited += 50) {
      await new Promise((done) => setTimeout(done, 50));
    }
    assert.deepEqual(reported().sort(), expected.sort());
  });

  for (const [what, meta] of [
    ['JavaScript module', 'app-module'],
    ['wasm', 'app-wasm'],
  ]) {
    test(`a ${what} that does not match its integrity is not run, and the page says so`, async () => {
      const path = elements(parsed, 'meta').find((m) => m.name === meta).content;
      // One byte more than the build made, as a tampering proxy or CDN would serve it.
      let tampered = 0;
      await app.page.route(new URL(path, server.url).href, async (route) => {
        tampered += 1;
        const response = await route.fetch();
        const body = Buffer.concat([await response.body(), Buffer.from([0x20])]);
        await route.fulfill({ response, body });
      });
      await app.page.goto(server.url);
      const notice = app.page.getByRole('alert');
      await notice.waitFor();
      assert.match(await notice.textContent(), /could not start/);
      assert.equal(await app.heading.count(), 0);
      // Each fetch of the file (the preload, then the checked load) failed its integrity check.
      const digestErrors = app.errors.filter((e) => /Failed to find a valid digest in the 'integrity' attribute/.test(e));
      assert.ok(tampered >= 1);
      assert.equal(digestErrors.length, tampered, JSON.stringify(app.errors));
      assert.deepEqual(violations, []);
    });
  }

  test('framed by another site, the console refuses to run and says why', async () => {
    const framer = await serveFramer(server.url);
    await app.page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => (window.appStarted = true)));
    try {
      // The console itself, on its own, starts (the event start.js dispatches is seen).
      await app.open(server.url);
      assert.equal(await app.page.evaluate(() => window.appStarted), true);
      await app.page.goto(framer.url);
      const frame = app.page.frameLocator('iframe');
      const notice = frame.getByRole('alert');
      await notice.waitFor();
      assert.match(await notice.textContent(), /does not run inside a frame/);
      const link = notice.getByRole('link', { name: 'Open it in a tab of its own' });
      assert.equal(await link.getAttribute('href'), server.url);
      assert.equal(await link.getAttribute('target'), '_blank');
      // The app never started: no heading, no form, no wasm instance.
      assert.equal(await frame.getByRole('heading', { level: 1 }).count(), 0);
      assert.equal(await frame.locator('main, nav').count(), 0);
      const framed = app.page.frames().find((f) => f.url() === server.url);
      assert.equal(await framed.evaluate(() => window.appStarted ?? false), false);
      assert.deepEqual(violations, []);
      assert.deepEqual(app.errors, []);
    } finally {
      await framer.close();
    }
  });
});

/** Clicks `link` (an `<a download>`) and returns the file: `{ name, text }`. */
async function download(link) {
  const [file] = await Promise.all([link.page().waitForEvent('download'), link.click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
