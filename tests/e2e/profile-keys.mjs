// Profile (not a test): prints where the time of a keystroke goes, asserts nothing. Run with
// `make profile-keys`, which builds a copy of dist/ whose wasm keeps its function names. As in
// `make bench` (tests/e2e/keystrokes.mjs), the console imports a request with all 115 paths,
// then a bad and a good MinimumLength are typed KEYS times each, each time until the finding
// shows or clears; here under Chromium's sampling profiler. Printed: the mean time per
// keystroke, then milliseconds per keystroke by function, self and inclusive (a function
// counted once per sample however often it is on the stack).
import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { importMaximal, keystrokes, MINIMUM_LENGTH } from './keystrokes.mjs';

const DIST = process.env.DIST;
const KEYS = Number(process.env.KEYS ?? 150);
const TOP = Number(process.env.TOP ?? 40);

if (!DIST) throw new Error('DIST must name the dist/ copy to profile (make profile-keys sets it)');

/** Self and inclusive microseconds by function name, from a CDP profile. */
function tally(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => (n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 160);
  const self = new Map();
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const leaf = name(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = name(byId.get(at));
      if (!seen.has(n)) {
        seen.add(n);
        inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
      }
    }
  });
  return { self, inclusive };
}

const browser = await launchChromium();
const server = await serveDist(DIST);
try {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-pointer="/UserPoolId"] input');
  await importMaximal(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
  await cdp.send('Profiler.start');
  const times = await keystrokes(page, MINIMUM_LENGTH, KEYS);
  const { profile } = await cdp.send('Profiler.stop');
  const { self, inclusive } = tally(profile);
  const ms = (us) => (us / 1000 / (2 * KEYS)).toFixed(3).padStart(7);
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const all = [...times.appear, ...times.clear];
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  console.log(`${all.length} keystrokes, ${mean.toFixed(3)} ms each (mean, profiler running)`);
  console.log('\nms per keystroke, self:');
  for (const [n, us] of top(self)) console.log(`${ms(us)}  ${n}`);
  console.log('\nms per keystroke, inclusive:');
  for (const [n, us] of top(inclusive)) console.log(`${ms(us)}  ${n}`);
} finally {
  await browser.close();
  await server.close();
}
