// Debian's Chromium driven by playwright-core. No browser is ever downloaded: the executable is
// /usr/bin/chromium (installed by tools/setup.sh), started with a fresh, empty profile.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Headless, as root, and no background traffic: this machine reaches no host but its own.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium with a new user-data dir.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium() {
  const profile = await mkdtemp(join(tmpdir(), 'pool-console-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
