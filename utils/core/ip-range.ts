// Addresses that belong to the user's own machine or network, or to no one: private, loopback,
// link-local (incl. the cloud metadata address 169.254.169.254), CGNAT, unspecified, multicast
// and reserved ranges. Nothing the extension blocks, allows or downloads from may be one of them
// (a list blocking 192.168.1.1 would hide a router's admin page; a download redirected to
// 127.0.0.1 would reach a service on the user's machine). Pure and dependency-free.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a dotted-quad IPv4 address in a non-public range. */
export function isNonPublicIpv4(host: string): boolean {
  const m = IPV4.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT (RFC 6598)
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && Number(m[3]) === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** True for an IPv6 literal (no brackets) in a non-public range, IPv4-mapped ones included. */
export function isNonPublicIpv6(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (!h.includes(':')) return false;
  if (h === '::' || h === '::1') return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(h);
  if (mapped) return isNonPublicIpv4(mapped[1]!);
  // The URL parser writes mapped IPv4 in hex (::ffff:7f00:1): treat every mapped form as non-public.
  if (h.startsWith('::ffff:')) return true;
  const first = parseInt(h.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 // multicast
  );
}

/** An IP literal of either family in a non-public range. */
export function isNonPublicAddress(host: string): boolean {
  return isNonPublicIpv4(host) || isNonPublicIpv6(host);
}

/** A literal IP address (v4 dotted quad or v6), as opposed to a host name. */
export function isIpLiteral(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}
