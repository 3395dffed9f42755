import assert from "node:assert/strict";
import { keyValueRows } from "./kv_rows.ts";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

/** The text with every finding redacted. */
const redacted = (t: string) => redact(t, findSensitive(t));

// Generated, not real credentials.
const PW = "Tundra!x8Qe4227";
const HEX = "928430b3694b336b68e349fb8f6b821d";

Deno.test("keyValueRows: name and value cells under a name/value header", () => {
  const t =
    `Key         Value\n---         -----\npassword    ${PW}\nusername    billing_rw`;
  assert.deepEqual(
    keyValueRows(t).map((r) => [r.key, t.slice(r.start, r.end)]),
    [["password", PW], ["username", "billing_rw"]],
  );
  const md =
    "| Variable | Value |\n|---|---|\n| `MAILGUN_KEY` | `abc` |\n| `PORT` | `8080` |";
  assert.deepEqual(
    keyValueRows(md).map((r) => [r.key, md.slice(r.start, r.end)]),
    [["MAILGUN_KEY", "abc"], ["PORT", "8080"]],
  );
  assert.deepEqual(keyValueRows("the value of x is 5\nname: y"), []);
});

Deno.test("settings tables: a secret-named row's value is redacted, other rows kept", () => {
  const cases: [string, string, string][] = [
    [
      `====== Data ======\nKey         Value\n---         -----\npassword    ${PW}\nusername    billing_rw`,
      PW,
      "billing_rw",
    ],
    [
      ` id | name                  | value\n----+----------------------+------\n  8 | twilio_auth_token    | ${HEX}\n  9 | region               | us1\n(2 rows)`,
      HEX,
      "us1",
    ],
    [
      "| Variable | Value |\n|---|---|\n| `HEROKU_API_KEY` | `40afd48e-f8b5-42c2-9eca-eacdfb7344ad` |\n| `PORT` | `8080` |",
      "40afd48e-f8b5-42c2-9eca-eacdfb7344ad",
      "8080",
    ],
  ];
  for (const [t, gone, kept] of cases) {
    const out = redacted(t);
    assert.ok(!out.includes(gone), out);
    assert.ok(out.includes(kept), out);
  }
});

Deno.test("settings tables: names and values that are not secrets stay", () => {
  for (
    const t of [
      "Key         Value\n---         -----\nusername    billing_rw\nttl         768h",
      "| Name | Value |\n|---|---|\n| `LOG_LEVEL` | `debug` |\n| `API_KEY` | `${API_KEY}` |",
      "Key                Value\n---                -----\ncreated_time       2026-11-28T09:12:44.1Z\nversion            3",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("keyValueRows on hostile input finishes in linear time", () => {
  const started = performance.now();
  keyValueRows("| Key | Value |\n".repeat(10_000));
  keyValueRows("value ".repeat(20_000));
  keyValueRows("Key  Value\n" + "a  b\n".repeat(20_000));
  findSensitive("password  Value\n" + "| key | value |".repeat(7_000));
  assert.ok(performance.now() - started < 5_000);
});
