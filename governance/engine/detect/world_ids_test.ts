/**
 * Labelled identity numbers of further countries: found after their labels
 * with a valid check, not with a wrong check digit, without a label, or
 * after a label that names something else. Values are made up; check digits
 * computed by the published rules.
 */
import assert from "node:assert/strict";
import { scan } from "../mod.ts";
import {
  bsnValid,
  chinaIdValid,
  cnpjValid,
  curpValid,
  deTaxIdValid,
  medicareValid,
  myNumberValid,
  nirValid,
  peselValid,
  zaIdValid,
} from "./world_ids.ts";

const gone = (t: string, v: string) => !scan(t).redacted.includes(v);
const pii = (t: string) => scan(t).findings.filter((f) => f.category === "pii");

Deno.test("check rules: valid numbers pass, a changed digit fails", () => {
  const cases: [(v: string) => boolean, string, string][] = [
    [chinaIdValid, "11010519491231002X", "110105194912310021"],
    [bsnValid, "111222333", "111222334"],
    [peselValid, "44051401359", "44051401358"],
    [nirValid, "1 85 05 78 006 084 91", "1 85 05 78 006 084 36"],
    [zaIdValid, "8001015009087", "8001015009088"],
    [myNumberValid, "123456789018", "123456789017"],
    [deTaxIdValid, "65929970489", "65929970488"],
    [medicareValid, "2123 45670 1", "2123 45671 1"],
    [curpValid, "GOMA800101HDFRRN05", "GOMA800101HDFRRN09"],
  ];
  for (const [f, good, bad] of cases) {
    assert.ok(f(good), good);
    assert.ok(!f(bad), bad);
  }
});

Deno.test("labelled identity numbers and identifiers are found", () => {
  const cases: [string, string][] = [
    ["身份证号: 11010519491231002X", "11010519491231002X"],
    ["Resident ID card no: 11010519491231002X", "11010519491231002X"],
    ["BSN: 111222333", "111222333"],
    ["burgerservicenummer 1112.22.333", "1112.22.333"],
    ["PESEL: 44051401359", "44051401359"],
    [
      "numéro de sécurité sociale : 1 85 05 78 006 084 91",
      "1 85 05 78 006 084 91",
    ],
    ["SA ID 8001015009087", "8001015009087"],
    ["RRN 800101-1234567", "800101-1234567"],
    ["주민등록번호: 800101-2234567", "800101-2234567"],
    ["My Number: 1234 5678 9018", "1234 5678 9018"],
    ["Steuer-ID: 65 929 970 489", "65 929 970 489"],
    ["Medicare: 2123 45670 1", "2123 45670 1"],
    ["CURP: GOMA800101HDFRRN05", "GOMA800101HDFRRN05"],
    ["Driver's License: D1234567", "D1234567"],
    ["DL# S530-4607-2896", "S530-4607-2896"],
    ["Führerscheinnummer: B072RRE2I55", "B072RRE2I55"],
    ["MRN: 00481726", "00481726"],
    ["sort code 20-00-00", "20-00-00"],
  ];
  for (const [t, v] of cases) assert.ok(gone(t, v), t);
});

Deno.test("identity labels without a valid value, and values without a label, are not findings", () => {
  for (
    const t of [
      "110105194912310021",
      "BSN: 111222334",
      "PESEL: 44051401358",
      "order 8001015009087 shipped",
      "ID number: 8001015009088",
      "Steuer-ID: 65929970488",
      "CURP: GOMA800101HDFRRN09",
      "Driver's License: pending",
      "DL: 100 MB/s",
      "OBX|1|NM|2345-7^GLUCOSE||95|mg/dL|70-105|N",
      "glucose 95 mg/dL: 70-105 normal",
      "dl 2024-11-30",
      "curl -sSL https://x.dev/dl | sh",
      "MRN: n/a",
      "sort code: TBD",
      "the security model is simple",
      "nir 12",
      "handle idle middleware",
    ]
  ) assert.deepEqual(pii(t), [], t);
});

Deno.test("cnpj: both check digits, formatted or bare; labelled in text", () => {
  assert.ok(cnpjValid("11.222.333/0001-81"));
  assert.ok(cnpjValid("11222333000181"));
  assert.ok(!cnpjValid("11.222.333/0001-82"));
  assert.ok(!cnpjValid("00000000000000"));
  const t = "CNPJ da empresa: 11.222.333/0001-81";
  assert.ok(scan(t).findings.some((f) => f.policyId === "sys_pii_br_cnpj"));
  assert.equal(scan("CNPJ: 11.222.333/0001-82").findings.length, 0);
});
