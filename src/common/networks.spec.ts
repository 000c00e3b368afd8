import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { OutboundAddressPolicy, parseCidr } from './networks.js';

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 networks and bare addresses', () => {
    assert.deepEqual(parseCidr(' 10.1.2.0/24 '), { address: '10.1.2.0', prefix: 24, family: 'ipv4' });
    assert.deepEqual(parseCidr('fd00::/8'), { address: 'fd00::', prefix: 8, family: 'ipv6' });
    assert.deepEqual(parseCidr('192.168.1.5'), { address: '192.168.1.5', prefix: 32, family: 'ipv4' });
  });

  it('refuses what is not a network', () => {
    for (const text of ['', 'intranet', '10.0.0.0/33', '::/129', '10.0.0.0/8/8', '10.0.0.0/x', '10.0.0.0/']) {
      assert.equal(parseCidr(text), null, text);
    }
  });
});

describe('OutboundAddressPolicy', () => {
  const publicOnly = new OutboundAddressPolicy([]);

  it('permits public addresses', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700::6810:85e5', '::ffff:8.8.8.8']) {
      assert.equal(publicOnly.permits(address), true, address);
    }
  });

  it('refuses loopback, private, link-local, shared, multicast and reserved addresses in every spelling', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '0.0.0.0',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::127.0.0.1',
      '64:ff9b::a00:1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '2002:7f00:1::1',
      'not an address',
    ]) {
      assert.equal(publicOnly.permits(address), false, address);
    }
  });

  it('permits the private networks the operator allowed, and only those', () => {
    const intranet = new OutboundAddressPolicy([parseCidr('10.1.2.0/24')!, parseCidr('fd00:1::/32')!]);
    assert.equal(intranet.permits('10.1.2.7'), true);
    assert.equal(intranet.permits('::ffff:10.1.2.7'), true);
    assert.equal(intranet.permits('fd00:1::5'), true);
    assert.equal(intranet.permits('10.1.3.7'), false);
    assert.equal(intranet.permits('127.0.0.1'), false);
    assert.equal(intranet.permits('169.254.169.254'), false);
  });
});
