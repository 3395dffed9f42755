import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";

const cardFound = (t: string) =>
  findSensitive(t).some((f) => f.policyId === "sys_pii_credit_card");

Deno.test("17-19 digits in one run are an id unless a card word says otherwise", () => {
  // A 19-digit UnionPay-range number with its Luhn digit.
  const id19 = "6212345678901234569";
  assert.ok(!cardFound(`message ${id19} deleted`));
  assert.ok(!cardFound(`snowflake=${id19}`));
  assert.ok(cardFound(`UnionPay card ${id19}`));
  assert.ok(cardFound("paid with 4539148803436467"));
});
