import assert from "node:assert/strict";
import { cueSearchAgrees, recordNameCells } from "./person_records.ts";

Deno.test("person records: the label, cue and verb searches agree with their patterns (differential)", () => {
  const pieces = [
    "from ",
    "From ",
    "by ",
    "By ",
    "I'm ",
    "I am ",
    "my name is ",
    "This is ",
    "Customer ",
    "cardholder ",
    "Card holder ",
    "account holder ",
    "Name on card ",
    "contact ",
    "Caller ",
    "client ",
    "Patient ",
    "applicant ",
    "Employee ",
    "Dear ",
    "Hi ",
    "hello ",
    "For ",
    "for",
    "Jane ",
    "Roe ",
    "van ",
    "O'Neil ",
    "x",
    "Hi",
    "by",
    " ",
    "\n",
    ",",
    "left a voicemail",
    "left us a note",
    "called",
    "phoned",
    "rang in",
    "texted",
    "name",
    "Full Name",
    "user_name",
    "fn",
    "CN",
    "9user",
    "_client",
    "xowner",
    "Nombre:",
    "destinatario",
    "emailed",
    "wrote in",
    "calledx",
    "Lee",
    "A.",
    "-",
  ];
  let seed = 7;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 3000; k++) {
    let t = "";
    const len = 1 + rnd(16);
    for (let i = 0; i < len; i++) t += pieces[rnd(pieces.length)];
    assert.ok(cueSearchAgrees(t), JSON.stringify(t));
  }
});

Deno.test("person records: cue names are still read on a long ASCII text", () => {
  const text = "x".repeat(5000) + "\n\nCall from Jane Roe, ssn 536-90-4399\n";
  const at = text.indexOf("Jane");
  const cells = recordNameCells(text, [{
    start: text.indexOf("536"),
    end: text.indexOf("536") + 11,
    policyId: "sys_pii_ssn",
  }]);
  assert.ok(cells.some((c) => c.start === at && c.end === at + 8));
});

Deno.test("person records: the cue search is linear on hostile input", () => {
  const text = "for for Hi by ".repeat(100_000);
  const t0 = performance.now();
  assert.ok(cueSearchAgrees(text.slice(0, 200_000)));
  recordNameCells(text, [{ start: 0, end: 3, policyId: "sys_pii_ssn" }]);
  assert.ok(performance.now() - t0 < 10_000);
});

Deno.test("person records: past the recorded places a search reads the bytes itself", () => {
  // More than 2^15 places of each word before the matches at the end.
  const text = "for x name y called z ".repeat(40_000) +
    "from Jane Roe; Jane Roe called; name";
  assert.ok(cueSearchAgrees(text));
});
