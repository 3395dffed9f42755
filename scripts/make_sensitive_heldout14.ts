/**
 * `deno run -A scripts/make_sensitive_heldout14.ts > scripts/data/sensitive_heldout14.jsonl`:
 * the fourteenth held-out set (PII round 6), written before that round's
 * code changes and measured once on the unmodified detector. About 180
 * rows of personal data of many countries, each value valid by its rule
 * (Luhn cards with unusual separators, SSNs with dots, IBANs, NINO, NHS,
 * Aadhaar, PAN, Indian phones, NRIC and UEN, KTP, CPF and CNPJ, CURP,
 * DNI and NIE, codice fiscale, INSEE, Steuer-ID, BSN, PESEL,
 * personnummer, RRN, My Number, Chinese IDs, passport MRZ lines, dates of
 * birth under many languages' labels, bank accounts, plain and obfuscated
 * e-mails, phones, visitors' IP addresses, street addresses) in CSV,
 * aligned SQL tables, JSON, camelCase and snake_case keys, HTML, XML,
 * logs, CRM exports and forms; and about 180 benign look-alikes.
 *
 * @module
 */

import { DIG, HEX, LOW, Rng, UP } from "./lib/sensitive_corpus.ts";
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
  nie,
  nino,
  nric,
  personEmail,
  type Row,
  rowAdders,
  spaced4,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import {
  bsn,
  chinaId,
  cnpj,
  codiceFiscale,
  curp,
  inPhone,
  insee,
  isbn13,
  krRrn,
  ktp,
  mrz,
  myNumber,
  pan,
  personnummer,
  pesel,
  publicIpv4,
  publicIpv6,
  steuerId,
  uen,
} from "./lib/world_values.ts";

const r = new Rng(14_1203_2026);
const rows: Row[] = [];
const { pii, ben } = rowAdders(rows);

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const person = () => [cap(r.pick(FIRST)), cap(r.pick(LAST))] as const;
const fullName = () => person().join(" ");
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A date of birth in one of several written forms. */
function dobText(): string {
  const y = 1942 + r.int(62), m = 1 + r.int(12), d = 1 + r.int(28);
  const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"];
  switch (r.int(6)) {
    case 0:
      return `${y}-${pad(m)}-${pad(d)}`;
    case 1:
      return `${pad(d)}.${pad(m)}.${y}`;
    case 2:
      return `${pad(d)}/${pad(m)}/${y}`;
    case 3:
      return `${d} ${MON[m % 9]} ${y}`;
    case 4:
      return `${y}年${m}月${d}日`;
    default:
      return `${pad(m)}-${pad(d)}-${y}`;
  }
}

const CARD_SEPS = [".", "_", "/", " ", "\u00a0", " - "];

/**
 * PII classes: [class, value maker, English label, key (snake_case),
 * local-language label]. The key is turned into camelCase by some carriers.
 */
const CLASSES: [string, () => string, string, string, string][] = [
  [
    "card_sep",
    () =>
      group(
        card(r, r.pick(["4", "51", "53", "6011"]), 16),
        [4, 4, 4, 4],
        r.pick(CARD_SEPS),
      ),
    "Card number",
    "card_number",
    "Kartennummer",
  ],
  ["ssn_dots", () => ssn(r, "."), "SSN", "ssn", "Social Security No."],
  [
    "ssn_dash",
    () => ssn(r, "-"),
    "Social Security Number",
    "social_security_number",
    "SSN",
  ],
  [
    "iban",
    () => {
      const c = r.pick(["DE", "FR", "IT", "GB", "NL", "BE", "AT"]);
      const bban = c === "GB"
        ? r.pick(["NWBK", "BARC", "MIDL"]) + r.str(DIG, 14)
        : c === "NL"
        ? r.pick(["ABNA", "INGB", "RABO"]) + r.str(DIG, 10)
        : c === "IT"
        ? r.str(UP, 1) + r.str(DIG, 22)
        : c === "FR"
        ? r.str(DIG, 23)
        : c === "BE"
        ? r.str(DIG, 12)
        : c === "AT"
        ? r.str(DIG, 16)
        : r.str(DIG, 18);
      const v = iban(c, bban);
      return r.int(2) === 0 ? spaced4(v) : v;
    },
    "IBAN",
    "iban",
    "Bankverbindung (IBAN)",
  ],
  [
    "nino",
    () => nino(r, r.int(2) === 0),
    "NI number",
    "ni_number",
    "National Insurance No",
  ],
  [
    "nhs",
    () => {
      const v = nhs(r);
      return r.pick([v, v.replace(/ /g, ""), v.replace(/ /g, "-")]);
    },
    "NHS number",
    "nhs_number",
    "NHS No.",
  ],
  [
    "aadhaar",
    () => {
      const v = aadhaar(r);
      return r.int(2) === 0
        ? `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`
        : v;
    },
    "Aadhaar",
    "aadhaar_no",
    "आधार संख्या",
  ],
  ["pan", () => pan(r), "PAN", "pan_no", "Permanent Account Number"],
  ["in_phone", () => inPhone(r, r.int(4)), "Mobile", "mobile_no", "मोबाइल नंबर"],
  ["nric", () => nric(r), "NRIC", "nric", "NRIC/FIN"],
  ["uen", () => uen(r), "UEN", "uen", "Unique Entity Number"],
  ["ktp", () => ktp(r), "NIK", "nik", "Nomor Induk Kependudukan"],
  ["cpf", () => cpf(r, r.int(3) !== 0), "CPF", "cpf", "CPF do titular"],
  ["cnpj", () => cnpj(r), "CNPJ", "cnpj", "CNPJ da empresa"],
  ["curp", () => curp(r), "CURP", "curp", "Clave Única (CURP)"],
  ["dni", () => dni(r), "DNI", "dni", "Documento Nacional de Identidad"],
  ["nie", () => nie(r), "NIE", "nie", "Número de Identidad de Extranjero"],
  [
    "codice_fiscale",
    () => codiceFiscale(r),
    "Codice fiscale",
    "codice_fiscale",
    "Cod. Fiscale",
  ],
  [
    "insee",
    () => insee(r, r.int(2) === 0),
    "Numéro de sécurité sociale",
    "num_secu",
    "N° INSEE",
  ],
  [
    "steuer_id",
    () => steuerId(r),
    "Steuer-ID",
    "steuer_id",
    "Steuerliche Identifikationsnummer",
  ],
  ["bsn", () => bsn(r), "BSN", "bsn", "Burgerservicenummer"],
  ["pesel", () => pesel(r), "PESEL", "pesel", "Numer PESEL"],
  [
    "personnummer",
    () => personnummer(r, r.int(2) === 0),
    "Personnummer",
    "personnummer",
    "Personnr",
  ],
  ["kr_rrn", () => krRrn(r), "RRN", "resident_reg_no", "주민등록번호"],
  [
    "my_number",
    () => myNumber(r, r.int(2) === 0),
    "My Number",
    "my_number",
    "個人番号",
  ],
  ["china_id", () => chinaId(r), "ID number", "id_card_no", "身份证号"],
  [
    "passport",
    () =>
      r.pick([
        r.str(UP, 2) + r.str(DIG, 7),
        r.str(DIG, 9),
        r.str(UP, 1) + r.str(DIG, 7),
      ]),
    "Passport No",
    "passport_number",
    "Reisepassnummer",
  ],
  ["dob", dobText, "Date of birth", "date_of_birth", "Geburtsdatum"],
  ["dob_l10n", dobText, "DOB", "birth_date", "Date de naissance"],
  [
    "bank_account",
    () =>
      r.pick([
        r.str(DIG, 8),
        r.str(DIG, 10),
        `${r.str(DIG, 4)}-${r.str(DIG, 6)}-${r.str(DIG, 1)}`,
      ]),
    "Account number",
    "account_number",
    "Kontonummer",
  ],
  ["email", () => personEmail(r), "Email", "email", "E-Mail-Adresse"],
  [
    "email_obf",
    () => {
      const f = r.pick(FIRST), l = r.pick(LAST);
      const dom = r.pick(["gmail", "outlook", "web", "yahoo"]);
      return r.pick([
        `${f}.${l} [at] ${dom} [dot] com`,
        `${f}.${l}(at)${dom}(dot)com`,
        `${f} dot ${l} at ${dom} dot com`,
        `${f}_${l} AT ${dom} DOT com`,
      ]);
    },
    "Contact",
    "contact_email",
    "Kontakt",
  ],
  [
    "phone_intl",
    () =>
      r.pick([
        `+49 151 ${r.str(DIG, 8)}`,
        `+4915${r.str(DIG, 9)}`,
        `+33 6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
          r.str(DIG, 2)
        }`,
        `+44 7${r.str(DIG, 3)} ${r.str(DIG, 6)}`,
        `+61 4${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
        `+55 11 9${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
        `+81 90-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
      ]),
    "Phone",
    "phone",
    "Telefon",
  ],
  [
    "phone_national",
    () =>
      r.pick([
        `07${r.str(DIG, 3)} ${r.str(DIG, 6)}`,
        `0151 ${r.str(DIG, 8)}`,
        `06 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
          r.str(DIG, 2)
        }`,
        `(11) 9${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
        `090-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
        `04${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
        usPhone(r, r.int(3)),
      ]),
    "Tel",
    "tel",
    "Téléphone",
  ],
  [
    "address",
    () =>
      r.pick([
        `${10 + r.int(9000)} ${
          r.pick(["Maple", "Oak", "Willow", "Hawthorne"])
        } ${r.pick(["Avenue", "St", "Drive", "Lane"])}, ${
          r.pick([
            "Springfield, IL 62704",
            "Austin, TX 78704",
            "Portland, OR 97214",
          ])
        }`,
        `${r.pick(["Hauptstraße", "Lindenweg", "Bahnhofstr."])} ${
          1 + r.int(120)
        }, ${r.str(DIG, 5)} ${r.pick(["Berlin", "Köln", "München"])}`,
        `${1 + r.int(80)} rue ${
          r.pick(["de la Paix", "Victor Hugo", "des Lilas"])
        }, ${r.str(DIG, 5)} ${r.pick(["Paris", "Lyon"])}`,
        `Calle ${r.pick(["Mayor", "de Alcalá", "Serrano"])} ${
          1 + r.int(200)
        }, 3º B, 280${r.str(DIG, 2)} Madrid`,
        `Flat ${1 + r.int(40)}, ${1 + r.int(200)} ${
          r.pick(["Kingsway", "Mill Road", "Church Lane"])
        }, London ${r.pick(["N1", "SE15", "E8"])} ${1 + r.int(9)}${
          r.str("ABDEFGHJLNPQRSTUWXYZ", 2)
        }`,
      ]),
    "Address",
    "home_address",
    "Anschrift",
  ],
];

const snakeToCamel = (s: string) =>
  s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** Carriers of one labelled value: (English label, key, local label, value, name). */
const CARRIERS:
  ((l: string, k: string, loc: string, v: string, w: string) => string)[] = [
    (_l, k, _o, v, w) =>
      `id,full_name,${k},city\n${1000 + r.int(9000)},${w},${v},Leeds`,
    (l, _k, _o, v, w) =>
      `"Kunde";"Name";"${l}"\n"K-${r.str(DIG, 5)}";"${w}";"${v}"`,
    (_l, k, _o, v, w) => {
      const h = ` id  | name${" ".repeat(Math.max(1, w.length - 4))}| ${k}`;
      return `${h}\n-----+${"-".repeat(w.length + 1)}+${
        "-".repeat(v.length + 2)
      }\n ${r.int(900) + 10}  | ${w} | ${v}\n(1 row)`;
    },
    (_l, k, _o, v, w) => {
      const bar = `+------+${"-".repeat(w.length + 2)}+${
        "-".repeat(Math.max(k.length, v.length) + 2)
      }+`;
      return `${bar}\n| id   | ${"name".padEnd(w.length)} | ${
        k.padEnd(v.length)
      } |\n${bar}\n| ${String(r.int(9000)).padEnd(4)} | ${w} | ${
        v.padEnd(k.length)
      } |\n${bar}\n1 row in set (0.00 sec)`;
    },
    (_l, k, _o, v, w) =>
      `{"customerId":${r.int(99999)},"fullName":"${w}","${
        snakeToCamel(k)
      }":"${v}","tier":"gold"}`,
    (_l, k, _o, v, w) =>
      `customer:\n  name: ${w}\n  ${k}: "${v}"\n  created_at: 2026-11-${
        10 + r.int(18)
      }`,
    (l, k, _o, v, w) =>
      `<tr data-row="${r.int(500)}"><td>${w}</td><td class="${
        k.replace(/_/g, "-")
      }" title="${l}">${v}</td></tr>`,
    (_l, k, _o, v, w) =>
      `<applicant id="${r.int(9999)}">\n  <name>${w}</name>\n  <${
        snakeToCamel(k)
      }>${v}</${snakeToCamel(k)}>\n</applicant>`,
    (_l, k, _o, v, w) =>
      `2026-12-03T10:${pad(r.int(60))}:${pad(r.int(60))}.${
        r.str(DIG, 3)
      }Z INFO  [onboarding] applicant="${w}" ${k}="${v}" status=PENDING`,
    (l, _k, _o, v, w) =>
      `Contact: ${w}\nOwner: sales-emea\nStage: Qualified\n${l}: ${v}\nLast activity: 2026-11-28`,
    (_l, _k, o, v, w) =>
      `Formular / Form\nName: ${w}\n${o}: ${v}\nUnterschrift: ____`,
    (l, _k, _o, v, w) =>
      `| Name | ${l} | Notes |\n|------|------|-------|\n| ${w} | ${v} | called back |`,
    (_l, k, _o, v, w) => `{'name': '${w}', '${k}': '${v}', 'verified': True}`,
    (l, _k, _o, v, w) =>
      `Hi team, ${w} called and gave their ${l.toLowerCase()} as ${v}, can someone update the record?`,
    (l, _k, _o, v, w) => `Name\t${l}\tSegment\n${w}\t${v}\tretail`,
  ];

const DOB_LABELS = [
  "Date de naissance",
  "Fecha de nacimiento",
  "Data di nascita",
  "Data de nascimento",
  "Geboortedatum",
  "Data urodzenia",
  "Födelsedatum",
  "生年月日",
  "出生日期",
  "생년월일",
  "Tanggal lahir",
  "Doğum tarihi",
  "Дата рождения",
];

for (let i = 0; i < 165; i++) {
  const [cls, mk, en, k, loc] = CLASSES[i % CLASSES.length];
  // The localised date-of-birth class writes its label in the row's language everywhere.
  const l = cls === "dob_l10n" ? r.pick(DOB_LABELS) : en;
  const o = cls === "dob_l10n" ? l : loc;
  const ci = (i * 7 + Math.floor(i / CLASSES.length)) % CARRIERS.length;
  const v = mk();
  pii(`${cls}/c${ci}`, CARRIERS[ci](l, k, o, v, fullName()), v);
}

// Class-specific carriers.
for (let i = 0; i < 4; i++) {
  const [g, s] = person();
  const m = mrz(r, s, g);
  pii("mrz", `Scanned document:\n${m.lines[0]}\n${m.lines[1]}`, m.number);
  const a = aadhaar(r);
  pii(
    "aadhaar/uid_log",
    `2026-12-03 10:1${i}:07 INFO ekyc.verify uid=${a} txn=UKC:${
      r.str(DIG, 8)
    } ret=y`,
    a,
  );
  const ip4 = publicIpv4(r);
  pii(
    "ip/access_log",
    `${ip4} - ${r.pick(FIRST)} [03/Dec/2026:10:${
      pad(r.int(60))
    }:11 +0000] "GET /account/settings HTTP/1.1" 200 ${
      r.int(9000)
    } "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X)"`,
    ip4,
  );
  const ip6 = publicIpv6(r);
  pii(
    "ipv6/access_log",
    `${ip6} - - [03/Dec/2026:11:${
      pad(r.int(60))
    }:42 +0000] "POST /login HTTP/2.0" 302 0 "https://shop.example.net/" "Mozilla/5.0"`,
    ip6,
  );
}

const BENIGN: (() => string)[] = [
  () =>
    `Upgraded the driver to 5.0.${r.int(30)}.${r.int(99)} (build ${
      r.str(DIG, 5)
    }.${r.str(DIG, 4)})`,
  () =>
    `Microsoft Windows [Version 10.0.${19041 + r.int(4000)}.${r.str(DIG, 4)}]`,
  () =>
    `Order #${r.str(DIG, 10)} shipped, tracking ${r.pick(["1Z", "JD"])}${
      r.str(DIG, 16)
    }`,
  () =>
    `invoice_id,amount,currency\nINV-2026-${r.str(DIG, 5)},${
      r.int(9000)
    }.00,EUR\nINV-2026-${r.str(DIG, 5)},${r.int(900)}.50,EUR`,
  () => `See Fowler, Refactoring (ISBN ${isbn13(r)}), chapter 6.`,
  () =>
    `created_at: 2026-11-${
      10 + r.int(18)
    }T09:14:02Z\nupdated_at: 2026-12-03T07:00:00Z`,
  () =>
    `{"orderId":"${1764000000000 + r.int(999999999)}","status":"paid","total":${
      r.int(500)
    }.99}`,
  () =>
    `Use card 4242 4242 4242 4242 with any future expiry and any CVC in Stripe test mode.`,
  () =>
    `Test cards: 4000 0025 0000 3155 (requires 3DS), 4000 0000 0000 9995 (declined, insufficient funds).`,
  () =>
    `bind_address = 10.${r.int(255)}.${r.int(255)}.${
      1 + r.int(250)
    }\nport = 5432`,
  () =>
    `upstream backend {\n  server 192.168.${r.int(255)}.${
      1 + r.int(250)
    }:8080;\n  server 127.0.0.1:8081 backup;\n}`,
  () => `listen [::1]:8080;\nset_real_ip_from fd00::/8;`,
  () =>
    `Release date: ${1990 + r.int(36)}-${pad(1 + r.int(12))}-${
      pad(1 + r.int(28))
    } (v${r.int(9)}.0)`,
  () =>
    `Payment due ${pad(1 + r.int(28))}.${
      pad(1 + r.int(12))
    }.2027, invoice date ${pad(1 + r.int(28))}.11.2026`,
  () =>
    `trace_id=${uuid(r)} span_id=${r.str(HEX, 16)} duration=${r.int(900)}ms`,
  () => `{"lat": 48.${r.str(DIG, 6)}, "lng": 2.${r.str(DIG, 6)}, "zoom": 14}`,
  () => `Office at 52.5200° N, 13.4050° E (map pin)`,
  () =>
    `snmpwalk -v2c -c public localhost 1.3.6.1.4.1.${r.int(60000)}.1.${
      r.int(9)
    }`,
  () =>
    `"version": "${r.int(20)}.${r.int(40)}.${
      r.int(20)
    }",\n"resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz"`,
  () =>
    `message_id ${r.pick(["11", "12"])}${r.str(DIG, 17)} in channel ${
      r.pick(["10", "11"])
    }${r.str(DIG, 16)}`,
  () => `git log -1 --format=%H -> ${r.str(HEX, 40)}`,
  () =>
    `ts=${1764700000 + r.int(99999)} level=info msg="cache warm" keys=${
      r.int(99999)
    }`,
  () =>
    `Ticket REF-${r.str(DIG, 4)}-${r.str(DIG, 4)}-${
      r.str(DIG, 4)
    } escalated to tier 2`,
  () => `Run ID ${r.str(DIG, 10)} finished in ${r.int(60)}m ${r.int(60)}s`,
  () => `ephemeral port range 49152-65535; conntrack max ${r.str(DIG, 6)}`,
  () =>
    `EAN 400${r.str(DIG, 10)} · SKU ${r.str(UP, 3)}-${r.str(DIG, 5)} · qty ${
      r.int(90)
    }`,
  () =>
    `Total: ${r.int(9)}.${r.str(DIG, 3)}.${r.str(DIG, 3)},${
      r.str(DIG, 2)
    } EUR (${r.int(99)} orders)`,
  () =>
    `pod/api-${r.str(HEX, 9)}-${r.str(LOW + DIG, 5)}   1/1   Running   0   ${
      r.int(40)
    }h`,
  () =>
    `date,requests,errors\n2026-11-0${1 + r.int(8)},${r.str(DIG, 6)},${
      r.int(99)
    }\n2026-11-1${r.int(9)},${r.str(DIG, 6)},${r.int(99)}`,
  () =>
    ` order_no   | placed_at  | total\n------------+------------+-------\n ${
      r.str(DIG, 10)
    } | 2026-11-${10 + r.int(18)} | ${r.int(900)}.00\n(1 row)`,
  () =>
    `+---------+-----------------+\n| sku     | ean             |\n+---------+-----------------+\n| ${
      r.str(UP, 2)
    }-${r.str(DIG, 4)} | 590${
      r.str(DIG, 10)
    }   |\n+---------+-----------------+`,
  () =>
    `;; ANSWER SECTION:\napi.github.com.   60  IN  A  140.82.${
      112 + r.int(10)
    }.${r.int(255)}`,
  () => `TZ offset +05:30 (IST), +09:00 (JST); window 2026-12-01..2026-12-31`,
  () =>
    `Build ${2026}${pad(1 + r.int(12))}${pad(1 + r.int(28))}.${
      r.int(20)
    } promoted to staging`,
  () =>
    `Serial number: SN-${r.str(HEX.toUpperCase(), 4)}-${
      r.str(HEX.toUpperCase(), 4)
    }-${r.str(DIG, 4)}`,
  () => `assert(luhnValid("79927398713")); // the textbook Luhn example`,
  () => `ssn: "XXX-XX-XXXX"\ndob: null\npassport_number: ""`,
  () =>
    `{"email":"<redacted>","phone":"***","iban":"DE** **** **** **** **** 00"}`,
  () =>
    `Please write to support@${
      r.pick(["acme-corp.io", "example.org"])
    } or noreply@github.com with questions.`,
  () =>
    `The IBAN field accepts up to 34 characters; German IBANs have 22 (DE + 2 check digits + 18).`,
  () => `DNI format: 8 digits and a check letter; NIE starts with X, Y or Z.`,
  () =>
    `Call 112 (EU) or 911 (US) in an emergency; extension ${
      r.str(DIG, 4)
    } for IT.`,
  () =>
    `Card ending in ${r.str(DIG, 4)} · exp ${pad(1 + r.int(12))}/${
      28 + r.int(5)
    }`,
  () => `phone_regex = r"^\\+?[1-9]\\d{1,14}$"  # E.164`,
  () =>
    `memory: ${r.pick([256, 512, 1024])}Mi\ncpu: ${
      r.pick([100, 250, 500])
    }m\nreplicas: ${1 + r.int(5)}`,
  () => `Copyright ${1995 + r.int(10)}-2026 Example Corp. All rights reserved.`,
  () =>
    `sha256  ${r.str(HEX, 64)}  dist/app-${r.int(9)}.${r.int(9)}.${
      r.int(9)
    }.tar.gz`,
  () =>
    `Latency p50=${r.int(90)}ms p99=${r.int(900)}ms over ${
      r.str(DIG, 7)
    } requests`,
];

for (let i = 0; i < 180; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
