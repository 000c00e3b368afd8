import { BlockList, isIP } from 'node:net';

export interface Cidr {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.1.2.0/24` or `fd00::/8`; a bare address is a network of one. Null when it is neither. */
export function parseCidr(text: string): Cidr | null {
  const [address, prefixText, ...rest] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const longest = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? longest : Number(prefixText);
  return prefix <= longest ? { address, prefix, family } : null;
}

/**
 * Every address range that is not the public internet (IANA special-purpose registries, RFC 6890
 * and later): loopback, private, shared (carrier NAT), link-local (cloud metadata at 169.254.169.254),
 * unique-local, multicast, documentation, benchmarking, reserved, and the translation prefixes that
 * could carry one of those. IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
const NOT_PUBLIC: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/96', // unspecified, loopback and the deprecated IPv4-compatible addresses
  '64:ff9b::/96',
  '64:ff9b:1::/48',
  '100::/64',
  '2001::/23',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
];

function blockListOf(networks: readonly Cidr[]): BlockList {
  const list = new BlockList();
  for (const { address, prefix, family } of networks) list.addSubnet(address, prefix, family);
  return list;
}

/**
 * Which addresses an outbound request may connect to: public ones, and the private networks the
 * operator allowed. Checked on the address actually connected to, after resolution.
 */
export class OutboundAddressPolicy {
  private readonly notPublic = blockListOf(NOT_PUBLIC.map((network) => parseCidr(network)!));
  private readonly allowed: BlockList;

  constructor(allowedNetworks: readonly Cidr[]) {
    this.allowed = blockListOf(allowedNetworks);
  }

  permits(address: string): boolean {
    const version = isIP(address);
    if (version === 0) return false;
    const family = version === 4 ? 'ipv4' : 'ipv6';
    // BlockList matches an IPv4-mapped IPv6 address (::ffff:a.b.c.d) against the IPv4 networks too.
    return !this.notPublic.check(address, family) || this.allowed.check(address, family);
  }
}
