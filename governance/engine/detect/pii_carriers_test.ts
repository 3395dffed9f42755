/**
 * PII carriers an independent set (wave 5) showed: an IBAN a PDF's text
 * wrapped onto the next line, account-holder labels in five languages, an
 * e-mail whose dot is written ` [.] `, a name signing a message with a dash
 * under the contact it gave; with the look-alikes that stay untouched.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

const out = (t: string): string => redact(t, findSensitive(t));

Deno.test("an IBAN wrapped onto the next line is joined and checked", () => {
  const t = "  IBAN: DE34586232361\n  814546771        BIC: BNPAFRPPXXX";
  assert.ok(!out(t).includes("814546771"), out(t));
  // Not a valid IBAN once joined: left alone.
  const bad = "  IBAN: DE34586232361\n  814546772        BIC: BNPAFRPPXXX";
  assert.equal(out(bad), bad);
  const next = "  IBAN: DE34586232361\n  Datum: 2025-09-06";
  assert.equal(out(next), next);
});

Deno.test("account-holder labels name a person", () => {
  for (
    const [t, name] of [
      [
        "Kontoinhaber: Paula Iglesias\nIBAN: DE89 3704 0044 0532 0130 00",
        "Paula Iglesias",
      ],
      [
        "Titular da conta: João Pereira\nIBAN: PT50 0002 0123 1234 5678 9015 4",
        "João Pereira",
      ],
      [
        "Titulaire du compte : Marie Dubois\nIBAN : FR14 2004 1010 0505 0001 3M02 606",
        "Marie Dubois",
      ],
    ]
  ) assert.ok(!out(t).includes(name), out(t));
});

Deno.test("an e-mail with a spaced [.] and a dash-signed name under a contact", () => {
  assert.ok(!out("use annika92@proton [.] me instead").includes("annika92"));
  assert.equal(out("see docs [.] md"), "see docs [.] md");
  const signed =
    'Customer wrote: "pls use chua_yi90 at bigpond dot com instead."\n— Chua Xin Yi\n';
  assert.ok(!out(signed).includes("Chua Xin Yi"), out(signed));
  for (
    const t of [
      "Reviewed and merged.\n— Chua Xin Yi\n",
      "- Fix login for jane@example.com users\n- Jane Roe\n",
    ]
  ) {
    assert.ok(
      out(t).includes(t.includes("Chua") ? "Chua Xin Yi" : "Jane Roe"),
      t,
    );
  }
});

Deno.test("a query box's header padded to its widest value still labels its column", () => {
  const pad = (s: string, n: number) => s + " ".repeat(n - s.length);
  const addr =
    "Rua Dom Pedro II, 2939 - Casa 2, Pinheiros - São Paulo/SP, 51786-675";
  const t = `| ${pad("full_name", 18)} | ${pad("address", addr.length)} |\n+${
    "-".repeat(20)
  }+${"-".repeat(addr.length + 2)}+\n| Gustavo Cavalcanti | ${addr} |\n`;
  const o = out(t);
  assert.ok(!o.includes("Gustavo") && !o.includes("Pinheiros"), o);
  // A sentence as wide as a header cell is still not a header.
  const prose =
    "| this line is a long sentence that explains what the table below is about, not a name | x |\n| 1 | 2 |\n";
  assert.equal(out(prose), prose);
});
