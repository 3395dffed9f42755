/**
 * Issue 11's remaining PII classes (tune set 26), each with near misses
 * beside it: digits read out one by one near an SSN, card or call-back word
 * (`spoken_digits.ts`), a card split over two table rows (`split_cards.ts`),
 * a name with a bracketed Japanese honorific beside other PII
 * (`honorific_names.ts`), owner words between a label and its value
 * (`pii_glue.ts`); and hostile inputs for every new pattern. Values are
 * made up.
 */
import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

/** Whether `value` is inside one PII finding of `text`. */
function covered(text: string, value: string): boolean {
  const at = text.indexOf(value);
  return findSensitive(text).some((f) =>
    f.category === "pii" && f.start <= at && f.end >= at + value.length
  );
}

/** Whether `text` has any PII finding. */
const anyPii = (text: string) =>
  findSensitive(text).some((f) => f.category === "pii");

Deno.test("spoken digits: SSN, phone and card read out one by one", () => {
  for (
    const [t, v] of [
      [
        "SSN (spoken, from call transcript): 0 1 6 7 0 3 7 2 1",
        "0 1 6 7 0 3 7 2 1",
      ],
      [
        "Left a voicemail, call back on 9 7 1 2 6 2 1 3 5 3",
        "9 7 1 2 6 2 1 3 5 3",
      ],
      [
        "Caller read out the card number: 4 5 3 2 0 1 5 1 1 2 8 3 0 3 6 6",
        "4 5 3 2 0 1 5 1 1 2 8 3 0 3 6 6",
      ],
    ]
  ) assert.ok(covered(t, v), t);
});

Deno.test("spoken digits: matrices, lists and call stacks are not read", () => {
  for (
    const t of [
      "matrix:\n1 2 3 4 5 6 7 8 9\n9 8 7 6 5 4 3 2 1",
      "call stack depth per frame: 0 1 2 3 4 5 6 7 8 9",
      "call flags bitmap: 0 1 0 0 1 1 0 1 0 1",
      "sudoku row 4: 5 3 4 6 7 8 9 1 2",
    ]
  ) assert.ok(!anyPii(t), t);
});

Deno.test("a card split over two table rows under a card column", () => {
  const t =
    "| Name | Card |\n|---|---|\n| Priya Popescu | 3544 9512\n|       | 4211 4339";
  assert.ok(covered(t, "3544 9512") && covered(t, "4211 4339"));
  assert.ok(
    !anyPii("| build | started |\n| 412 | 2026 1105\n|     | 1532 0098"),
  );
});

Deno.test("a bracketed Japanese honorific names the person beside a phone", () => {
  assert.ok(covered("折り返し先（Maria Silva様）090-3797-3847", "Maria Silva"));
  assert.ok(!anyPii("（株式会社テスト様）請求書番号 INV-2026-0042"));
  assert.ok(!anyPii("（Maria Silva様）よろしくお願いします"));
});

Deno.test("owner words between a label and its value", () => {
  assert.ok(covered("NIK KTP saya 5112155204929673", "5112155204929673"));
  assert.ok(covered("PESEL pacjenta 44051401359", "44051401359"));
  assert.ok(covered("BSN van de klant 123456782", "123456782"));
  assert.ok(!anyPii("BSN van de klant ontbreekt in rij 12"));
});

Deno.test("hostile inputs stay fast", () => {
  const inputs = [
    "call back on " + "1 ".repeat(50_000),
    "（" + "Ab ".repeat(30_000) + "様",
    "NIK" + " saya".repeat(30_000) + " 1",
    ("| card | " + "1234 5678\n|   | ").repeat(5_000),
  ];
  for (const t of inputs) {
    const t0 = performance.now();
    findSensitive(t);
    assert.ok(performance.now() - t0 < 3000, t.slice(0, 40));
  }
});

Deno.test("names beside a split card row and a caller who left a voicemail", () => {
  const row = "| Priya Popescu | 3544 9512\n|       | 4211 4339";
  assert.ok(covered(row, "Priya Popescu") && covered(row, "4211 4339"));
  const note =
    "Rafael Kristensen left a voicemail, call back on 9 7 1 2 6 2 1 3 5 3";
  assert.ok(covered(note, "Rafael Kristensen"));
  assert.ok(
    !anyPii(
      "Build Server called the webhook 3 times; retry ids 1 2 3 4 5 6 7 8 9",
    ),
  );
  const t0 = performance.now();
  findSensitive("Ab Cd ".repeat(20_000) + "called 0 1 6 7 0 3 7 2 1 ssn");
  assert.ok(performance.now() - t0 < 3000);
});

Deno.test("owner words name relatives and customers; other words are prose", () => {
  assert.ok(covered("PESEL mojej matki 02070803628", "02070803628"));
  assert.ok(
    covered("NIK milik pelanggan 3275014101900002", "3275014101900002"),
  );
  for (
    const t of [
      "Passport of the holder expired yesterday",
      "the passport of the customer REVIEWED",
      "PESEL of the form field is validated in 11 steps",
    ]
  ) assert.ok(!anyPii(t), t);
  const t0 = performance.now();
  findSensitive("PESEL" + " of the".repeat(40_000) + " 0");
  assert.ok(performance.now() - t0 < 3000);
});
