// Benchmark (not a test): prints figures, asserts nothing about time. Run with `make bench`,
// which builds the console and the floor page (bench/floor: one input, one finding, the same
// release profile and wasm-opt settings) first. For each, in Debian's headless Chromium:
//  - asset sizes: raw, gzip -9 and brotli (quality 11), and the wasm's code and data sections;
//  - navigation -> interactive (the input the test types into is in the DOM), median of runs;
//  - an input event on a field -> its finding in the DOM (and gone again), median and p90; for
//    the console with the whole form rendered (a request with all 115 paths imported);
// and the console's figures as ratios to the floor's (the issue's goal: both at most 2).
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { serveDist } from './server.mjs';
import { launchChromium } from './browser.mjs';
import { importMaximal, keystrokes, MINIMUM_LENGTH } from './keystrokes.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const DIST = resolve(process.env.DIST ?? join(here, '../../dist'));
const FLOOR = resolve(process.env.FLOOR_DIST ?? join(here, '../../target/floor-dist'));
const RUNS = Number(process.env.RUNS ?? 15);
const KEYS = Number(process.env.KEYS ?? 40);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} KB`;


/** The sizes of the files of `dist`: [{ name, raw, gzip, brotli }] and their total. */
async function sizes(dist) {
  const files = [];
  for (const name of (await readdir(dist)).sort()) {
    const body = await readFile(join(dist, name));
    files.push({
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const total = { name: 'total', raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of ['raw', 'gzip', 'brotli']) total[k] += f[k];
  return { files, total };
}

/** The byte size of each section of a wasm module (code, data, custom sections by name, ...). */
function wasmSections(bytes) {
  const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  let at = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const out = {};
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    let name = names[id] ?? `section ${id}`;
    if (id === 0) {
      const start = at;
      const length = leb();
      name = `custom "${Buffer.from(bytes.subarray(at, at + length)).toString()}"`;
      at = start;
    }
    out[name] = (out[name] ?? 0) + size;
    at += size;
  }
  return out;
}

/** Navigation -> interactive, over RUNS fresh page loads: the times `ready` became true. */
async function startup(browser, url, selector) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await browser.context.newPage();
    await page.goto(url);
    const ready = await page.waitForFunction(
      (s) => (document.querySelector(s) ? performance.now() : false),
      selector,
      { polling: 'raf' },
    );
    times.push(await ready.jsonValue());
    await page.close();
  }
  return times;
}

const console_ = { dist: DIST, ready: '[data-pointer="/UserPoolId"] input' };
const floor = { dist: FLOOR, ready: '#min' };

const browser = await launchChromium();
const servers = [];
try {
  const results = {};
  for (const [name, target] of [['console', console_], ['floor', floor]]) {
    const server = await serveDist(target.dist);
    servers.push(server);
    const size = await sizes(target.dist);
    const wasmFile = size.files.find((f) => f.name.endsWith('.wasm'));
    const sections = wasmSections(await readFile(join(target.dist, wasmFile.name)));
    const start = await startup(browser, server.url, target.ready);
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(target.ready);
    let keys;
    if (name === 'console') {
      await importMaximal(page);
      keys = await keystrokes(page, MINIMUM_LENGTH, KEYS);
    } else {
      keys = await keystrokes(page, { input: '#min', finding: '.finding[data-rule="R-PWD-01"]', bad: '5', good: '12' }, KEYS);
    }
    await page.close();
    results[name] = { size, sections, start, keys };

    console.log(`\n${name} (${target.dist})`);
    for (const f of [...size.files, size.total]) {
      console.log(`  ${f.name.padEnd(44)} raw ${kb(f.raw).padStart(9)}  gzip ${kb(f.gzip).padStart(9)}  brotli ${kb(f.brotli).padStart(9)}`);
    }
    console.log(`  wasm sections: ${Object.entries(sections).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
    console.log(`  navigation -> interactive: median ${ms(median(start))}  p90 ${ms(p90(start))}  (${RUNS} loads)`);
    console.log(`  input -> finding shown:    median ${ms(median(keys.appear))}  p90 ${ms(p90(keys.appear))}  (${KEYS} keystrokes)`);
    console.log(`  input -> finding cleared:  median ${ms(median(keys.clear))}  p90 ${ms(p90(keys.clear))}`);
  }
  const c = results.console;
  const f = results.floor;
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log('\nconsole / floor (goal: at most 2)');
  console.log(`  total gzip size:            ${ratio(c.size.total.gzip, f.size.total.gzip)}  (${kb(c.size.total.gzip)} / ${kb(f.size.total.gzip)})`);
  console.log(`  navigation -> interactive:  ${ratio(median(c.start), median(f.start))}`);
  console.log(`  input -> finding shown:     ${ratio(median(c.keys.appear), median(f.keys.appear))}`);
  console.log(`  input -> finding cleared:   ${ratio(median(c.keys.clear), median(f.keys.clear))}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
