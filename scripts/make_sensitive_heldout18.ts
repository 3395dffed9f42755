/**
 * `deno run -A scripts/make_sensitive_heldout18.ts > scripts/data/sensitive_heldout18.jsonl`:
 * a third, small held-out set of PII round 6, written after the fixes
 * tuned on set 15 and measured once: the honest estimate of the round's
 * final detector. Carriers again new: Postgres COPY dumps, duplicate-key
 * errors, Python tracebacks with locals, pytest diffs, Java exceptions,
 * SOAP bodies, Slack and WhatsApp exports, vCard 4.0, Shopify-style order
 * webhooks, payroll and bank-statement lines, shipping labels, HR forms in
 * German, Spanish and French; look-alikes from the same carriers.
 *
 * @module
 */

import { DIG, HEX, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  aadhaar,
  card,
  cpf,
  dni,
  emitRows,
  FIRST,
  group,
  iban,
  LAST,
  nhs,
  nino,
  nric,
  personEmail,
  type Row,
  rowAdders,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import {
  bsn,
  chinaId,
  codiceFiscale,
  curp,
  inPhone,
  insee,
  krRrn,
  pan,
  personnummer,
  pesel,
  publicIpv4,
  steuerId,
} from "./lib/world_values.ts";

const r = new Rng(16_1203_2026);
const rows: Row[] = [];
const { pii, ben } = rowAdders(rows);

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const fullName = () => `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** [class, value maker, label, key]: IBANs drawn with each country's own length. */
const CLASSES: [string, () => string, string, string][] = [
  [
    "card",
    () => group(card(r, "4", 16), [4, 4, 4, 4], " "),
    "Card",
    "card_number",
  ],
  ["ssn", () => ssn(r, "-"), "SSN", "ssn"],
  ["iban_nl", () => iban("NL", "INGB" + r.str(DIG, 10)), "IBAN", "iban"],
  ["iban_fr", () => iban("FR", r.str(DIG, 23)), "IBAN", "iban"],
  ["nino", () => nino(r, false), "NINO", "nino"],
  ["nhs", () => nhs(r), "NHS No", "nhs_number"],
  ["aadhaar", () => aadhaar(r), "Aadhaar", "aadhaar"],
  ["pan", () => pan(r), "PAN", "pan_no"],
  ["in_phone", () => inPhone(r, r.int(4)), "Mobile", "mobile"],
  ["nric", () => nric(r), "NRIC", "nric"],
  ["cpf", () => cpf(r), "CPF", "cpf"],
  ["curp", () => curp(r), "CURP", "curp"],
  ["dni", () => dni(r), "DNI", "dni"],
  [
    "codice_fiscale",
    () => codiceFiscale(r),
    "Codice fiscale",
    "codice_fiscale",
  ],
  ["insee", () => insee(r, false), "Numéro de sécurité sociale", "nir"],
  ["steuer_id", () => steuerId(r), "Steuer-ID", "steuer_id"],
  ["bsn", () => bsn(r), "BSN", "bsn"],
  ["pesel", () => pesel(r), "PESEL", "pesel"],
  ["personnummer", () => personnummer(r, true), "Personnummer", "personnummer"],
  ["kr_rrn", () => krRrn(r), "RRN", "rrn"],
  ["china_id", () => chinaId(r), "Resident ID", "resident_id"],
  [
    "passport",
    () => r.str(UP, 2) + r.str(DIG, 7),
    "Passport No",
    "passport_no",
  ],
  [
    "dob",
    () => `${1950 + r.int(55)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`,
    "Date of birth",
    "date_of_birth",
  ],
  ["email", () => personEmail(r), "Email", "email"],
  ["phone", () => usPhone(r, r.int(6)), "Phone", "phone"],
];

const CARRIERS: ((l: string, k: string, v: string, w: string) => string)[] = [
  (_l, k, v, w) =>
    `COPY public.customers (id, full_name, ${k}) FROM stdin;\n${
      r.int(9999)
    }\t${w}\t${v}\n\\.`,
  (_l, k, v) =>
    `ERROR:  duplicate key value violates unique constraint "customers_${k}_key"\nDETAIL:  Key (${k})=(${v}) already exists.`,
  (_l, k, v, w) =>
    `Traceback (most recent call last):\n  File "app/kyc.py", line 42, in verify\n    raise ValueError(f"bad {field}")\nValueError: bad ${k}\n  locals: field='${k}' customer='${w}' value='${v}'`,
  (_l, k, v) =>
    `E       AssertionError: assert {'${k}': '${v}'} == {'${k}': None}\nE         Differing items:\nE         {'${k}': '${v}'} != {'${k}': None}`,
  (l, _k, v, w) =>
    `java.lang.IllegalStateException: ${l} ${v} already registered for ${w}\n\tat com.acme.kyc.Registry.add(Registry.java:88)`,
  (_l, k, v, w) =>
    `<soap:Body>\n  <ns2:registerCustomer>\n    <name>${w}</name>\n    <${k}>${v}</${k}>\n  </ns2:registerCustomer>\n</soap:Body>`,
  (l, _k, v, w) =>
    `{"type":"message","user":"U${
      r.str(UP + DIG, 8)
    }","text":"${w}'s ${l} is ${v}, updating CRM","ts":"1764756${
      r.str(DIG, 3)
    }.${r.str(DIG, 6)}"}`,
  (l, _k, v, w) => `03/12/2026, 10:${pad(r.int(60))} - ${w}: my ${l} is ${v}`,
  (_l, _k, v, w) => `BEGIN:VCARD\nVERSION:4.0\nFN:${w}\nNOTE:${v}\nEND:VCARD`,
  (_l, k, v, w) =>
    `{"id":${r.str(DIG, 13)},"customer":{"first_name":"${
      w.split(" ")[0]
    }","last_name":"${
      w.split(" ")[1]
    }","${k}":"${v}"},"financial_status":"paid"}`,
  (l, _k, v, w) => `PAYROLL 2026-11 | ${w} | ${l} ${v} | net 3.412,55 EUR`,
  (l, _k, v, w) =>
    `SHIP TO:\n${w.toUpperCase()}\n${l.toUpperCase()}: ${v}\nPRIORITY MAIL 2-DAY`,
  (l, _k, v, w) =>
    `Personalbogen\nName, Vorname: ${w}\n${l}: ${v}\nEintritt: 01.01.2027`,
  (l, _k, v, w) =>
    `Ficha de alta\nNombre: ${w}\n${l}: ${v}\nDepartamento: Ventas`,
  (l, _k, v, w) =>
    `Fiche d'embauche\nNom : ${w}\n${l} : ${v}\nService : Comptabilité`,
];

for (let i = 0; i < 56; i++) {
  const [cls, mk, l, k] = CLASSES[i % CLASSES.length];
  const ci = (i * 7 + Math.floor(i / CLASSES.length)) % CARRIERS.length;
  const v = mk();
  pii(`${cls}/c${ci}`, CARRIERS[ci](l, k, v, fullName()), v);
}
for (let i = 0; i < 2; i++) {
  const ip = publicIpv4(r);
  pii(
    "ip/apache_combined",
    `${ip} - - [03/Dec/2026:09:${
      pad(r.int(60))
    }:01 +0100] "POST /checkout HTTP/1.1" 302 - "https://shop.example.net/cart" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"`,
    ip,
  );
  const acct = iban("DE", r.str(DIG, 18));
  pii(
    "iban/bank_statement",
    `03.12.2026  SEPA-Überweisung  ${fullName()}  ${acct}  -1.250,00`,
    acct,
  );
}

const BENIGN: (() => string)[] = [
  () =>
    `COPY public.orders (id, sku, qty) FROM stdin;\n${r.int(9999)}\tSKU-${
      r.str(DIG, 6)
    }\t${r.int(20)}\n\\.`,
  () =>
    `ERROR:  duplicate key value violates unique constraint "orders_pkey"\nDETAIL:  Key (id)=(${
      r.str(DIG, 6)
    }) already exists.`,
  () =>
    `Traceback (most recent call last):\n  File "app/jobs.py", line 17, in run\nTimeoutError: job ${
      uuid(r)
    } exceeded ${r.int(90)}s`,
  () =>
    `E       assert ${r.int(999)} == ${r.int(999)}\nE        +  where ${
      r.int(999)
    } = len(rows)`,
  () =>
    `java.util.concurrent.TimeoutException: request ${
      r.str(HEX, 16)
    } timed out after 30000 ms`,
  () =>
    `<soap:Body>\n  <ns2:getStatusResponse>\n    <code>${
      r.str(DIG, 4)
    }</code>\n  </ns2:getStatusResponse>\n</soap:Body>`,
  () =>
    `{"type":"message","user":"U${r.str(UP + DIG, 8)}","text":"deploy ${
      r.int(9)
    }.${r.int(20)}.${r.int(9)} is live :tada:","ts":"1764756${r.str(DIG, 3)}.${
      r.str(DIG, 6)
    }"}`,
  () => `03/12/2026, 10:${pad(r.int(60))} - Team: standup moved to 10:30`,
  () => `BEGIN:VCARD\nVERSION:4.0\nFN:Helpdesk\nORG:Example Corp\nEND:VCARD`,
  () =>
    `{"id":${r.str(DIG, 13)},"line_items":[{"sku":"TS-${
      r.str(DIG, 4)
    }","quantity":${1 + r.int(5)}}],"financial_status":"paid"}`,
  () => `PAYROLL 2026-11 | headcount ${r.int(900)} | total 1.234.567,89 EUR`,
  () =>
    `SHIP TO:\nWAREHOUSE ${r.int(9)}\nTRACKING 1Z${
      r.str(UP + DIG, 16)
    }\nPRIORITY MAIL 2-DAY`,
  () =>
    `Personalbogen (Vorlage)\nName, Vorname: ________\nSteuer-ID: ___________`,
  () => `Ficha de alta (plantilla)\nNombre: ______\nDNI: ________`,
  () =>
    `Version ${r.int(9)}.${r.int(9)}.${r.int(99)}.${
      r.int(9999)
    } released 2026-12-01`,
  () => `Order 2026-${r.str(DIG, 6)} placed 2026-11-${10 + r.int(18)} 14:02`,
  () => `Checksum ${r.str(HEX, 40)}  dist.tar.gz`,
  () =>
    `Listening on http://0.0.0.0:${3000 + r.int(999)} (pid ${r.int(99999)})`,
  () =>
    `Latitude ${r.int(80)}.${r.str(DIG, 5)}, Longitude ${r.int(170)}.${
      r.str(DIG, 5)
    }`,
  () => `See ISO 13616 for the IBAN format; NL IBANs are 18 characters.`,
];
for (let i = 0; i < 60; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
