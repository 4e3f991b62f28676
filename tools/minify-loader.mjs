// trunk post_build hook (Trunk.toml, bench/floor/Trunk.toml): minifies wasm-bindgen's JS loader
// in release builds, and puts the minified file's hash in the page's integrity attributes.
//
// trunk tries to minify the loader itself, but its minifier cannot parse `export default` and
// leaves the file as it is ("Failed to minify JS"). terser (tools/package.json) can: 35.7 KB
// become 16 KB, 1.7 KB less gzip. The page loads the loader with sub-resource integrity, so the
// sha384 in index.html must be the minified file's; the old hash is replaced wherever it is,
// and the hook fails if it is nowhere.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const fail = (why) => {
  console.error(`minify-loader: ${why}`);
  process.exit(1);
};

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set: run it as a trunk hook');

// The loader is the one script that defines wasm-bindgen's `__wbg_init`.
const loaders = readdirSync(dir).filter(
  (name) => name.endsWith('.js') && readFileSync(join(dir, name), 'utf8').includes('function __wbg_init('),
);
if (loaders.length !== 1) fail(`expected one wasm-bindgen loader in ${dir}, found ${loaders.length}`);
const file = join(dir, loaders[0]);
const page = join(dir, 'index.html');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const original = readFileSync(file);
const { code } = await minify(original.toString('utf8'), {
  module: true,
  compress: true,
  mangle: true,
  format: { comments: false },
});
if (!code) fail(`terser returned nothing for ${loaders[0]}`);

const html = readFileSync(page, 'utf8');
const [before, after] = [sri(original), sri(code)];
if (!html.includes(before)) fail(`index.html has no integrity ${before} for ${loaders[0]}`);
writeFileSync(file, code);
writeFileSync(page, html.split(before).join(after));
console.log(`minify-loader: ${loaders[0]} ${original.length} -> ${Buffer.byteLength(code)} B`);
