/**
 * Postal addresses: street lines in the shapes countries print them and
 * values after an address label, with code, prose and other kinds of
 * address beside them. Addresses are made up.
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";
import { postalAddressValid } from "./addresses.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const pii = (t: string) => scan(t).findings.filter((f) => f.category === "pii");

Deno.test("street lines and labelled addresses are found", () => {
  const cases: [string, string][] = [
    ["742 Evergreen Terrace, Springfield", "742 Evergreen Terrace"],
    ["Ship to: 221B Baker Street, London", "221B Baker Street"],
    ["1600 Pennsylvania Ave NW, Washington", "1600 Pennsylvania Ave"],
    ["500 Oak Rd, Apt 4B", "500 Oak Rd"],
    ["12 rue des Lilas, 75011 Paris", "12 rue des Lilas"],
    ["Hauptstraße 12, 10115 Berlin", "Hauptstraße 12"],
    ["Lindenallee 3a", "Lindenallee 3a"],
    ["Keizersgracht 123, Amsterdam", "Keizersgracht 123"],
    ["Storgatan 7, Stockholm", "Storgatan 7"],
    ["Calle Mayor 5, 28013 Madrid", "Calle Mayor 5"],
    ["Via Roma 15, Milano", "Via Roma 15"],
    ["Rua Augusta 120, Lisboa", "Rua Augusta 120"],
    ["Address: 12 High St, Leeds LS1 4AP", "12 High St, Leeds LS1 4AP"],
    ["Anschrift: Am Markt 4, 04109 Leipzig", "Am Markt 4, 04109 Leipzig"],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("code, prose and other kinds of address are not postal addresses", () => {
  for (
    const t of [
      "address: 10.0.0.1",
      "Address: 0x7ffd1234abcd",
      "Error: listen EADDRINUSE: address already in use :::3000",
      "wallet address: 0x52908400098527886E0F7030069857D2E4169EE7",
      "MAC address: 00:1A:2B:3C:4D:5E",
      "String 12",
      "toString 12",
      "connect via the proxy 8080",
      "install 3 Hauptweg",
      "return true 12",
      "section 3 Drive Setup",
      "Address: ${SHIPPING_ADDRESS}",
      "address: n/a",
      "I called 3 times all day",
      "the Ring 3 kernel",
      "use Way 2 instead",
    ]
  ) assert.deepEqual(pii(t), [], t);
  assert.ok(!postalAddressValid("already in use"));
  assert.ok(postalAddressValid("12 High St, Leeds"));
});

Deno.test("address patterns stay linear on hostile input", () => {
  for (
    const t of [
      "1 Aa ".repeat(40_000) + "Street",
      "Aaaa ".repeat(40_000) + "straße 1",
      "12 rue " + "Aa ".repeat(40_000),
      "address: " + "1 a ".repeat(40_000),
      "St ".repeat(50_000),
    ]
  ) {
    const t0 = performance.now();
    scan(t);
    assert.ok(performance.now() - t0 < 3000, t.slice(0, 20));
  }
});
