import { describe, expect, it } from "vitest";
import { clientIpOf } from "./client-ip.ts";

const headers = (xff: string | null) => new Headers(xff === null ? {} : { "x-forwarded-for": xff });

describe("clientIpOf (X-Forwarded-For × trusted proxies → client IP)", () => {
  it.each([
    // No proxy: the entry Next.js wrote (the connection's address) is the only one.
    ["no header", null, 0, null],
    ["the connection, as Next.js writes it", "198.51.100.7", 0, "198.51.100.7"],
    ["no proxy: the last entry", "10.0.0.1, 198.51.100.7", 0, "198.51.100.7"],
    // One proxy appends the address it was reached from; what the client wrote is ignored.
    ["one proxy", "198.51.100.7", 1, "198.51.100.7"],
    ["one proxy, a client-written entry before it", "6.6.6.6, 198.51.100.7", 1, "198.51.100.7"],
    ["two proxies", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2, "198.51.100.7"],
    ["fewer entries than proxies: the leftmost", "198.51.100.7", 3, "198.51.100.7"],
    // Forms of addresses.
    ["IPv4 with a port", "198.51.100.7:51234", 1, "198.51.100.7"],
    ["IPv4-mapped IPv6", "::ffff:198.51.100.7", 1, "198.51.100.7"],
    ["IPv6: its /64", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", 1, "2001:db8:1:2::/64"],
    ["IPv6 compressed: the same /64", "2001:db8:1:2::9", 1, "2001:db8:1:2::/64"],
    ["IPv6 with leading zeros", "2001:0db8:0001:0002::1", 1, "2001:db8:1:2::/64"],
    ["IPv6 short prefix", "2001:db8::1", 1, "2001:db8:0:0::/64"],
    ["IPv6 loopback", "::1", 1, "0:0:0:0::/64"],
    ["IPv6 bracketed with a port", "[2001:db8:1:2::9]:443", 1, "2001:db8:1:2::/64"],
    ["IPv6 with a zone", "fe80::1%eth0", 1, "fe80:0:0:0::/64"],
    // Not an address.
    ["garbage", "not-an-ip", 1, null],
    ["empty entries", " , ,", 1, null],
    ["unknown (some proxies write it)", "unknown", 0, null],
  ] as const)("%s: %j, %d → %j", (_label, xff, proxies, expected) => {
    expect(clientIpOf(headers(xff), proxies)).toBe(expected);
  });
});
