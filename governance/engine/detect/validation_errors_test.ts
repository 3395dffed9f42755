import assert from "node:assert/strict";
import { validationErrorCells } from "./validation_errors.ts";
import { findSensitive } from "./sensitive.ts";

const reader = (label: string, value: string) =>
  label === "steuer_id" && /^\d{11}$/.test(value)
    ? "sys_pii_de_tax_id"
    : undefined;

Deno.test("validation errors: the loc line labels the quoted input value", () => {
  const t =
    "1 validation error for Applicant\nbody -> applicant -> steuer_id\n  Value error, bad id [type=value_error, input_value='50974312603', input_type=str]";
  const cells = validationErrorCells(t, reader);
  assert.deepEqual(cells.map((c) => t.slice(c.start, c.end)), ["50974312603"]);
  const py =
    "ValidationError: 1 validation error for Applicant\ntc_kimlik\n  value does not match (type=value_error) input_value='48532675594'";
  assert.deepEqual(
    findSensitive(py).map((f) => py.slice(f.start, f.end)),
    ["48532675594"],
  );
});

Deno.test("validation errors: other fields and unquoted values are not read", () => {
  for (
    const t of [
      "1 validation error for Order\norder_id\n  bad [type=value_error, input_value='50974312603']",
      "steuer_id\n  bad input_value=50974312603",
      "steuer_id = x\n  bad input_value='50974312603'",
    ]
  ) assert.deepEqual(validationErrorCells(t, reader), [], t);
});

Deno.test("validation errors are linear on hostile input", () => {
  for (
    const t of [
      "steuer_id\n" + "input_value='".repeat(8_000),
      "x".repeat(50_000) + "input_value='1'".repeat(5_000),
      "steuer_id input_value=' ".repeat(8_000),
    ]
  ) {
    const t0 = performance.now();
    validationErrorCells(t, reader);
    findSensitive(t);
    assert.ok(performance.now() - t0 < 5_000, t.slice(0, 20));
  }
});
