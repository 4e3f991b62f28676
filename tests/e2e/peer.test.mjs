// The peer.mjs helper on its own, without a browser: it starts the local Cognito peer, runs
// operations through the peer's helpers, stops it by PID and brings it back on the same port.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';

import { startPeer } from './peer.mjs';

/** Resolves to 'connected' or to the connection error's code (e.g. 'ECONNREFUSED'). */
function tryConnect(endpoint) {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error) => resolve(error.code));
  });
}

describe('the local Cognito peer helper (peer.mjs)', () => {
  let peer;

  before(async () => {
    peer = await startPeer();
  });

  after(async () => {
    await peer?.stop();
  });

  test('starts on loopback with credentials of every kind', () => {
    assert.match(peer.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(peer.region, 'us-east-1');
    for (const role of ['console', 'readonly']) {
      assert.match(peer.creds[role].accessKeyId, /^ASIA/);
      assert.ok(peer.creds[role].sessionToken);
      assert.ok(Date.parse(peer.creds[role].expiration) > Date.now());
    }
    assert.match(peer.creds.admin.accessKeyId, /^AKIA/);
  });

  test('runs cognito-idp operations as the admin', async () => {
    const created = await peer.cognito('CreateUserPool', { PoolName: 'from-node' });
    const { UserPools } = await peer.cognito('ListUserPools', { MaxResults: 60 });
    assert.deepEqual(
      UserPools.map((pool) => [pool.Id, pool.Name]),
      [[created.UserPool.Id, 'from-node']],
    );
    await assert.rejects(peer.cognito('DescribeUserPool', { UserPoolId: 'us-east-1_gone' }), {
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'User pool us-east-1_gone does not exist.' },
    });
  });

  test('mints credentials and resets the pools', async () => {
    const minted = await peer.mint('readonly', 900);
    assert.notEqual(minted.accessKeyId, peer.creds.readonly.accessKeyId);
    await assert.rejects(peer.mint('nobody', 900), { status: 400 });
    await peer.reset();
    assert.deepEqual(await peer.cognito('ListUserPools', { MaxResults: 60 }), { UserPools: [] });
  });

  test('stops by PID, then comes back on the same port with the same credentials', async () => {
    const { endpoint, creds, pid } = peer;
    await peer.cognito('CreateUserPool', { PoolName: 'before-restart' });
    await peer.stop();
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    assert.equal(await tryConnect(endpoint), 'ECONNREFUSED');

    await peer.restart();
    assert.notEqual(peer.pid, pid);
    assert.equal(peer.endpoint, endpoint);
    assert.equal(await tryConnect(endpoint), 'connected');
    assert.equal(peer.creds.console.sessionToken, creds.console.sessionToken);
    assert.deepEqual(await peer.cognito('ListUserPools', { MaxResults: 60 }), { UserPools: [] });
  });
});
