// Starts the console. This module replaces trunk's inline start-up script, so that the page's
// Content-Security-Policy allows no inline script at all (see index.html and the README).
//
// index.html loads it with <script data-trunk type="module" src="start.js">: trunk copies it
// under a hashed name with an `integrity` attribute. Trunk.toml's `pattern_script` makes trunk
// write, instead of its inline script, two <meta> elements naming the wasm-bindgen module and
// the wasm file it built; trunk's preload links for both carry their integrity (SRI).
//
// The console refuses to run inside a frame: a page that frames it could hide or overlay its
// controls (clickjacking), and a <meta> policy cannot carry `frame-ancestors`.

/** Shows `parts` (text and nodes) in a paragraph at the end of the body. */
function notice(...parts) {
  const paragraph = document.createElement('p');
  paragraph.className = 'noscript';
  paragraph.setAttribute('role', 'alert');
  paragraph.append(...parts);
  document.body.append(paragraph);
}

/** The `content` of `<meta name="…">`. */
function meta(name) {
  const content = document.querySelector(`meta[name="${name}"]`)?.content;
  if (!content) throw new Error(`index.html has no <meta name="${name}"> (see Trunk.toml's pattern_script)`);
  return content;
}

/** The `integrity` of trunk's preload link for `url`, or "" when it has none. */
function integrity(url) {
  const href = new URL(url, document.baseURI).href;
  const link = [...document.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].find(
    (candidate) => candidate.href === href,
  );
  return link?.integrity ?? '';
}

/**
 * The exports of the module at `path`, loaded through a `<script type="module" integrity>` so
 * that the browser checks its digest. `import()` alone would not: when the modulepreload of a
 * tampered file fails its check, Chromium fetches the file again for `import()`, unchecked.
 * Once the script element has loaded it, `import()` takes the checked module from the page's
 * module map.
 */
function importChecked(path) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = 'anonymous';
    script.integrity = integrity(path);
    script.src = path;
    script.addEventListener('load', () => resolve(import(script.src)));
    script.addEventListener('error', () => reject(new Error(`${path} did not load or does not match its integrity`)));
    document.head.append(script);
  });
}

async function start() {
  const modulePath = meta('app-module');
  const wasmPath = meta('app-wasm');
  const { default: init } = await importChecked(modulePath);
  // The same request as trunk's <link rel="preload" as="fetch" crossorigin integrity="…">,
  // with the integrity, which Chromium ignores on that preload: the browser checks the wasm's
  // digest here.
  const wasmRequest = new Request(wasmPath, {
    integrity: integrity(wasmPath),
    mode: 'cors',
    credentials: 'same-origin',
  });
  const wasm = await init({ module_or_path: wasmRequest });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}

if (window.top !== window) {
  const link = document.createElement('a');
  link.href = location.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = 'Open it in a tab of its own';
  notice(
    'Cognito Pool Console does not run inside a frame of another page, since that page could ' +
      'hide or overlay its controls. ',
    link,
    '.',
  );
} else {
  start().catch((error) => {
    console.error('Cognito Pool Console could not start:', error);
    notice(`Cognito Pool Console could not start: ${error?.message ?? error}. Reload the page to try again.`);
  });
}
