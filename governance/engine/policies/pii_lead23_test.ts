import assert from "node:assert/strict";
import { scan } from "../scan.ts";

const redacted = (t: string) => scan(t).redacted;

Deno.test("pii: international phones in brackets, tax ids, bare birth nouns", () => {
  assert.equal(
    redacted("(kenji.sato38@proton.me, +55 11 97895-8957)"),
    "([REDACTED:email], [REDACTED:phone])",
  );
  assert.equal(redacted("call +44 (0)20 7946 0018"), "call [REDACTED:phone]");
  assert.match(
    redacted("field 'tax_id' value '020436545' failed"),
    /REDACTED:ssn/,
  );
  assert.match(
    redacted('"nascimento": "18/08/1950"'),
    /REDACTED:date_of_birth/,
  );
  for (
    const t of [
      "O nascimento do projeto foi em 2019",
      "tax_id: 12-3456789",
      "tax_id: 000123456",
    ]
  ) assert.equal(redacted(t), t);
});

Deno.test("pii: Japanese addresses in Latin letters and Indian house-number addresses", () => {
  assert.equal(
    redacted("address 2-12-20 Shibuya, Shibuya-ku, Tokyo 150-9623."),
    "address [REDACTED:address].",
  );
  assert.equal(
    redacted("H.No. 12-166, Banjara Hills, Hyderabad 500057"),
    "[REDACTED:address]",
  );
  assert.equal(
    redacted("Flat No. 4B, MG Road, Bengaluru 560001"),
    "[REDACTED:address]",
  );
  for (
    const t of [
      "version 2-12-20 build, release-ku, x 150-9623",
      "range 1-2-3 ok, Tokyo-ku, Tokyo 150",
      "H.No. is the house number field",
    ]
  ) assert.equal(redacted(t), t);
  const t0 = performance.now();
  scan("1-2-3 Aaa, ".repeat(20_000) + "Bbb-ku, Tokyo 150-0001");
  scan("H.No. 1, " + "Aaaa ".repeat(40_000));
  assert.ok(performance.now() - t0 < 5_000);
});
