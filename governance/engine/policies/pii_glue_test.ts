import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("glue: element tags, '>' and prose copulas join a label to its value", () => {
  const cases: [string, string][] = [
    ["<tr><td>BSN</td><td>362402814</td></tr>", "362402814"],
    ['<td class="pesel" title="PESEL">92102063885</td>', "92102063885"],
    ["<steuerId>80231576557</steuerId>", "80231576557"],
    ["<dt>PESEL</dt>\n<dd>74050119012</dd>", "74050119012"],
    ["she gave her Steuer-ID as 87233430658 on the phone", "87233430658"],
    ["the applicant's SSN was 536-90-4399", "536-90-4399"],
    ['resident_reg_no="460923-1390487"', "460923-1390487"],
    ["ID number: 510107194001257552", "510107194001257552"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
});

Deno.test("glue: a label word in a tag with a number that fails the label's check stays", () => {
  for (
    const t of [
      "<td>BSN</td><td>123456789</td>",
      "the PESEL field was 12345678901 characters? no, 11 digits",
      "ID number: 123456789012345678",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("glue: tags repeated after a label are read in linear time", () => {
  const text = "BSN" + "</td><td class=x>".repeat(6_000) + "362402814";
  const t0 = performance.now();
  findSensitive(text);
  findSensitive("pesel as ".repeat(12_000));
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("glue: =>, a form field's value attribute and a log's (value: ...)", () => {
  const cases: [string, string][] = [
    ['  "pesel" => "74050119012",', "74050119012"],
    ['<input type="text" name="bsn" value="362402814">', "362402814"],
    [
      "WARN validation failed for field 'steuer_id' (value: 80231576557)",
      "80231576557",
    ],
    ['"nhs_number" => "9434765919"', "9434765919"],
    ["<td>NHS No.</td><td>943 476 5919</td>", "943 476 5919"],
    // A value in brackets after its label, in prose.
    ["Please confirm your BSN (123456782) first.", "123456782"],
    ["PESEL (44051401458) nie pasuje", "44051401458"],
    // A SIN under an HTML header cell.
    [
      "<table><tr><th>SIN</th><th>x</th></tr><tr><td>974 152 597</td><td>1</td></tr></table>",
      "974 152 597",
    ],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
  const form = '<input name="bsn" value="" placeholder="123456789">';
  assert.equal(red(form), form);
  // Brackets after a label still need a valid value.
  for (
    const t of ["BSN (123456789)", "sin (123 456 789)", "the PESEL (field 3)"]
  ) {
    assert.equal(red(t), t);
  }
});

Deno.test("labels after a camelCase key's prefix (employeeDOB, customerPesel)", () => {
  const cases: [string, string][] = [
    ["employeeDOB: 14/08/1951", "14/08/1951"],
    ['{"customerPesel":"74050119012"}', "74050119012"],
    ['{"mobilePhone":"+49 151 23456789"}', "+49 151 23456789"],
    ["patientNhsNumber=9434765919", "9434765919"],
    ['{"userSsn":"536-90-4399"}', "536-90-4399"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
  for (
    const t of [
      "customerSince: 2019-05-01",
      "userDobFormat: dd/mm/yyyy",
      "memberSinceYear=2019",
      "misdob: 2019-05-01",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("glue: a form's dot leaders between label and value", () => {
  const cases: [string, string][] = [
    ["2. UEN ........ 200592813W", "200592813W"],
    ["2. 個人番号 ........ 9170 9754 7646", "9170 9754 7646"],
    ["Date of birth ……… 12.03.1988", "12.03.1988"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
  const toc = "2. BSN rules ........ 14";
  assert.equal(red(toc), toc);
  const t0 = performance.now();
  findSensitive("BSN" + ".".repeat(100_000) + "1");
  assert.ok(performance.now() - t0 < 5_000);
});

Deno.test("glue: a label asked for in a chat and answered on the next line", () => {
  const t =
    "[10:22] agent: can you confirm your NIK?\n[10:43] noor: sure, 1262170612930155";
  assert.ok(!red(t).includes("1262170612930155"), red(t));
  const no =
    "[10:22] agent: do you have a PESEL?\n[10:43] noor: no, my order is 74050119012";
  assert.equal(red(no), no);
  const t0 = performance.now();
  findSensitive(("NIK?\n" + "a".repeat(50) + "\n").repeat(3_000));
  assert.ok(performance.now() - t0 < 5_000);
});
