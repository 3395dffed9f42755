import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";

const kinds = (t: string) =>
  findSensitive(t).map((f) => [t.slice(f.start, f.end), f.policyId]);

Deno.test("check-digit ids after their labels, in their languages and in tables", () => {
  const cases: [string, string, string][] = [
    ["CPR-nr.: 121077-8825", "121077-8825", "sys_pii_dk_cpr"],
    ["cpr:         270674-2630", "270674-2630", "sys_pii_dk_cpr"],
    ["Henkilötunnus: 131052-308T", "131052-308T", "sys_pii_fi_hetu"],
    ["hetu=080403A0326", "080403A0326", "sys_pii_fi_hetu"],
    ["my NIF is 162713282, thanks", "162713282", "sys_pii_pt_nif"],
    [
      "Rijksregisternummer: 80.04.15-051.43",
      "80.04.15-051.43",
      "sys_pii_be_national_number",
    ],
    ["PPS No: 5697271RW", "5697271RW", "sys_pii_ie_pps"],
    ["RUT: 17.278.947-1", "17.278.947-1", "sys_pii_cl_rut"],
    ['teudat_zehut: "938379609"', "938379609", "sys_pii_il_id"],
    ["TFN 772 574 106", "772 574 106", "sys_pii_au_tfn"],
    ["fodselsnummer=20037560929 reason=x", "20037560929", "sys_pii_no_fnr"],
    ["Fødselsnummer: 19029694039", "19029694039", "sys_pii_no_fnr"],
    ["TC Kimlik No: 48532675594", "48532675594", "sys_pii_tr_tckn"],
    ["OIB: 73019642612", "73019642612", "sys_pii_hr_oib"],
    ["CNP 1670814088268", "1670814088268", "sys_pii_ro_cnp"],
    ["מספר זהות: 938379609", "938379609", "sys_pii_il_id_script"],
    ["sotu 131052-308T", "131052-308T", "sys_pii_fi_hetu"],
    ["Personnummer: 121077-8825", "121077-8825", "sys_pii_dk_cpr"],
    ["id,name,cnp\n1,Ana,1650504023975", "1650504023975", "sys_pii_ro_cnp"],
    [
      "| Name | NIF |\n|---|---|\n| Maria | 268022143 |",
      "268022143",
      "sys_pii_pt_nif",
    ],
  ];
  for (const [t, v, id] of cases) {
    assert.deepEqual(kinds(t), [[v, id]], t);
  }
});

Deno.test("check-digit ids: a failed check, no label or another label is no finding", () => {
  for (
    const t of [
      "CPR-nr.: 321077-8825",
      "Henkilötunnus: 131052-308U",
      "NIF: 162713283",
      "order 162713282 shipped",
      "TFN 123 456 783",
      "RUT: 12.345.678-6",
      "OIB: 73019642613",
      "CNP 1670814088269",
      "build 20037560929 finished",
      "Range 121077-8825 reserved",
      'nif_example: "123456789"',
      "id,order_id\n1,162713282",
      "run: 17278947-1",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});

Deno.test("check-digit labels are linear on hostile input", () => {
  for (
    const t of [
      "cpr: ".repeat(20_000),
      "hetu " + "1".repeat(100_000),
      "rijksregister " + "12.".repeat(30_000),
      "TFN " + "123 ".repeat(25_000),
      "kimlik no " + " ".repeat(100_000) + "1",
    ]
  ) {
    const t0 = performance.now();
    findSensitive(t);
    assert.ok(performance.now() - t0 < 5_000, t.slice(0, 20));
  }
});
