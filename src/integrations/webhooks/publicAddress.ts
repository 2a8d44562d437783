// Where a webhook may be sent in production: https only, to a host whose every address is public. A name
// that resolves to a loopback, private, link-local (cloud metadata at 169.254.169.254), shared, multicast
// or unspecified address, in IPv4 or IPv6 or IPv4 mapped into IPv6, is refused: a supplier's URL must not
// reach the town hall's own network (SSRF). Checked when an endpoint is registered and again before each send,
// since a name can be pointed elsewhere in between.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** An address no webhook may reach in production. */
export const isNonPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

export type Resolve = (host: string) => Promise<readonly string[]>;

const systemResolve: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface EndpointRefusal {
  readonly el: string;
  readonly en: string;
  /** The name did not resolve: it may next time, so a send is retried rather than failed. */
  readonly temporary?: boolean;
}

/** Null when the URL may be called in production; otherwise why not, in Greek and English. */
export const publicEndpointRefusal = async (url: string, resolve: Resolve = systemResolve): Promise<EndpointRefusal | null> => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { el: 'δεν είναι διεύθυνση URL', en: 'not a URL' };
  }
  if (parsed.protocol !== 'https:') return { el: 'δεκτές μόνο διευθύνσεις https://', en: 'only https:// URLs are accepted' };
  if (parsed.username || parsed.password) return { el: 'η διεύθυνση δεν πρέπει να περιέχει κωδικούς', en: 'the URL must not carry credentials' };
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { el: `το όνομα ${host} δεν βρέθηκε`, en: `the name ${host} does not resolve`, temporary: true };
  }
  if (addresses.length === 0) return { el: `το όνομα ${host} δεν βρέθηκε`, en: `the name ${host} does not resolve`, temporary: true };
  if (addresses.some(isNonPublicAddress)) return { el: 'η διεύθυνση οδηγεί σε ιδιωτικό ή τοπικό δίκτυο', en: 'the address leads to a private or local network' };
  return null;
};
