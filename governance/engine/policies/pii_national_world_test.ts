import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("unlabelled China resident ids and CURPs (checked) are found", () => {
  for (
    const [t, v] of [
      ["张伟 11010519491231002X 北京", "11010519491231002X"],
      ["applicant 11010519491231002x verified", "11010519491231002x"],
      ["Juan Pérez, GIFJ480110HYNCLH72, CDMX", "GIFJ480110HYNCLH72"],
    ]
  ) assert.ok(!red(t).includes(v), t);
});

Deno.test("unlabelled ids: wrong check characters, id keys and random 18-digit ids stay", () => {
  for (
    const t of [
      "11010519491231002Y",
      "110105194912310021 rows",
      '{"order_id":"11010519491231002X"}',
      "GIFJ480110HYNCLH73",
    ]
  ) assert.equal(red(t), t);
  let seed = 18;
  const digit = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String(Math.floor(seed / 65536) % 10);
  };
  let hits = 0;
  for (let i = 0; i < 5_000; i++) {
    let id = "1";
    for (let k = 0; k < 17; k++) id += digit();
    const t = `message ${id} deleted`;
    if (
      findSensitive(t).some((f) =>
        f.policyId === "sys_pii_cn_resident_id_unlabelled"
      )
    ) hits++;
  }
  assert.ok(hits <= 5, `${hits} of 5000 random ids`);
});

Deno.test("unlabelled ids: long digit and capital runs are linear", () => {
  const t0 = performance.now();
  findSensitive("1".repeat(100_000));
  findSensitive("ABCD123456H".repeat(9_000));
  assert.ok(performance.now() - t0 < 5_000);
});
