// The local Cognito peer (tests/peer/cognito_peer.py: moto with SigV4 verification, CORS and
// AWS-shaped errors) as a child process of the end-to-end tests, on 127.0.0.1 and a free port.
// It runs with tools/venv's Python, which tools/setup.sh installs.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PYTHON = join(ROOT, 'tools/venv/bin/python');
const PEER = join(ROOT, 'tests/peer/cognito_peer.py');
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
/** How much of the peer's stderr (its request log and tracebacks) an error message shows. */
const STDERR_TAIL = 8_000;

/**
 * @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken: string,
 *   expiration: string }} TemporaryCredentials  expiration: ISO 8601, e.g. 2026-11-22T18:44:27Z
 * @typedef {{ accessKeyId: string, secretAccessKey: string }} AdminKey
 * @typedef {{ console: TemporaryCredentials, readonly: TemporaryCredentials, admin: AdminKey }} PeerCredentials
 */

/**
 * Starts a peer and waits until it listens.
 *
 * The credentials it returns were minted at start-up for 12 hours: `console` may call every
 * cognito-idp operation, `readonly` only DescribeUserPool and ListUserPools, `admin` is an IAM
 * user's key (allowed everything, no session token).
 *
 * @param {{ maxSkew?: number }} [options] maxSkew: seconds X-Amz-Date may be off (0: no check)
 * @returns {Promise<{
 *   endpoint: string, region: string, creds: PeerCredentials, pid: number,
 *   mint: (role?: 'console' | 'readonly', durationSeconds?: number) => Promise<TemporaryCredentials>,
 *   reset: () => Promise<void>,
 *   fault: (target: string, error: string, status?: number, count?: number) => Promise<object>,
 *   cognito: (target: string, body?: object) => Promise<any>,
 *   stop: () => Promise<void>,
 *   restart: () => Promise<void>,
 * }>}
 */
export async function startPeer({ maxSkew = 300 } = {}) {
  // The same seed on restart: the peer that comes back accepts the credentials of the one before.
  const seed = randomInt(1, 2 ** 31);
  let running = await launch({ port: 0, maxSkew, seed });

  /** POST to one of the peer's test helpers; the parsed JSON answer, or an error. */
  async function helper(path, body) {
    const response = await fetch(`${peer.endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = new Error(`${path}: HTTP ${response.status} ${text}`);
      Object.assign(error, { status: response.status, body: parsed });
      throw error;
    }
    return parsed;
  }

  const peer = {
    endpoint: running.creds.endpoint,
    region: running.creds.region,
    creds: pick(running.creds),
    get pid() {
      return running.child.pid;
    },

    /** Fresh temporary credentials of a role, valid for `durationSeconds`. */
    mint: (role = 'console', durationSeconds = 3600) =>
      helper(`/peer-api/credentials?role=${encodeURIComponent(role)}&duration=${durationSeconds}`),

    /** Deletes every user pool; the credentials stay valid. */
    reset: async () => {
      await helper('/peer-api/reset-cognito');
    },

    /**
     * Runs a cognito-idp operation as the admin (`target` without the service prefix, e.g.
     * 'CreateUserPool'); moto's JSON result. An error answer throws an Error with `status` and
     * `body` ({ __type, message }).
     */
    cognito: (target, body = {}) => helper('/peer-api/cognito', { target, body }),

    /**
     * The next `count` signed calls of operation `target` are answered with error `error`
     * (HTTP `status`) instead of reaching moto; a reset drops what is left.
     */
    fault: (target, error, status = 400, count = 1) =>
      helper('/peer-api/faults', { target, error, status, count }),

    /** SIGTERM by PID; resolves once the process has exited (SIGKILL after 10 s). */
    stop: () => stopProcess(running.child),

    /** Stops the peer if it runs, then starts a new one on the same port, with no user pools. */
    restart: async () => {
      await stopProcess(running.child);
      running = await launch({ port: new URL(peer.endpoint).port, maxSkew, seed });
      peer.creds = pick(running.creds);
    },
  };
  return peer;
}

function pick({ console, readonly, admin }) {
  return { console, readonly, admin };
}

/** Spawns the peer; its child process and the credentials file it wrote, once it is READY. */
async function launch({ port, maxSkew, seed }) {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-peer-'));
  const credsFile = join(dir, 'creds.json');
  const args = [PEER, '--port', String(port), '--max-skew', String(maxSkew), '--seed', String(seed)];
  const child = spawn(PYTHON, [...args, '--creds-out', credsFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });

  try {
    await new Promise((resolve, reject) => {
      let settled = false;
      const settle = () => {
        const first = !settled;
        settled = true;
        clearTimeout(timer);
        return first;
      };
      const fail = (reason) => {
        if (!settle()) return;
        if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
        // Let the last of stderr arrive before quoting it.
        setTimeout(() => reject(new Error(`cognito peer: ${reason}\n--- its stderr ---\n${stderr}`)), 100);
      };
      const timer = setTimeout(() => fail(`not READY within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
      child.on('error', (error) => fail(`cannot run ${PYTHON} (run tools/setup.sh): ${error.message}`));
      child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was READY`));
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('cognito_peer READY ') && settle()) resolve();
      });
    });
    const creds = JSON.parse(await readFile(credsFile, 'utf8'));
    return { child, creds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** SIGTERM to the child's PID, SIGKILL if it has not exited after STOP_TIMEOUT_MS. */
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => process.kill(child.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
