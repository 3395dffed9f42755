import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("labels of bank accounts, passports and birth dates in more languages", () => {
  const cases: [string, string][] = [
    ["Kontonummer 1234567890 BLZ 50010517", "1234567890"],
    ["Konto-Nr.: 0532013000", "0532013000"],
    ["rekeningnummer: 417164300", "417164300"],
    ["numer konta 61109010140000071219812874", "61109010140000071219812874"],
    ["numéro de compte : 00012345678", "00012345678"],
    ["número de cuenta 0200051332", "0200051332"],
    ["Sort code 20-00-00 account 73154822", "73154822"],
    ["Nº de passaporte: FT123456", "FT123456"],
    ["Numer paszportu: EA1234567", "EA1234567"],
    ["Nomor paspor: B1234567", "B1234567"],
    ["<birthDate>1953年9月24日</birthDate>", "1953年9月24日"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
});

Deno.test("the new labels keep counts, dates and codes that are not account numbers", () => {
  for (
    const t of [
      "Konto gesperrt: 3 Versuche",
      "cuenta: 12 elementos",
      "account 73154822 created (no sort code)",
      "Release: 1953年9月24日",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("identity card labels and more birth-date labels", () => {
  const cases: [string, string][] = [
    ["Personalausweis: T22000129", "T22000129"],
    ["ID card no. T22000129", "T22000129"],
    ["Carte d'identité n° 880692310285", "880692310285"],
    ['"national_id": "AB 123456 78"', "AB 123456 78"],
    ["cedula de identidad: 1712345678", "1712345678"],
    ["birth: 1974-05-01", "1974-05-01"],
    ["Geb.-Datum: 01.05.1974", "01.05.1974"],
    ['"birthdate": "1974-05-01T00:00:00Z"', "1974-05-01"],
  ];
  for (const [text, value] of cases) {
    assert.ok(!red(text).includes(value), text);
  }
  for (
    const t of [
      "id card reader model 2 of 3",
      "national id format: two letters and eight digits",
      "birth rate: 1.54 per woman",
      "created: 2026-12-03T10:00:00Z",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("birth-date labels of more languages, and a format hint after the label", () => {
  for (
    const l of [
      "Geburtstag",
      "née le",
      "nato il",
      "nacido el",
      "fecha nac.",
      "Data nasc.",
      "DOB (MM/DD/YYYY)",
      "date_naissance",
      "fecha_nacimiento",
      "data_nascita",
      "Geboren op",
      "Tarikh lahir",
      "Syntymäaika",
      "Fødselsdag",
      "Datum narození",
      "Дата народження",
      "出生年月",
    ]
  ) {
    const t = `${l}: 12.03.1988`;
    assert.ok(!red(t).includes("12.03.1988"), t);
  }
  for (
    const t of [
      "fecha: 12.03.2026 (factura)",
      "data: 12.03.1988 caricata",
      "nato il progetto nel 2019",
    ]
  ) assert.equal(red(t), t);
});
