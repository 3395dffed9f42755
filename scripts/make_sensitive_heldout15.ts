/**
 * `deno run -A scripts/make_sensitive_heldout15.ts > scripts/data/sensitive_heldout15.jsonl`:
 * the fifteenth held-out set (PII round 6), written after that round's
 * fixes and measured once: the honest figure of the round's final
 * detector. Its carriers differ from set 14's: pandas and Jupyter output,
 * GraphQL responses, Kafka and Rails parameter logs, Laravel dd() dumps,
 * Elixir and Go struct prints, protobuf text, support tickets, chat
 * transcripts, e-mail signatures, scanned-form text and spreadsheet
 * pastes; values of the same classes in other layouts, and benign
 * look-alikes from the same carriers.
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

const r = new Rng(15_1203_2026);
const rows: Row[] = [];
const { pii, ben } = rowAdders(rows);

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const person = () => [cap(r.pick(FIRST)), cap(r.pick(LAST))] as const;
const fullName = () => person().join(" ");
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A birth date in a written form set 14 did not use as often. */
function dob(): string {
  const y = 1945 + r.int(58), m = 1 + r.int(12), d = 1 + r.int(28);
  const MONTHS = ["January", "March", "June", "August", "October", "December"];
  return r.pick([
    `${y}/${pad(m)}/${pad(d)}`,
    `${d} ${MONTHS[m % 6]} ${y}`,
    `${MONTHS[m % 6]} ${d}, ${y}`,
    `${pad(d)}-${pad(m)}-${y}`,
    `${y}.${pad(m)}.${pad(d)}`,
  ]);
}

/** [class, value maker, label, snake key]. */
const CLASSES: [string, () => string, string, string][] = [
  [
    "card",
    () =>
      group(
        card(r, r.pick(["4", "55", "2221", "36", "6011"]), 16),
        [4, 4, 4, 4],
        r.pick([" ", "-", ".", "\u00a0"]),
      ),
    "Credit card",
    "cc_number",
  ],
  ["ssn", () => ssn(r, r.pick(["-", ".", " "])), "SSN", "ssn"],
  [
    "iban",
    () => iban(r.pick(["ES", "PT", "DE"]), r.str(DIG, r.pick([20, 21, 18]))),
    "IBAN",
    "iban",
  ],
  ["nino", () => nino(r, r.int(2) === 0), "NI No", "ni_no"],
  ["nhs", () => nhs(r), "NHS Number", "nhs_no"],
  ["aadhaar", () => aadhaar(r), "Aadhaar Number", "aadhaar_number"],
  ["pan", () => pan(r), "PAN", "pan"],
  ["in_phone", () => inPhone(r, r.int(4)), "Mobile No", "mobile_no"],
  ["nric", () => nric(r), "NRIC No", "nric_no"],
  ["uen", () => uen(r), "UEN", "uen"],
  ["ktp", () => ktp(r), "NIK", "nik"],
  ["cpf", () => cpf(r), "CPF", "cpf"],
  ["cnpj", () => cnpj(r), "CNPJ", "cnpj"],
  ["curp", () => curp(r), "CURP", "curp"],
  ["dni", () => dni(r), "DNI", "dni"],
  ["nie", () => nie(r), "NIE", "nie"],
  ["codice_fiscale", () => codiceFiscale(r), "Codice Fiscale", "cod_fiscale"],
  ["insee", () => insee(r, true), "N° de sécurité sociale", "nir"],
  ["steuer_id", () => steuerId(r), "Steuer-IdNr", "steuer_idnr"],
  ["bsn", () => bsn(r), "BSN", "bsn"],
  ["pesel", () => pesel(r), "PESEL", "pesel"],
  ["personnummer", () => personnummer(r, false), "Personnummer", "pnr"],
  ["kr_rrn", () => krRrn(r), "주민등록번호", "rrn"],
  ["my_number", () => myNumber(r, true), "個人番号", "my_number"],
  ["china_id", () => chinaId(r), "身份证号", "id_card"],
  [
    "passport",
    () => r.pick([r.str(UP, 1) + r.str(DIG, 8), r.str(DIG, 9)]),
    "Passport",
    "passport",
  ],
  ["dob", dob, "Birth date", "birthdate"],
  ["bank_account", () => r.str(DIG, 10), "Account No", "acct_no"],
  ["email", () => personEmail(r), "E-mail", "email"],
  [
    "email_obf",
    () => {
      const f = r.pick(FIRST), l = r.pick(LAST);
      return r.pick([
        `${f}.${l} (at) protonmail (dot) com`,
        `${f}{at}${l}{dot}de`,
        `${f}_${l} [at] outlook [dot] com`,
      ]);
    },
    "Email",
    "email",
  ],
  [
    "phone",
    () =>
      r.pick([
        usPhone(r, r.int(6)),
        `+34 6${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
        `+39 3${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
        `+49 (0)17${r.str(DIG, 1)} ${r.str(DIG, 7)}`,
        `+86 13${r.str(DIG, 1)} ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
      ]),
    "Phone",
    "phone",
  ],
  [
    "address",
    () =>
      r.pick([
        `${100 + r.int(8000)} ${
          r.pick(["Cedar", "Elm", "Sunset", "Lakeview"])
        } ${r.pick(["Blvd", "Road", "Court", "Place"])}`,
        `${r.pick(["Gartenstraße", "Schillerweg", "Ringstr."])} ${
          1 + r.int(99)
        }`,
        `Via ${r.pick(["Garibaldi", "Mazzini", "Dante"])} ${1 + r.int(150)}`,
      ]),
    "Address",
    "street_address",
  ],
];

const camel = (s: string) =>
  s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** New carriers: (label, key, value, name). */
const CARRIERS: ((l: string, k: string, v: string, w: string) => string)[] = [
  // pandas DataFrame print
  (_l, k, v, w) =>
    `   customer_id          name  ${k}\n0        ${
      r.str(DIG, 5)
    }  ${w}  ${v}\n\n[1 rows x 3 columns]`,
  // GraphQL response
  (_l, k, v, w) =>
    `{"data":{"user":{"id":"${uuid(r)}","displayName":"${w}","${
      camel(k)
    }":"${v}"}}}`,
  // Rails parameter log
  (_l, k, v, w) =>
    `Started POST "/signup" for 127.0.0.1\nProcessing by UsersController#create as HTML\n  Parameters: {"user"=>{"name"=>"${w}", "${k}"=>"${v}"}}`,
  // Laravel dd()
  (_l, k, v, w) =>
    `array:3 [▼\n  "name" => "${w}"\n  "${k}" => "${v}"\n  "status" => "active"\n]`,
  // Elixir map
  (_l, k, v, w) =>
    `%{name: "${w}", ${k}: "${v}", inserted_at: ~U[2026-11-30 10:00:00Z]}`,
  // Go struct print
  (_l, k, v, w) =>
    `{ID:${r.int(9999)} Name:${w.replace(" ", "")} ${
      cap(camel(k))
    }:${v} Active:true}`,
  // protobuf text format
  (_l, k, v, w) => `customer {\n  name: "${w}"\n  ${k}: "${v}"\n}`,
  // support ticket
  (l, _k, v, w) =>
    `Ticket #${
      r.str(DIG, 6)
    } — ${w}\nCustomer wrote: "Hi, my ${l} is ${v}, please fix my account."`,
  // chat transcript
  (l, _k, v, w) =>
    `[10:${pad(r.int(60))}] agent: can you confirm your ${l}?\n[10:${
      pad(r.int(60))
    }] ${w.split(" ")[0].toLowerCase()}: sure, ${v}`,
  // e-mail signature-style block
  (l, _k, v, w) =>
    `Best regards,\n${w}\nAccounts Payable\n${l}: ${v}\nSent from my phone`,
  // scanned form (OCR text)
  (l, _k, v, w) =>
    `APPLICATION FORM\n1. Full name ........ ${w}\n2. ${l} ........ ${v}\n3. Signature ........`,
  // spreadsheet paste (tab-separated with header)
  (l, _k, v, w) => `Name\t${l}\tOwner\n${w}\t${v}\tops`,
  // Kafka consumer log
  (_l, k, v, w) =>
    `kafka-consumer[orders-3] offset=${r.str(DIG, 7)} key=${
      r.str(HEX, 8)
    } value={"customer":"${w}","${k}":"${v}"}`,
  // Jupyter cell output of a dict
  (_l, k, v, w) =>
    `Out[${1 + r.int(40)}]: {'customer': '${w}', '${k}': '${v}'}`,
];

for (let i = 0; i < 93; i++) {
  const [cls, mk, l, k] = CLASSES[i % CLASSES.length];
  const ci = (i * 5 + Math.floor(i / CLASSES.length)) % CARRIERS.length;
  const v = mk();
  pii(`${cls}/c${ci}`, CARRIERS[ci](l, k, v, fullName()), v);
}
for (let i = 0; i < 2; i++) {
  const [g, s] = person();
  const m = mrz(r, s, g);
  pii(
    "mrz/ocr",
    `--- page 2 (OCR) ---\nPASSPORT\n${m.lines[0]}\n${m.lines[1]}`,
    m.number,
  );
  const ip = publicIpv4(r);
  pii(
    "ip/haproxy",
    `haproxy[812]: ${ip}:${
      40000 + r.int(20000)
    } [03/Dec/2026:11:02:33.441] fe_https be_app/app2 0/0/1/12/13 200 5123 - - ---- 1/1/0/0/0 0/0 "GET /profile HTTP/1.1"`,
    ip,
  );
  const ip6 = publicIpv6(r);
  pii(
    "ipv6/login_audit",
    `{"event":"login_success","user":"${r.pick(FIRST)}","remote_ip":"${ip6}"}`,
    ip6,
  );
  const a = aadhaar(r);
  pii(
    "aadhaar/auth_xml",
    `<Auth uid="${a}" tid="public" ac="public" sa="public" ver="2.5" txn="${
      r.str(DIG, 10)
    }"/>`,
    a,
  );
}

const BENIGN: (() => string)[] = [
  () =>
    `       count        mean\nrows   ${r.str(DIG, 5)}  ${r.int(90)}.${
      r.str(DIG, 4)
    }\nbytes  ${r.str(DIG, 9)}  ${r.int(9)}.${r.str(DIG, 2)}e+06`,
  () =>
    `{"data":{"repository":{"id":"R_kgDO${
      r.str(UP + LOW + DIG, 6)
    }","stargazerCount":${r.int(99999)}}}}`,
  () =>
    `Started GET "/health" for 10.${r.int(255)}.${r.int(255)}.${
      1 + r.int(250)
    } at 2026-12-03 10:00:00 +0000\nCompleted 200 OK in ${r.int(90)}ms`,
  () =>
    `array:2 [▼\n  "order_id" => ${r.str(DIG, 10)}\n  "total" => "${
      r.int(900)
    }.00"\n]`,
  () =>
    `%{id: ${r.int(99999)}, sku: "SKU-${r.str(DIG, 6)}", qty: ${r.int(50)}}`,
  () =>
    `{ID:${r.int(9999)} Build:${r.int(9)}.${r.int(20)}.${r.int(99)}.${
      r.int(9999)
    } Region:eu-west-1}`,
  () =>
    `metadata {\n  request_id: "${uuid(r)}"\n  created_unix: ${
      1764700000 + r.int(99999)
    }\n}`,
  () =>
    `Ticket #${r.str(DIG, 6)} — build failing on main since commit ${
      r.str(HEX, 7)
    }`,
  () =>
    `[10:${pad(r.int(60))}] agent: your order ${
      r.str(DIG, 9)
    } ships tomorrow\n[10:${pad(r.int(60))}] customer: thanks!`,
  () =>
    `Best regards,\nThe Billing Team\nExample Corp · support@example.com · +1 555 0100`,
  () =>
    `APPLICATION FORM\n1. Full name ........ ______\n2. Date of birth ........ __/__/____`,
  () =>
    `Name\tCount\tOwner\nerrors\t${r.int(999)}\tops\nwarnings\t${
      r.int(999)
    }\tops`,
  () =>
    `kafka-consumer[orders-3] offset=${r.str(DIG, 7)} lag=${r.int(90)} key=${
      r.str(HEX, 8)
    }`,
  () =>
    `Out[${1 + r.int(40)}]: {'epoch': ${r.int(50)}, 'loss': 0.${
      r.str(DIG, 4)
    }, 'lr': 3e-4}`,
  () =>
    `Flight LH${r.str(DIG, 4)} departs 2026-12-1${r.int(9)} 07:${r.int(5)}5`,
  () =>
    `Tracking: 9400 1000 0000 0000 ${r.str(DIG, 4)} ${r.str(DIG, 2)} (USPS)`,
  () =>
    `GPS fix lat=${r.int(80)}.${r.str(DIG, 6)} lon=-${r.int(170)}.${
      r.str(DIG, 6)
    } hdop=0.9`,
  () =>
    `  # aws_instance.web will be created\n  + ami = "ami-${
      r.str(HEX, 17)
    }"\n  + instance_type = "t3.micro"`,
  () =>
    `00000010: ${r.str(HEX, 4)} ${r.str(HEX, 4)} ${r.str(HEX, 4)} ${
      r.str(HEX, 4)
    }  ................`,
  () =>
    `Stock AAPL 2026-12-02 close ${r.int(300)}.${r.str(DIG, 2)} vol ${
      r.str(DIG, 8)
    }`,
  () =>
    `Warning  BackOff  pod/api-${
      r.str(HEX, 5)
    }  Back-off restarting failed container (x${r.int(40)})`,
  () => `ISO 3166: DE, FR, IT; ISO 4217: EUR; E.164 max length 15`,
  () =>
    `Test IBAN from the docs: DE89 3704 0044 0532 0130 00 (example account)`,
  () => `Use test card 5555 5555 5555 4444 in sandbox mode.`,
  () =>
    `valid_from: 1998-04-01\nvalid_to: 2031-03-31\nversion: 3.2.${r.int(9)}`,
  () => `npm WARN deprecated request@2.88.2: request has been deprecated`,
  () =>
    `[${r.int(9)}.${r.str(DIG, 6)}] usb 1-${
      r.int(4)
    }: new high-speed USB device number ${r.int(20)} using xhci_hcd`,
  () => `PID ${r.int(99999)} used ${r.int(900)} MiB RSS, ${r.int(99)}% CPU`,
  () =>
    `Invoice INV/${2026}/${r.str(DIG, 5)} due ${pad(1 + r.int(28))}.01.2027 — ${
      r.int(9000)
    },00 EUR`,
  () =>
    `Meeting ID: ${r.str(DIG, 3)} ${r.str(DIG, 4)} ${
      r.str(DIG, 4)
    }\nPasscode: ${r.str(DIG, 6)}`,
  () => `cat /proc/meminfo | head -1 -> MemTotal: ${r.str(DIG, 8)} kB`,
  () => `listen_addresses = '127.0.0.1'\nport = 5432\nmax_connections = 100`,
  () =>
    `Release 2026.12.${r.int(9)} (build ${
      r.str(DIG, 4)
    }) — changelog at docs/CHANGELOG.md`,
];
for (let i = 0; i < 100; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
