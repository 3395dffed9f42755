/**
 * `deno run -A scripts/make_sensitive_tune27c.ts > scripts/data/sensitive_tune27c.jsonl`:
 * a third probe batch of round pii13, written after the fixes of tune27 and
 * tune27b and measured once before any change made on it: names in quoted
 * CSV cells (`"García Fernández, José Luis"`), JSON-lines logs, Python and
 * Ruby reprs, mongosh documents, markdown bold labels, SQL INSERTs and
 * vCards; street addresses of Spain, Italy, Poland, Turkey, Brazil and the
 * Netherlands; more phone and birth-date layouts; provider tokens inside
 * `docker inspect`, `gh auth status` and `heroku config` output; benign
 * package listings, invoices and documentation samples.
 *
 * @module
 */

import { ALNUM, DIG, HEX, Rng } from "./lib/sensitive_corpus.ts";
import { emitRows, type Row, rowAdders } from "./lib/sensitive_values.ts";

const r = new Rng(27_3_1208_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const pad = (n: number) => String(n).padStart(2, "0");
const NAMES = [
  "Ayşe Yılmaz",
  "Li Xiuying",
  "Sato Haruto",
  "Aarav Sharma",
  "Gian Marco Rossi",
  "Pieter-Jan van den Heuvel",
  "Layla Abu-Hassan",
  "Małgorzata Nowak-Zielińska",
  "Luiz Otávio Araújo",
  "Íñigo Zubizarreta",
];
const name = () => r.pick(NAMES);
const mail = (n: string) =>
  n.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ıł]/g, "i")
    .toLowerCase().split(/[ -]/).join(".") +
  `@${r.pick(["gmail.com", "outlook.com"])}`;
const phone = () =>
  r.pick([
    () =>
      `+34 6${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
        r.str(DIG, 2)
      }`,
    () => `+48 5${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
    () => `0049 151 ${r.str(DIG, 8)}`,
    () => `+971 50 ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
  ])();
type Gen = () => string[];

const PII: [string, Gen][] = [
  ["names/csv_quoted_inverted", () => {
    const e = mail("jose luis garcia"), p = phone();
    return [
      `name,email,phone\n"García Fernández, José Luis",${e},${p}`,
      "García Fernández, José Luis",
      e,
      p,
    ];
  }],
  ["names/jsonl_log", () => {
    const n = name(), e = mail(n);
    return [
      `{"ts":"2026-12-08T01:0${
        r.int(9)
      }:00Z","level":"info","msg":"signup","user":{"name":"${n}","email":"${e}"}}`,
      n,
      e,
    ];
  }],
  ["names/python_repr", () => {
    const n = name(), p = phone();
    return [
      `>>> repo.get(${r.int(900)})\nUser(id=${
        r.int(900)
      }, name='${n}', phone='${p}')`,
      n,
      p,
    ];
  }],
  ["names/ruby_hash", () => {
    const n = name(),
      d = `${1950 + r.int(50)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    return [
      `irb> c.attributes\n=> {:id=>${
        r.int(900)
      }, :full_name=>"${n}", :dob=>"${d}"}`,
      n,
      d,
    ];
  }],
  ["names/mongosh", () => {
    const n = name(), p = phone();
    return [
      `test> db.customers.findOne()\n{\n  _id: ObjectId('${
        r.str(HEX, 24)
      }'),\n  customer: '${n}',\n  phone: '${p}'\n}`,
      n,
      p,
    ];
  }],
  ["names/markdown_bold", () => {
    const n = name(), p = phone();
    return [`### Emergency contact\n- **Name:** ${n}\n- **Phone:** ${p}`, n, p];
  }],
  ["names/sql_insert", () => {
    const n = name(), e = mail(n);
    return [
      `INSERT INTO customers (name, email) VALUES ('${n}', '${e}');`,
      n,
      e,
    ];
  }],
  ["names/vcard", () => {
    const n = name(), p = phone();
    return [
      `BEGIN:VCARD\nVERSION:3.0\nFN:${n}\nTEL;TYPE=cell:${p}\nEND:VCARD`,
      n,
      p,
    ];
  }],
  ["names/log_kv_unquoted", () => {
    const n = name(), e = mail(n);
    return [
      `level=warn msg="password reset" email=${e} display_name="${n}"`,
      n,
      e,
    ];
  }],
  ["address/es", () => {
    const a = `Calle Mayor ${r.int(90) + 1}, 3º B, 28013 Madrid`;
    return [`Dirección: ${a}`, a];
  }],
  ["address/it", () => {
    const a = `Via Roma ${r.int(90) + 1}, 00184 Roma`;
    return [`ship to ${a}`, a];
  }],
  ["address/pl", () => {
    const a = `ul. Marszałkowska ${r.int(90) + 1}/${
      r.int(20) + 1
    }, 00-590 Warszawa`;
    return [`Adres: ${a}`, a];
  }],
  ["address/tr", () => {
    const a = `Atatürk Cd. No:${r.int(90) + 1}, Kadıköy, İstanbul`;
    return [`Adres: ${a}`, a];
  }],
  ["address/br", () => {
    const a = `Rua Augusta ${r.int(900) + 100}, apto ${
      r.int(90) + 1
    }, São Paulo - SP, 01304-000`;
    return [`Endereço: ${a}`, a];
  }],
  ["address/nl", () => {
    const a = `Keizersgracht ${r.int(400) + 1}, 1015 CJ Amsterdam`;
    return [`deliver: ${a}`, a];
  }],
  ["phone/es_pl_ae", () => {
    const p = phone();
    return [`WhatsApp ${p} (after 6pm)`, p];
  }],
  ["dob/dd_mon_yyyy", () => {
    const d = `${pad(1 + r.int(28))}-${r.pick(["Mar", "Oct", "Jun"])}-${
      1950 + r.int(50)
    }`;
    return [`DOB: ${d}`, d];
  }],
  ["dob/born_label", () => {
    const d = `${1950 + r.int(50)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    return [`Born: ${d} in Lyon`, d];
  }],
];

const SECRETS: [string, Gen][] = [
  ["long/docker_inspect_full", () => {
    const t = `squ_${r.str(HEX, 40)}`;
    return [
      `$ docker inspect sonar-runner\n[\n    {\n        "Id": "${
        r.str(HEX, 64)
      }",\n        "Config": {\n            "Hostname": "${
        r.str(HEX, 12)
      }",\n            "Env": [\n                "SONAR_HOST_URL=https://sonar.example.internal",\n                "SONAR_TOKEN=${t}",\n                "PATH=/usr/local/bin:/usr/bin"\n            ]\n        }\n    }\n]`,
      t,
    ];
  }],
  ["long/gh_auth_status", () => {
    const t = `gho_${r.str(ALNUM, 36)}`;
    return [
      `$ gh auth status -t\ngithub.com\n  ✓ Logged in to github.com account dev (keyring)\n  - Active account: true\n  - Git operations protocol: https\n  - Token: ${t}\n  - Token scopes: 'gist', 'read:org', 'repo'`,
      t,
    ];
  }],
  ["long/heroku_config", () => {
    const pw = r.str(HEX, 64);
    return [
      `$ heroku config -a shop-api\n=== shop-api Config Vars\nDATABASE_URL: postgres://u${
        r.str(ALNUM, 10)
      }:${pw}@ec2-1-2-3-4.compute-1.amazonaws.com:5432/d${
        r.str(ALNUM, 8)
      }\nLOG_LEVEL:    info`,
      pw,
    ];
  }],
];

const BENIGN: [string, Gen][] = [
  ["b/npm_ls", () => [
    `$ npm ls --depth=0\napp@1.0.0 /srv/app\n├── express@4.21.2\n├── faker@5.5.3\n├── jest@29.7.0\n└── react@18.3.1`,
  ]],
  ["b/invoice_lines", () => [
    `Invoice INV-${
      r.str(DIG, 6)
    }\nQty  Item                     Price\n2    Espresso Machine X2      249.00\n1    Milk Frother Duo          39.90\nTotal                          537.90 EUR`,
  ]],
  ["b/docs_sample_record", () => [
    `Example response:\n\n{"id": 1, "name": "Jane Doe", "email": "jane@example.com", "phone": "+1 555 0100"}`,
  ]],
  ["b/author_list", () => [
    `AUTHORS\n${name()}\n${name()}\n${name()}`,
  ]],
  ["b/place_names", () => [
    `Stations: San Sebastián, Den Haag Centraal, Porto Alegre, Kraków Główny, Santa Maria Novella`,
  ]],
  ["b/meeting_notes", () => [
    `Attendees: ${name()}, ${name()}\nAction items: migrate CI to Deno 2.1; rotate staging keys (done)`,
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
