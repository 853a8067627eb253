import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  addressRange,
  createAddressPolicy,
  isAllowHostEntry,
  isPublicAddress,
  normaliseHost,
} from "../../src/fetch/address-policy.ts";

const PUBLIC = [
  "93.184.216.34",
  "8.8.8.8",
  "1.1.1.1",
  "2606:4700:4700::1111",
  "2a00:1450:4001::200e",
];

const NON_PUBLIC: Readonly<Record<string, string>> = {
  "127.0.0.1": "loopback",
  "127.0.0.2": "loopback",
  "10.0.0.1": "private",
  "172.16.5.4": "private",
  "192.168.1.1": "private",
  "169.254.1.1": "linkLocal",
  "169.254.169.254": "metadata",
  "100.100.100.200": "metadata",
  "fd00:ec2::254": "metadata",
  "0.0.0.0": "unspecified",
  "0.1.2.3": "unspecified",
  "100.64.0.1": "carrierGradeNat",
  "224.0.0.1": "multicast",
  "255.255.255.255": "broadcast",
  "240.0.0.1": "reserved",
  "192.0.2.1": "reserved",
  "198.18.0.1": "reserved",
  "::": "unspecified",
  "::1": "loopback",
  "fe80::1": "linkLocal",
  "fc00::1": "uniqueLocal",
  "fd12:3456::1": "uniqueLocal",
  "ff02::1": "multicast",
  "::ffff:127.0.0.1": "loopback",
  "::ffff:10.0.0.1": "private",
  "::ffff:169.254.169.254": "metadata",
  "64:ff9b::a00:1": "rfc6052",
  "2002:a00:1::": "6to4",
  "2001:db8::1": "reserved",
  "::a00:1": "reserved",
};

test("public unicast addresses are public", () => {
  for (const address of PUBLIC) assert.ok(isPublicAddress(address), address);
});

test("loopback, private, link-local, metadata, CGNAT, multicast and reserved are not", () => {
  for (const [address, range] of Object.entries(NON_PUBLIC)) {
    assert.not.ok(isPublicAddress(address), address);
    assert.is(addressRange(address), range, address);
  }
});

test("an empty allowlist refuses every non-public address, whatever the host", () => {
  const policy = createAddressPolicy([]);
  assert.equal(policy.check("intranet.example", "10.0.0.1"), { allowed: false, range: "private" });
  assert.equal(policy.check("127.0.0.1", "127.0.0.1"), { allowed: false, range: "loopback" });
  assert.equal(policy.check("news.example", "93.184.216.34"), { allowed: true });
});

test("verdicts stay right when asked again, and after thousands of other addresses", () => {
  const policy = createAddressPolicy(["wiki.corp.example"]);
  const first = policy.check("wiki.corp.example", "10.1.2.3");
  // The same address for another host name is another question.
  assert.equal(policy.check("other.example", "10.1.2.3"), { allowed: false, range: "private" });
  for (let n = 0; n < 5000; n++) {
    const address = `10.${(n >> 8) & 255}.${n & 255}.7`;
    assert.not.ok(policy.check("elsewhere.example", address).allowed, address);
  }
  assert.equal(policy.check("wiki.corp.example", "10.1.2.3"), first);
  assert.ok(first.allowed);
});

test("a listed host name may resolve anywhere except to a metadata address", () => {
  const policy = createAddressPolicy(["Wiki.Corp.Example."]);
  assert.ok(policy.check("wiki.corp.example", "10.1.2.3").allowed);
  assert.ok(policy.check("WIKI.corp.example.", "fd00::5").allowed);
  assert.not.ok(policy.check("other.corp.example", "10.1.2.3").allowed);
  assert.equal(policy.check("wiki.corp.example", "169.254.169.254"), {
    allowed: false,
    range: "metadata",
  });
});

test("a *.suffix entry covers subdomains, not look-alikes", () => {
  const policy = createAddressPolicy(["*.corp.example"]);
  assert.ok(policy.check("blog.corp.example", "10.0.0.7").allowed);
  assert.ok(policy.check("a.b.corp.example", "10.0.0.7").allowed);
  assert.not.ok(policy.check("evilcorp.example", "10.0.0.7").allowed);
  assert.not.ok(policy.check("corp.example.evil", "10.0.0.7").allowed);
});

test("IP and CIDR entries allow addresses, for any host name, metadata included", () => {
  const policy = createAddressPolicy(["10.20.0.0/16", "127.0.0.2", "169.254.169.254"]);
  assert.ok(policy.check("wiki.internal", "10.20.3.4").allowed);
  assert.not.ok(policy.check("wiki.internal", "10.21.3.4").allowed);
  assert.ok(policy.check("127.0.0.2", "127.0.0.2").allowed);
  assert.ok(policy.check("x", "::ffff:127.0.0.2").allowed);
  assert.not.ok(policy.check("127.0.0.1", "127.0.0.1").allowed);
  assert.ok(policy.check("169.254.169.254", "169.254.169.254").allowed);
});

test("allowlist entries are validated", () => {
  for (const entry of [
    "feeds.example",
    "*.corp.example",
    "10.0.0.0/8",
    "::1",
    "[::1]",
    "fd00::/8",
    "intranet",
  ]) {
    assert.ok(isAllowHostEntry(entry), entry);
  }
  for (const entry of [
    "",
    "*",
    "http://x",
    "a b",
    "10.0.0.0/33",
    "feeds.example/path",
    "-bad.example",
  ]) {
    assert.not.ok(isAllowHostEntry(entry), entry);
  }
});

test("hosts are compared without brackets, case or trailing dot", () => {
  assert.is(normaliseHost("[::1]"), "::1");
  assert.is(normaliseHost("Feeds.Example."), "feeds.example");
});

test.run();
