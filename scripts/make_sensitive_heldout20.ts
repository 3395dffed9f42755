/**
 * `deno run -A scripts/make_sensitive_heldout20.ts [SEED] > scripts/data/sensitive_heldout20.jsonl`:
 * the held-out set of PII round 7, written before any of the round's
 * detector changes. About 200 PII rows: national identifiers with check
 * digits the scanner never saw (Denmark, Finland, Portugal, Belgium,
 * Ireland, Chile, Israel, Australia, Norway, South Africa, Turkey, Croatia,
 * Romania) beside the known kinds, labelled dates of birth, bank accounts,
 * passports and street addresses, carried in tabular output (CSV after a
 * header, psql tables, JSON exports, Markdown and HTML tables) as well as
 * key/value and prose lines. About 200 hard benign rows: ids, versions,
 * hashes, order and invoice numbers, timestamps, checksum-valid numbers
 * without a personal label, and documented test values (Stripe test cards,
 * the SSNs 078-05-1120 and 123-45-6789, example IBANs, 555 phones).
 *
 * The default seed makes the held-out set; any other seed makes a tune set
 * from the same templates (`sensitive_tune20.jsonl`, seed 7), so held-out
 * rows share templates with the tune rows but not values.
 *
 * @module
 */

import { DIG, HEX, LOW, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  card,
  dni,
  emitRows,
  FIRST,
  group,
  iban,
  LAST,
  nhs,
  nie,
  nino,
  personEmail,
  type Row,
  rowAdders,
  sin,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import { pesel, publicIpv4, steuerId } from "./lib/world_values.ts";
import {
  abaRouting,
  auTfn,
  beNn,
  clRut,
  dkCpr,
  fiHetu,
  hrOib,
  iePps,
  ilId,
  noFnr,
  ptNif,
  roCnp,
  trTckn,
  zaId,
} from "./lib/national_values.ts";

const seed = Number(Deno.args[0] ?? "20_1203_2026".replaceAll("_", ""));
const r = new Rng(seed);
const rows: Row[] = [];
const { pii, ben } = rowAdders(rows);

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const EXTRA_FIRST = ["mette", "aino", "joão", "lotte", "siobhan", "ignacio"];
const EXTRA_LAST = ["jensen", "virtanen", "ferreira", "peeters", "murphy"];
const fullName = () =>
  `${cap(r.pick([...FIRST, ...EXTRA_FIRST]))} ${
    cap(r.pick([...LAST, ...EXTRA_LAST]))
  }`;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A date of birth in one of several written layouts. */
function dobText(): string {
  const y = 1948 + r.int(57), m = 1 + r.int(12), d = 1 + r.int(28);
  switch (r.int(5)) {
    case 0:
      return `${y}-${pad(m)}-${pad(d)}`;
    case 1:
      return `${pad(d)}/${pad(m)}/${y}`;
    case 2:
      return `${pad(d)}.${pad(m)}.${y}`;
    case 3:
      return `${d} ${MONTHS[m - 1]} ${y}`;
    default:
      return `${MONTHS[m - 1]} ${d}, ${y}`;
  }
}

/** A street address of a person in the US, UK, Germany or France. */
function address(): string {
  const n = 1 + r.int(480);
  switch (r.int(4)) {
    case 0:
      return `${n} ${r.pick(["Maple", "Oak", "Cedar", "Elm", "Willow"])} ${
        r.pick(["Street", "Ave", "Drive", "Lane"])
      }, Apt ${1 + r.int(40)}, ${
        r.pick(["Springfield, IL", "Austin, TX", "Dayton, OH"])
      } ${r.str(DIG, 5)}`;
    case 1:
      return `${n} ${r.pick(["Kingsley", "Ashford", "Mill"])} Road, ${
        r.pick(["Leeds LS6", "Bristol BS7", "Leicester LE2"])
      } ${1 + r.int(9)}${r.str("ABDEFGHJLNPQRSTUWXYZ", 2)}`;
    case 2:
      return `${r.pick(["Lindenstraße", "Hauptstr.", "Gartenweg"])} ${n}, ${
        r.str(DIG, 5)
      } ${r.pick(["Köln", "Leipzig", "Bremen"])}`;
    default:
      return `${n} rue ${r.pick(["des Lilas", "Victor Hugo", "de la Paix"])}, ${
        r.str(DIG, 5)
      } ${r.pick(["Lyon", "Nantes", "Lille"])}`;
  }
}

/** [class, value maker, label, column key]. */
const CLASSES: [string, () => string, string, string][] = [
  ["dk_cpr", () => dkCpr(r, r.int(3) > 0), "CPR-nr.", "cpr"],
  ["fi_hetu", () => fiHetu(r), "Henkilötunnus", "hetu"],
  ["pt_nif", () => ptNif(r), "NIF", "nif"],
  ["be_nn", () => beNn(r, r.int(2) === 0), "Rijksregisternummer", "rrn"],
  ["ie_pps", () => iePps(r), "PPS No", "pps_number"],
  ["cl_rut", () => clRut(r, r.int(3) > 0), "RUT", "rut"],
  ["il_id", () => ilId(r), "Teudat Zehut", "teudat_zehut"],
  ["au_tfn", () => auTfn(r, r.int(2) === 0), "TFN", "tfn"],
  ["no_fnr", () => noFnr(r), "Fødselsnummer", "fnr"],
  ["za_id", () => zaId(r), "ID Number", "sa_id_number"],
  ["tr_tckn", () => trTckn(r), "TC Kimlik No", "tckn"],
  ["hr_oib", () => hrOib(r), "OIB", "oib"],
  ["ro_cnp", () => roCnp(r), "CNP", "cnp"],
  ["dob", dobText, "Date of birth", "date_of_birth"],
  ["dob_short", dobText, "DOB", "dob"],
  [
    "bank_us",
    () => r.str(DIG, 8 + r.int(4)),
    "Account number",
    "account_number",
  ],
  [
    "bank_uk",
    () => `${r.str(DIG, 2)}-${r.str(DIG, 2)}-${r.str(DIG, 2)} ${r.str(DIG, 8)}`,
    "Sort code / account",
    "bank_account",
  ],
  ["routing", () => abaRouting(r), "Routing number", "routing_number"],
  [
    "passport",
    () =>
      r.pick([
        () => r.str(DIG, 9),
        () => r.str(UP, 2) + r.str(DIG, 7),
        () => "C" + r.str("CFGHJKLMNPRTVWXYZ0123456789", 8),
      ])(),
    "Passport number",
    "passport_number",
  ],
  ["address", address, "Home address", "home_address"],
  [
    "card",
    () =>
      r.int(4) === 0
        ? group(card(r, "37", 15), [4, 6, 5], " ")
        : group(card(r, r.pick(["4", "51"]), 16), [4, 4, 4, 4], " "),
    "Card",
    "card_number",
  ],
  ["ssn", () => ssn(r, r.pick(["-", ""])), "SSN", "ssn"],
  ["iban", () => iban("BE", r.str(DIG, 12)), "IBAN", "iban"],
  ["email", () => personEmail(r), "Email", "email"],
  ["phone", () => usPhone(r, r.int(6)), "Phone", "phone"],
  ["nhs", () => nhs(r), "NHS number", "nhs_no"],
  ["nino", () => nino(r, r.int(2) === 0), "NI number", "ni_number"],
  ["sin", () => sin(r, r.pick([" ", "-"])), "SIN", "sin"],
  ["es_id", () => r.pick([dni, nie])(r), "DNI/NIE", "dni"],
  ["pesel", () => pesel(r), "PESEL", "pesel"],
  ["steuer_id", () => steuerId(r), "Steuer-ID", "steuer_id"],
];

/** Carriers of one labelled value: label, column key, value, a person's name. */
const CARRIERS: ((l: string, k: string, v: string, w: string) => string)[] = [
  // CSV export with a header row
  (_l, k, v, w) =>
    `id,full_name,${k},created_at\n${r.int(99999)},${w},${v},2026-11-${
      10 + r.int(18)
    }T09:${pad(r.int(60))}:00Z`,
  // psql table
  (_l, k, v, w) => {
    const kw = Math.max(k.length, v.length);
    return ` id  | name${" ".repeat(Math.max(0, w.length - 4))} | ${
      k.padEnd(kw)
    }\n-----+${"-".repeat(Math.max(w.length, 4) + 2)}+${"-".repeat(kw + 2)}\n ${
      pad(r.int(999), 3)
    } | ${w.padEnd(4)} | ${v.padEnd(kw)}\n(1 row)`;
  },
  // JSON export (array of records)
  (_l, k, v, w) =>
    `[\n  {"id": ${
      r.int(99999)
    }, "name": "${w}", "${k}": "${v}", "active": true}\n]`,
  // Markdown table
  (l, _k, v, w) =>
    `| Name | ${l} | Team |\n|---|---|---|\n| ${w} | ${v} | Ops |`,
  // TSV with header
  (_l, k, v, w) => `name\t${k}\tstatus\n${w}\t${v}\tverified`,
  // key: value form
  (l, _k, v, w) => `Applicant: ${w}\n${l}: ${v}\nStatus: pending review`,
  // YAML record
  (_l, k, v, w) =>
    `- employee:\n    name: ${w}\n    ${k}: "${v}"\n    start: 2027-01-04`,
  // HTML table
  (l, _k, v, w) =>
    `<table><tr><th>Name</th><th>${l}</th></tr><tr><td>${w}</td><td>${v}</td></tr></table>`,
  // SQL insert with columns
  (_l, k, v, w) =>
    `INSERT INTO customers (id, name, ${k}) VALUES (${
      r.int(9999)
    }, '${w}', '${v}');`,
  // logfmt line
  (_l, k, v) =>
    `ts=2026-12-03T10:${
      pad(r.int(60))
    }:11Z level=info msg="kyc check" ${k}="${v}" result=match`,
  // prose
  (l, _k, v, w) => `Hi, this is ${w}; my ${l} is ${v}, please update my file.`,
  // XML attribute
  (_l, k, v, w) => `<person name="${w}" ${k}="${v}" verified="true"/>`,
];

const N_LABELLED = 180;
for (let i = 0; i < N_LABELLED; i++) {
  const [cls, mk, l, k] = CLASSES[i % CLASSES.length];
  const ci = r.int(CARRIERS.length);
  const v = mk();
  pii(`${cls}/c${ci}`, CARRIERS[ci](l, k, v, fullName()), v);
}

// Multi-column exports: every personal cell must go.
for (let i = 0; i < 12; i++) {
  const w = fullName(), e = personEmail(r), p = usPhone(r, i);
  const d = `${1950 + r.int(50)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
  switch (i % 4) {
    case 0:
      pii(
        "multi/csv",
        `customer_id,name,email,phone,dob\n${r.int(99999)},${w},${e},${p},${d}`,
        e,
        p,
        d,
      );
      break;
    case 1:
      pii(
        "multi/psql",
        ` name | email | date_of_birth\n------+-------+---------------\n ${w} | ${e} | ${d}\n(1 row)`,
        e,
        d,
      );
      break;
    case 2: {
      const t = dkCpr(r);
      pii(
        "multi/json",
        `{"rows":[{"navn":"${w}","email":"${e}","cpr":"${t}"}]}`,
        e,
        t,
      );
      break;
    }
    default: {
      const a = address();
      pii(
        "multi/csv_quoted",
        `"name","address","phone"\n"${w}","${a}","${p}"`,
        a,
        p,
      );
    }
  }
}
// Unlabelled but structurally strong values in free text.
for (let i = 0; i < 8; i++) {
  const ip = publicIpv4(r);
  const [cc, len] = r.pick([["PT", 21], ["FI", 14], ["DK", 14]] as const);
  const ib = iban(cc, r.str(DIG, len));
  if (i % 2 === 0) {
    pii(
      "ip/nginx",
      `${ip} - - [03/Dec/2026:11:${
        pad(r.int(60))
      }:07 +0000] "GET /account HTTP/2.0" 200 512 "-" "Mozilla/5.0"`,
      ip,
    );
  } else {
    pii(
      "iban/transfer",
      `Transfer of EUR 420.00 to ${fullName()} (${ib}) scheduled.`,
      ib,
    );
  }
}

// ---------------------------------------------------------------- benign
const semver = () => `${r.int(20)}.${r.int(30)}.${r.int(40)}`;
const BENIGN: (() => string)[] = [
  // documented test values
  () =>
    `Use the Stripe test card ${
      r.pick([
        "4242 4242 4242 4242",
        "4000 0566 5566 5556",
        "5555 5555 5555 4444",
        "3782 822463 10005",
        "6011 1111 1111 1117",
      ])
    } with any future expiry and any CVC.`,
  () =>
    `stripe.paymentMethods.create({type: 'card', card: {number: '${
      r.pick(["4242424242424242", "4000000000009995", "5200828282828210"])
    }', exp_month: 12, exp_year: 2034, cvc: '314'}})`,
  () =>
    `The SSN ${
      r.pick(["078-05-1120", "123-45-6789", "219-09-9999"])
    } is a well-known invalid example; never use it in production data.`,
  () =>
    `it("rejects the example SSN", () => expect(isValidSsn("${
      r.pick(["123-45-6789", "078-05-1120"])
    }")).toBe(false));`,
  () =>
    `Example IBAN: ${
      r.pick([
        "GB82 WEST 1234 5698 7654 32",
        "DE89 3704 0044 0532 0130 00",
        "NL91ABNA0417164300",
      ])
    } (from the ISO 13616 registry).`,
  () =>
    `Demo contact: (${2 + r.int(8)}${r.str(DIG, 2)}) 555-01${
      r.str(DIG, 2)
    }; fictional numbers use 555-0100 through 555-0199.`,
  () => `Contact: support@example.com, sales@example.org, noreply@example.net`,
  // ids, versions, hashes
  () =>
    `order_id,sku,qty,total\n${r.str(DIG, 9)},SKU-${r.str(DIG, 5)},${
      1 + r.int(9)
    },${r.int(900)}.${r.str(DIG, 2)}\n${r.str(DIG, 9)},SKU-${r.str(DIG, 5)},${
      1 + r.int(9)
    },${r.int(900)}.${r.str(DIG, 2)}`,
  () =>
    ` id        | status  | amount\n-----------+---------+--------\n ${
      r.str(DIG, 9)
    } | shipped | ${r.int(999)}.${r.str(DIG, 2)}\n ${
      r.str(DIG, 9)
    } | pending | ${r.int(999)}.${r.str(DIG, 2)}\n(2 rows)`,
  () =>
    `[{"invoice":"INV-${r.str(DIG, 6)}-${r.str(DIG, 4)}","net":${
      r.int(9999)
    },"vat":${r.int(999)},"currency":"EUR"}]`,
  () =>
    `Invoice INV-${pad(r.int(30) + 1)}${pad(1 + r.int(12))}${pad(r.int(30))}-${
      r.str(DIG, 4)
    } due ${pad(1 + r.int(28))}.${pad(1 + r.int(12))}.2027`,
  () =>
    `${semver()} (build ${r.str(DIG, 8)}.${r.int(9)}), commit ${
      r.str(HEX, 12)
    }`,
  () => `Microsoft Windows [Version 10.0.${r.str(DIG, 5)}.${r.str(DIG, 4)}]`,
  () => `sha256:${r.str(HEX, 64)}  image.tar`,
  () => `${r.str(HEX, 40)} refs/heads/release-${semver()}`,
  () => `"integrity": "sha512-${r.str(UP + LOW + DIG, 86)}=="`,
  () =>
    `request_id=${uuid(r)} trace_id=${r.str(HEX, 32)} span=${r.str(HEX, 16)}`,
  // timestamps and numeric noise
  () =>
    `ts,epoch_ms,latency_ms\n2026-12-03T10:00:00Z,${1764756 + r.str(DIG, 6)},${
      r.int(900)
    }\n2026-12-03T10:00:01Z,${1764756 + r.str(DIG, 6)},${r.int(900)}`,
  () =>
    `created_at,updated_at\n${2020 + r.int(6)}-${pad(1 + r.int(12))}-${
      pad(1 + r.int(28))
    } ${pad(r.int(24))}:${pad(r.int(60))}:${pad(r.int(60))},${
      2024 + r.int(3)
    }-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`,
  () =>
    `Released on ${1 + r.int(28)} ${r.pick(MONTHS)} ${
      2015 + r.int(11)
    }; support ends ${r.pick(MONTHS)} ${1 + r.int(28)}, 2029.`,
  () =>
    `build_number: ${r.str(DIG, 9)}\npipeline_id: ${r.str(DIG, 10)}\njob_id: ${
      r.str(DIG, 11)
    }`,
  () =>
    `primes: ${[2, 3, 5, 7, 11, 13].join(", ")}; ${r.str(DIG, 9)} mod 97 = ${
      r.int(97)
    }`,
  () =>
    `Snowflake ids: ${r.str(DIG, 18)}, ${r.str(DIG, 18)}, ${r.str(DIG, 19)}`,
  () =>
    `tracking_number,carrier\n1Z${r.str(UP + DIG, 16)},UPS\n${
      r.str(DIG, 22)
    },USPS\n${r.str(DIG, 12)},FedEx`,
  () =>
    `ean13,gtin14,isbn\n${r.str(DIG, 13)},${r.str(DIG, 14)},978${
      r.str(DIG, 10)
    }`,
  () =>
    `| metric | p50 | p99 |\n|---|---|---|\n| latency_us | ${r.str(DIG, 6)} | ${
      r.str(DIG, 7)
    } |\n| bytes | ${r.str(DIG, 9)} | ${r.str(DIG, 10)} |`,
  () =>
    `id\tparent_id\tsort\n${r.str(DIG, 9)}\t${r.str(DIG, 9)}\t${r.int(99)}\n${
      r.str(DIG, 11)
    }\t${r.str(DIG, 11)}\t${r.int(99)}`,
  () =>
    `INSERT INTO events (id, kind, ref) VALUES (${r.str(DIG, 9)}, 'login', '${
      r.str(DIG, 11)
    }');`,
  () =>
    `<item sku="${r.str(DIG, 9)}" batch="${r.str(DIG, 6)}-${
      r.str(DIG, 4)
    }" qty="${r.int(99)}"/>`,
  () =>
    `Ticket #${r.str(DIG, 6)}-${r.str(DIG, 4)} resolved by on-call in ${
      r.int(90)
    } min`,
  () =>
    `ts=2026-12-03T10:${
      pad(r.int(60))
    }:00Z level=info msg="batch done" batch_id="${r.str(DIG, 11)}" rows=${
      r.int(99999)
    }`,
  () =>
    `Your order ${r.str(DIG, 3)}-${r.str(DIG, 7)}-${
      r.str(DIG, 7)
    } has shipped. Estimated delivery: ${r.pick(MONTHS)} ${1 + r.int(28)}.`,
  () =>
    `Account settings → Notifications (account id ${
      r.str(DIG, 12)
    }, workspace ${r.str(LOW, 8)})`,
  // personal-looking labels without personal data
  () =>
    `CREATE TABLE people (\n  id bigint PRIMARY KEY,\n  date_of_birth date NOT NULL,\n  passport_number varchar(9),\n  cpr char(11),\n  account_number varchar(34)\n);`,
  () =>
    `Date of birth: DD/MM/YYYY\nPassport number: ________\nCPR-nr.: ______-____`,
  () =>
    `{"type":"object","properties":{"date_of_birth":{"type":"string","format":"date"},"tfn":{"type":"string","pattern":"^\\\\d{9}$"}}}`,
  () =>
    `error: field "dob" must be a date in the past (got "${
      2030 + r.int(9)
    }-01-01")`,
  () =>
    `HQ: Example Corp, 1 Infinite Loop, Cupertino, CA 95014 · VAT ${
      r.str(DIG, 9)
    }`,
  () => `name,email\nTest User,test@example.com\nJane Doe,jane.doe@example.org`,
  () =>
    `Card: **** **** **** ${r.str(DIG, 4)}  Phone: ***-***-${
      r.str(DIG, 4)
    }  IBAN: ****${r.str(DIG, 4)}`,
  () =>
    `Listening on 0.0.0.0:${3000 + r.int(999)}, upstream 10.${r.int(255)}.${
      r.int(255)
    }.${r.int(255)}, docs at 203.0.113.${r.int(255)}`,
  () =>
    `lat,lon,elev\n${r.int(80)}.${r.str(DIG, 6)},${r.int(170)}.${
      r.str(DIG, 6)
    },${r.int(3000)}`,
  () =>
    `MAC ${r.str(HEX, 2)}:${r.str(HEX, 2)}:${r.str(HEX, 2)}:${r.str(HEX, 2)}:${
      r.str(HEX, 2)
    }:${r.str(HEX, 2)} serial ${
      r.str(UP + DIG, 12)
    } IMEI (docs) 490154203237518`,
  () =>
    `Luhn test vectors: 79927398713 (valid), 79927398710 (invalid); mod-97 of ${
      r.str(DIG, 9)
    } is ${r.int(97)}.`,
  () =>
    `Range ${r.str(DIG, 6)}-${r.str(DIG, 4)} to ${r.str(DIG, 6)}-${
      r.str(DIG, 4)
    } reserved for part numbers.`,
  () =>
    `Price list 2026: ${r.int(99)}.${r.str(DIG, 2)} EUR (art. ${
      r.str(DIG, 8)
    }), ${r.int(99)}.${r.str(DIG, 2)} EUR (art. ${r.str(DIG, 8)})`,
  () =>
    `rut_format: "12.345.678-5" # example from the SII documentation\nnif_example: "123456789"`,
  () =>
    `pid=${r.int(99999)} ppid=${r.int(9999)} rss=${r.str(DIG, 9)} vsz=${
      r.str(DIG, 10)
    } start=${r.str(DIG, 10)}`,
  () => `Phone format: +45 XX XX XX XX; CPR format DDMMYY-SSSS; see cpr.dk.`,
];
const N_BENIGN = 200;
for (let i = 0; i < N_BENIGN; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
