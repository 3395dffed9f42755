import assert from "node:assert/strict";
import { htmlTableCells } from "./html_tables.ts";
import { findSensitive } from "./sensitive.ts";

const reader = (label: string, value: string) =>
  /pesel/i.test(label) && /^\d{11}$/.test(value)
    ? "sys_pii_pl_pesel"
    : undefined;

Deno.test("html tables: a <th> header labels the <td> cells below it", () => {
  const t =
    "<table><tr><th>Name</th><th>PESEL</th></tr><tr><td>Sofia</td><td> 62020149879 </td></tr></table>";
  const cells = htmlTableCells(t, reader);
  assert.deepEqual(
    cells.map((c) => [t.slice(c.start, c.end), c.policyId]),
    [["62020149879", "sys_pii_pl_pesel"]],
  );
});

Deno.test("html tables: no header row, another table, or a label-less column is not read", () => {
  assert.deepEqual(
    htmlTableCells("<tr><td>PESEL</td><td>62020149879</td></tr>", reader),
    [],
  );
  assert.deepEqual(
    htmlTableCells(
      "<table><tr><th>PESEL</th></tr></table><table><tr><td>62020149879</td></tr></table>",
      reader,
    ),
    [],
  );
  assert.deepEqual(
    htmlTableCells(
      "<table><tr><th>Order</th></tr><tr><td>62020149879</td></tr></table>",
      reader,
    ),
    [],
  );
});

Deno.test("html tables through the scanner: ids of the catalogue in their columns", () => {
  const t =
    "<table><tr><th>Name</th><th>OIB</th><th>Steuer-ID</th></tr><tr><td>Noor Haddad</td><td>73019642612</td><td>65929970489</td></tr></table>";
  const got = findSensitive(t).map((f) => t.slice(f.start, f.end));
  assert.ok(got.includes("73019642612"), JSON.stringify(got));
  const benign =
    "<table><tr><th>Order</th><th>SKU</th></tr><tr><td>73019642612</td><td>65929970489</td></tr></table>";
  assert.deepEqual(findSensitive(benign), []);
});

Deno.test("html tables are linear on hostile input", () => {
  const cases = [
    "<tr><th>PESEL".repeat(20_000),
    "<th>".repeat(25_000),
    "<tr>".repeat(25_000) + "<th>x",
    "<table><tr><th>PESEL</th></tr>" + "<tr><td>1".repeat(15_000),
    "<th pesel " + "<td".repeat(30_000),
  ];
  for (const t of cases) {
    const t0 = performance.now();
    htmlTableCells(t, reader);
    findSensitive(t);
    assert.ok(performance.now() - t0 < 5_000, t.slice(0, 30));
  }
});
