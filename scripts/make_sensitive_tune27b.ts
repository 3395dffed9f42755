/**
 * `deno run -A scripts/make_sensitive_tune27b.ts > scripts/data/sensitive_tune27b.jsonl`:
 * a fresh probe batch of round pii13's classes, written after the first
 * fixes (tuned on `sensitive_tune27.jsonl`) and measured once before any
 * further change: other carriers for the same classes (XML records, HTML
 * tables, payee/beneficiary fields, postal blocks of the UK, Germany and
 * France with a salutation, header-less psql rows, card numbers with dots
 * or the name after, dates of birth with Turkish and Polish month names,
 * BSB and sort-code accounts, dashed lower-case IBANs, phones with a
 * bracketed trunk zero), secrets in `helm get values`, `kubectl get secret
 * -o json` and a printed `.env`; and benign look-alikes (multi-line firm
 * letterheads, package authors, contributor lists, status rows).
 *
 * @module
 */

import { ALNUM, DIG, HEX, Rng } from "./lib/sensitive_corpus.ts";
import {
  card,
  emitRows,
  group,
  iban,
  type Row,
  rowAdders,
} from "./lib/sensitive_values.ts";

const r = new Rng(27_2_1208_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const pad = (n: number) => String(n).padStart(2, "0");
const NAMES = [
  "Zeynep Aydın",
  "Omar Haddad",
  "Grzegorz Wójcik",
  "Chiara Lombardi",
  "Daan Smits",
  "Vihaan Chaudhary",
  "Kobayashi Mei",
  "Chen Jing",
  "Thiago Conceição",
  "Rocío Peña Salgado",
  "Théodore Gauthier",
  "Femke Bakker",
];
const name = () => r.pick(NAMES);
const mail = (n: string) =>
  n.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ı/g, "i")
    .toLowerCase().split(" ").join(".") + `${r.int(90) + 10}@gmail.com`;
const phone = () =>
  r.pick([
    () => `+49 (0)151 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () =>
      `06.${r.str(DIG, 2)}.${r.str(DIG, 2)}.${r.str(DIG, 2)}.${r.str(DIG, 2)}`,
    () => `+31 (0)6 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () => `+90 (532) ${r.str(DIG, 3)} ${r.str(DIG, 2)} ${r.str(DIG, 2)}`,
  ])();
const deIban = () => iban("DE", r.str(DIG, 18));
type Gen = () => string[];

const PII: [string, Gen][] = [
  ["names/xml_record", () => {
    const n = name(), e = mail(n);
    return [
      `<customers>\n  <customer id="${
        r.int(900)
      }">\n    <name>${n}</name>\n    <email>${e}</email>\n  </customer>\n</customers>`,
      n,
      e,
    ];
  }],
  ["names/html_table_es", () => {
    const n = name(), p = phone();
    return [
      `<table>\n<tr><th>Nombre</th><th>Teléfono</th></tr>\n<tr><td>${n}</td><td>${p}</td></tr>\n</table>`,
      n,
      p,
    ];
  }],
  ["names/json_payee", () => {
    const n = name(), ib = deIban();
    return [
      `{"transfer": {"amount": 1200, "payee": "${n}", "iban": "${ib}", "reference": "INV-${
        r.str(DIG, 5)
      }"}}`,
      n,
      ib,
    ];
  }],
  ["names/json_beneficiary", () => {
    const n = name(), ib = deIban();
    return [
      `{\n  "beneficiary": "${n}",\n  "beneficiary_iban": "${ib}"\n}`,
      n,
      ib,
    ];
  }],
  ["names/yaml_contact", () => {
    const n = name(), p = phone();
    return [
      `incident:\n  id: INC-${
        r.str(DIG, 5)
      }\n  contact:\n    name: ${n}\n    phone: "${p}"\n  severity: sev2`,
      n,
      p,
    ];
  }],
  ["names/signature_tm", () => {
    const n = name(), p = phone(), e = mail(n);
    return [
      `Cheers,\n${n}\nHead of Procurement | Acme Logistics\nM: ${p}\nE: ${e}`,
      n,
      p,
      e,
    ];
  }],
  ["names/ticket_callback", () => {
    const n = name(), p = phone();
    return [
      `Case 00${
        r.str(DIG, 6)
      }\nCustomer: ${n}\nCallback number: ${p}\nIssue: router reboots nightly`,
      n,
      p,
    ];
  }],
  ["names/psql_t_rows", () => {
    const a = name(), b = name(), pa = phone(), pb = phone();
    return [
      `$ psql -At -F '|' -c "select name, phone from leads limit 2"\n${a}|${pa}\n${b}|${pb}`,
      a,
      pa,
      b,
      pb,
    ];
  }],
  ["names/row_first_last", () => {
    const [f, l] = r.pick([["Chen", "Jing"], ["Omar", "Haddad"], [
      "Femke",
      "Bakker",
    ]]);
    const e = mail(`${f} ${l}`);
    return [`${r.str(DIG, 4)},${f},${l},${e},NL`, f, l, e];
  }],
  ["postal/uk_block", () => {
    const a = `Flat ${r.int(9) + 1}, ${r.int(90) + 1} Moss Lane`;
    return [
      `Deliver to:\nMrs Chiara Lombardi\n${a}\nManchester M14 9UU`,
      "Chiara Lombardi",
      a,
    ];
  }],
  ["postal/de_block", () => {
    const a = `Lindenstraße ${r.int(90) + 1}`;
    return [`Herrn\nGrzegorz Wójcik\n${a}\n10115 Berlin`, "Grzegorz Wójcik", a];
  }],
  ["postal/fr_block", () => {
    const a = `${r.int(90) + 1} rue de la Paix`;
    return [`M. Théodore Gauthier\n${a}\n75002 Paris`, "Théodore Gauthier", a];
  }],
  ["card/dots", () => {
    const c = group(card(r, "4", 16), [4, 4, 4, 4], ".");
    return [`card ${c} (Daan Smits)`, c];
  }],
  ["card/name_after", () => {
    const c = group(card(r, "5425", 16), [4, 4, 4, 4], "/");
    return [`${c} — Femke Bakker`, c, "Femke Bakker"];
  }],
  ["dob/tr_text", () => {
    const d = `${1 + r.int(28)} ${r.pick(["Nisan", "Ekim", "Haziran"])} ${
      1950 + r.int(50)
    }`;
    return [`Doğum tarihi: ${d}`, d];
  }],
  ["dob/pl_text", () => {
    const d = `${1 + r.int(28)} ${r.pick(["marca", "listopada", "maja"])} ${
      1950 + r.int(50)
    }`;
    return [`Data urodzenia: ${d} r.`, d];
  }],
  ["dob/pt_text", () => {
    const d = `${1 + r.int(28)} de ${
      r.pick(["maio", "setembro", "dezembro"])
    } de ${1950 + r.int(50)}`;
    return [`Data de nascimento: ${d}`, d];
  }],
  ["dob/us_short_year", () => {
    const d = `${pad(1 + r.int(12))}/${pad(1 + r.int(28))}/${pad(r.int(99))}`;
    return [`DOB ${d}`, d];
  }],
  ["bank/bsb", () => {
    const acc = r.str(DIG, 8);
    return [`BSB 062-000 Account ${acc}`, acc];
  }],
  ["bank/sort_acc_slash", () => {
    const acc = r.str(DIG, 8);
    return [`Sort Code 20-00-00 / Acc ${acc}`, acc];
  }],
  ["iban/lower_dash", () => {
    const ib = group(deIban(), [4, 4, 4, 4, 4, 2], "-").toLowerCase();
    return [`iban ${ib}`, ib];
  }],
  ["iban/unlabelled_odd", () => {
    const raw = deIban();
    const ib = `${raw.slice(0, 2)} ${raw.slice(2, 4)} ${
      group(raw.slice(4), [3, 3, 3, 3, 3, 3], " ")
    }`;
    return [`Überweisung an ${ib} bis Freitag`, ib];
  }],
  ["phone/nl_trunk", () => {
    const p = `+31 (0)6 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`;
    return [`bel me op ${p}`, p];
  }],
  ["phone/fr_dots", () => {
    const p = `06.${r.str(DIG, 2)}.${r.str(DIG, 2)}.${r.str(DIG, 2)}.${
      r.str(DIG, 2)
    }`;
    return [`Tél. : ${p}`, p];
  }],
];

const SECRETS: [string, Gen][] = [
  ["long/helm_values", () => {
    const pw = `Hv${r.str(ALNUM, 18)}`;
    return [
      `$ helm get values api -n prod\nUSER-SUPPLIED VALUES:\nimage:\n  tag: 1.4.2\npostgresql:\n  auth:\n    password: ${pw}\n    username: api\nreplicaCount: 3`,
      pw,
    ];
  }],
  ["long/kubectl_secret_json", () => {
    const pw = btoa(`Kj${r.str(ALNUM, 16)}`);
    return [
      `$ kubectl get secret db -o json\n{\n    "apiVersion": "v1",\n    "data": {\n        "password": "${pw}",\n        "region": "${
        btoa("eu-central-1")
      }"\n    },\n    "kind": "Secret",\n    "metadata": {"name": "db", "namespace": "prod"},\n    "type": "Opaque"\n}`,
      pw,
    ];
  }],
  ["long/dotenv_cat", () => {
    const t = `squ_${r.str(HEX, 40)}`;
    const n = `napi_${r.str(ALNUM, 64)}`;
    return [
      `$ cat .env\nNODE_ENV=production\nSONAR=${t}\nNEON=${n}\nPORT=8080`,
      t,
      n,
    ];
  }],
  ["provider/honeycomb_cfg", () => {
    const t = `hcxik_${r.str(HEX, 58)}`;
    return [
      `exporters:\n  otlp:\n    headers:\n      x-honeycomb-team: ${t}`,
      t,
    ];
  }],
];

const BENIGN: [string, Gen][] = [
  ["b/letterhead_multiline", () => [
    `Acme Logistics GmbH\nFriedrichstraße ${
      r.int(90) + 1
    }\n10117 Berlin\nAmtsgericht Charlottenburg HRB ${r.str(DIG, 5)}`,
  ]],
  ["b/package_author", () => [
    `{\n  "name": "left-pad-ng",\n  "version": "2.${
      r.int(9)
    }.0",\n  "author": "${name()}",\n  "license": "MIT"\n}`,
  ]],
  ["b/contributors", () => [
    `# Contributors\n\n- ${name()} (@${
      r.str(ALNUM, 6).toLowerCase()
    })\n- ${name()}\n- ${name()}`,
  ]],
  ["b/status_rows", () => [
    `id,status,priority,team\n${r.str(DIG, 9)},Open,High,core\n${
      r.str(DIG, 9)
    },Closed,Low,docs`,
  ]],
  ["b/git_log_full", () => [
    `commit ${r.str(HEX, 40)}\nAuthor: ${name()} <${
      r.str(DIG, 8)
    }+bot@users.noreply.github.com>\nDate:   Mon Dec 7 10:00:00 2026 +0100\n\n    fix: retry on 503`,
  ]],
  ["b/city_pairs", () => [
    `route,from,to,km\n1,Den Haag,San Sebastián,1450\n2,Porto Alegre,Nova Iorque,8900`,
  ]],
  ["b/kube_secret_flags", () => [
    `kind: Secret\ndata:\n  ENABLED: ${btoa("true")}\n  LOG_LEVEL: ${
      btoa("debug")
    }\n  PORT: ${btoa("8080")}\n  REGION: ${btoa("ap-southeast-2")}`,
  ]],
  ["b/dated_release", () => [
    `Released: 12 de julio de 2026 · Veröffentlicht: 3. März 2026`,
  ]],
  ["b/sample_customer_doc", () => [
    `Example:\n\n    customer: ${name()}\n    plan: pro\n    seats: 5`,
  ]],
  ["b/version_groups", () => [
    `DE 12 345 678 901 is the shipment id format; see FR 50 in the spec`,
  ]],
];

for (const [cls, g] of PII) {
  for (let i = 0; i < 3; i++) pii(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of SECRETS) {
  for (let i = 0; i < 2; i++) sec(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of BENIGN) {
  for (let i = 0; i < 3; i++) ben(cls, g()[0]);
}
emitRows(rows);
