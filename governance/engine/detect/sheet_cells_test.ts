import assert from "node:assert/strict";
import { sheetCells } from "./sheet_cells.ts";
import { findSensitive } from "./sensitive.ts";

const reader = (label: string, value: string) =>
  /aadhaar/i.test(label) && /^\d{12}$/.test(value)
    ? "sys_pii_aadhaar"
    : undefined;

Deno.test("sheet cells: the first row labels the cells below by column letter", () => {
  const t =
    "Sheet1\nA1: Name | B1: Aadhaar\nA2: diego haddad | B2: 669095097299\nA3: total | B3: 1";
  assert.deepEqual(
    sheetCells(t, reader).map((c) => t.slice(c.start, c.end)),
    ["669095097299"],
  );
  const p = "A1: Name | B1: passport number\nA2: chen kowalski | B2: C53039229";
  assert.deepEqual(
    findSensitive(p).map((f) => p.slice(f.start, f.end)),
    ["C53039229"],
  );
});

Deno.test("sheet cells: no header row, other headers and prose are not read", () => {
  for (
    const t of [
      "A2: diego | B2: 669095097299",
      "A1: Name | B1: Order\nA2: diego | B2: 669095097299",
      "see A1: the total | cell B2: 669095097299",
    ]
  ) assert.deepEqual(sheetCells(t, reader), [], t);
});

Deno.test("sheet cells are linear on hostile input", () => {
  for (
    const t of [
      "A1: aadhaar | ".repeat(8_000),
      ("A1: aadhaar | B1: aadhaar\n" + "A2: 1 | B2: 2\n").repeat(4_000),
      "A1:" + " ".repeat(100_000) + "|B1:",
    ]
  ) {
    const t0 = performance.now();
    sheetCells(t, reader);
    findSensitive(t);
    assert.ok(performance.now() - t0 < 5_000, t.slice(0, 20));
  }
});
