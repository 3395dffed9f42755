import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

/** The text with the scanner's findings redacted. */
const red = (t: string) => redact(t, findSensitive(t));

Deno.test("a header that is a catalogue label labels its column (CSV, psql, markdown, TSV)", () => {
  const tables = [
    [
      "id,full_name,pesel,city\n3384,Amara Haddad,74050119012,Leeds",
      "74050119012",
    ],
    [
      " id  | name        | bsn\n-----+-------------+-----------\n 816  | Noor Okafor | 362402814\n(1 row)",
      "362402814",
    ],
    [
      "| Name | Steuer-ID | Notes |\n|------|------|-------|\n| Yuki Silva | 67596648318 | called back |",
      "67596648318",
    ],
    [
      "Name\tCURP\tSegment\nElias Nguyen\tGIFJ480110HYNCLH72\tretail",
      "GIFJ480110HYNCLH72",
    ],
  ];
  for (const [text, value] of tables) {
    assert.ok(!red(text).includes(value), text);
  }
});

Deno.test("a labelled column's cells that fail the label's check stay", () => {
  const text =
    "id,name,pesel,city\n1,Ann Lee,12345678901,Leeds\n2,Bo Li,n/a,York";
  assert.equal(red(text), text);
  const order = "order_no,pesel_status\n4711,verified";
  assert.equal(red(order), order);
});

Deno.test("a long table under a label header is read in linear time", () => {
  const text = "id,bsn,pesel\n" + "1,123456789,74050119013\n".repeat(4_000);
  const t0 = performance.now();
  findSensitive(text);
  const ms = performance.now() - t0;
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
});

Deno.test("header labels in other scripts label their columns too", () => {
  const cjk = "姓名,出生日期,手机\n张伟,1988-03-12,13812345678";
  const out = red(cjk);
  assert.ok(!out.includes("1988-03-12") && !out.includes("13812345678"), out);
  const ru = "Клиент;Имя;Дата рождения\nK-1;Иван;12.03.1988";
  assert.ok(!red(ru).includes("12.03.1988"), red(ru));
  const plain = "Пользователь;Статус\nivan;активен";
  assert.equal(red(plain), plain);
});

Deno.test("an INSERT's column names label its values", () => {
  const sql =
    "INSERT INTO citizens (id, name, pesel) VALUES (1, 'Anna Nowak', '74050119012'), (2, 'Jan', 'n/a');";
  const out = red(sql);
  assert.ok(!out.includes("74050119012") && out.includes("'n/a'"), out);
});
