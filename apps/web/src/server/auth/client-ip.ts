import { isIP } from "node:net";

// The client IP that sign-in links are throttled by (issue 13, item 7).
//
// Next.js hands a route no socket address; its server writes the connection's address into
// X-Forwarded-For instead, but only when the request has no such header. So:
// - behind N trusted reverse proxies (LANTERN_TRUSTED_PROXIES=N), each of which appends the
//   address it was reached from, the client is the N-th entry from the right — entries further
//   left were written by the client and are ignored;
// - with no trusted proxy (0, the default), the last entry is the connection's address when
//   the client sent no header, and whatever the client claims when it sent one. The per-address
//   limit does not depend on it; deployments reachable from the internet put Lantern behind a
//   proxy and set LANTERN_TRUSTED_PROXIES.
// IPv6 addresses are counted per /64 (one host usually holds a whole /64).

/** An address as one entry of X-Forwarded-For may write it: bare, bracketed, or with a port. */
function parseAddress(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  const mapped = /^::ffff:([\d.]+)$/i.exec(value);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  switch (isIP(value)) {
    case 4:
      return value;
    case 6:
      return ipv6Prefix64(value);
    default:
      return null;
  }
}

/** The first four groups of an IPv6 address, written out: its /64 network. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (a.b.c.d) only ever sits in the low 64 bits; it counts as two groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes(".") ? 2 : 1), 0);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - width(left) - width(right)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address from the request headers, given how many trusted proxies stand in front
 * of Lantern; null when there is none that reads as an IP address.
 */
export function clientIpOf(headers: Headers, trustedProxies: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - Math.max(1, trustedProxies));
  return parseAddress(entries[index]!);
}
