import { readFile } from 'node:fs/promises';
import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
const request = JSON.parse(await readFile('../fixtures/maximal_request.json', 'utf8'));
request.VerificationMessageTemplate.EmailMessage = 'Your verification code is {####}';
const MIN = '/Policies/PasswordPolicy/MinimumLength';
const browser = await launchChromium();
const server = await serveDist(process.argv[2]);
const page = await browser.context.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-pointer="/UserPoolId"] input');
await page.getByLabel('Import JSON').fill(JSON.stringify(request));
await page.getByRole('button', { name: 'Import', exact: true }).click();
await page.waitForTimeout(500);
const cdp = await browser.context.newCDPSession(page);
for (let round = 0; round < 3; round++) {
  const r = await page.evaluate(async ({MIN}) => {
    const field = document.querySelector(`[data-pointer="${MIN}"] input`);
    for (let i = 0; i < 100; i++) {
      field.value = i % 2 ? '12' : '5';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise(r => setTimeout(r, 0));
    }
    return document.getElementsByTagName('*').length;
  }, {MIN});
  await cdp.send('HeapProfiler.collectGarbage');
  const mem = (await cdp.send('Performance.getMetrics').catch(()=>({metrics:[]}))).metrics;
  await cdp.send('Performance.enable');
  const mm = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(x => [x.name, x.value]));
  const wasmMem = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  console.log('round', round, 'elements in document', r, 'Nodes metric', mm.Nodes, 'JS heap', (mm.JSHeapUsedSize/1e6).toFixed(1), 'MB');
}
await browser.close(); process.exit(0);
