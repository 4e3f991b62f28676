import { readFile } from 'node:fs/promises';
import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
const request = JSON.parse(await readFile('../fixtures/maximal_request.json', 'utf8'));
request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';
const browser = await launchChromium();
const server = await serveDist(process.env.DIST);
const page = await browser.context.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-pointer="/UserPoolId"] input');
await page.getByLabel('Import JSON').fill(JSON.stringify(request));
await page.getByRole('button', { name: 'Import', exact: true }).click();
const MIN = '/Policies/PasswordPolicy/MinimumLength';
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const t = await page.evaluate(async (MIN) => {
  const field = document.querySelector(`[data-pointer="${MIN}"] input`);
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) {
    field.value = i % 2 ? '12' : '5';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
  }
  return performance.now() - t0;
}, MIN);
const { profile } = await cdp.send('Profiler.stop');
console.log('total ms', t.toFixed(1), 'per key', (t / 200).toFixed(3));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
// inclusive by walking parents
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, us] of counts) {
  const n = byId.get(id);
  const k = n.callFrame.functionName || '(anon)';
  self.set(k, (self.get(k) ?? 0) + us);
  const seen = new Set();
  let cur = id;
  while (cur !== undefined) {
    const nm = byId.get(cur).callFrame.functionName || '(anon)';
    if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + us); }
    cur = parent.get(cur);
  }
}
const show = (m, title) => { console.log(title); [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log((v / 200 / 1000).toFixed(3).padStart(8), 'ms/key', k.slice(0, 150))); };
show(self, 'SELF');
show(incl, 'INCLUSIVE');
await browser.close?.(); process.exit(0);
