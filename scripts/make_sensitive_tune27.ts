/**
 * `deno run -A scripts/make_sensitive_tune27.ts > scripts/data/sensitive_tune27.jsonl`:
 * issue 11's remaining classes (round pii13), written before the fixes and
 * measured on the round's starting code, then tuned on. People's names as a
 * test-data generator (Faker) makes them in many locales (prefixes, hyphens,
 * particles, diacritics, romanised Japanese, Chinese pinyin, Hindi, Arabic)
 * beside a personal identifier in long outputs (CSV/TSV with a header, JSON
 * `full_name`/`customer`/`holder`, YAML, SQL result boxes, `user="…"` log
 * lines, e-mail signatures, support tickets); cards with `/` separators,
 * phones in odd groupings, bare 9-digit SSNs under a ssn/social header,
 * street addresses of several countries, dates of birth in many formats
 * with labels in several languages, bank accounts with routing and sort
 * codes, IBANs in lower case or grouped oddly; provider tokens still
 * missing and secrets inside long generated outputs (terraform output,
 * kubectl get secret -o yaml, docker inspect Env). Benign look-alikes:
 * library names, changelog and `git log` authors, product and city names,
 * sample names in docs without any identifier.
 *
 * @module
 */

import { ALNUM, DIG, HEX, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  card,
  emitRows,
  group,
  iban,
  type Row,
  rowAdders,
  ssn,
} from "./lib/sensitive_values.ts";

const r = new Rng(27_1208_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const pad = (n: number) => String(n).padStart(2, "0");

/** Faker-like names per locale. */
const NAMES: Record<string, string[]> = {
  en: [
    "Jennifer Hernandez",
    "Mr. Michael Thompson",
    "Kimberly Wade DDS",
    "Dr. Brandon Gallagher",
    "Ashley Nguyen-Brooks",
    "Christopher O'Neill",
  ],
  de: [
    "Hans-Jürgen Müller",
    "Dr. Ingrid Schäfer",
    "Lieselotte Krause-Hoffmann",
    "Prof. Klaus-Dieter Weiß",
    "Gerda Bächle",
    "Torsten von Pfeil",
  ],
  fr: [
    "Marie-Christine Lefèvre",
    "Jean-Baptiste Dupont",
    "Éloïse de la Fontaine",
    "Théodore Gauthier",
    "Capucine Bérénger",
  ],
  es: [
    "José Luis García Fernández",
    "María del Carmen Ruiz",
    "Ana Belén Domínguez Ortega",
    "Íñigo Zubizarreta",
    "Rocío Peña Salgado",
  ],
  ptBR: [
    "João Pedro da Silva",
    "Ana Clara Gonçalves",
    "Maria Eduarda dos Santos",
    "Luiz Otávio Araújo",
    "Thiago Conceição",
  ],
  it: [
    "Giuseppe Esposito",
    "Francesca De Luca",
    "Gian Marco Rossi",
    "Dott. Lorenzo Ferraro",
    "Chiara Lombardi",
  ],
  nl: [
    "Jan van der Berg",
    "Sanne de Vries",
    "Pieter-Jan van den Heuvel",
    "Femke Bakker",
    "Daan Smits",
  ],
  pl: [
    "Agnieszka Wiśniewska",
    "Łukasz Kowalczyk",
    "Małgorzata Nowak-Zielińska",
    "Grzegorz Wójcik",
    "Zofia Dąbrowska",
  ],
  tr: [
    "Ayşe Yılmaz",
    "Mehmet Öztürk",
    "Çağla Şahin",
    "Emre Kılıç",
    "Zeynep Aydın",
  ],
  ja: [
    "Takahashi Yui",
    "Sato Haruto",
    "Hiroshi Yamamoto",
    "Kobayashi Mei",
    "Ryota Nakamura",
  ],
  zh: ["Wang Fang", "Li Xiuying", "Zhang Wei", "Liu Yang", "Chen Jing"],
  hi: [
    "Aarav Sharma",
    "Priya Venkataraman",
    "Rohit Kumar",
    "Ananya Iyer",
    "Vihaan Chaudhary",
  ],
  ar: [
    "Mohammed Al-Farsi",
    "Fatima El Amrani",
    "Abdullah bin Saleh",
    "Layla Abu-Hassan",
    "Omar Haddad",
  ],
};
const LOCALES = Object.keys(NAMES);
const name = (loc?: string) => r.pick(NAMES[loc ?? r.pick(LOCALES)]);
const ascii = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l")
    .replace(/Ł/g, "L").replace(/ı/g, "i");
const bare = (n: string) =>
  n.replace(/^(?:Mr\.|Dr\.|Prof\.|Dott\.) /, "").replace(/ DDS$/, "");
const emailOf = (n: string) => {
  const parts = ascii(bare(n)).toLowerCase().replace(/'/g, "").split(/[ -]+/);
  return `${parts[0]}.${parts[parts.length - 1]}${r.int(90) + 10}@${
    r.pick(["gmail.com", "web.de", "orange.fr", "libero.it", "wp.pl"])
  }`;
};
const phone = () =>
  r.pick([
    () => `+49 151 ${r.str(DIG, 4)} ${r.str(DIG, 4)}`,
    () =>
      `+33 6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
        r.str(DIG, 2)
      }`,
    () =>
      `(${2 + r.int(7)}${r.str(DIG, 2)}) ${2 + r.int(7)}${r.str(DIG, 2)}-${
        r.str(DIG, 4)
      }`,
    () =>
      `+90 5${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 2)} ${
        r.str(DIG, 2)
      }`,
    () => `+81 90-${r.str(DIG, 4)}-${r.str(DIG, 4)}`,
    () => `+91 9${r.str(DIG, 4)} ${r.str(DIG, 5)}`,
  ])();
const visa = () => card(r, "4", 16);
const dob = () =>
  `${1950 + r.int(50)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
const deIban = () => iban("DE", r.str(DIG, 18));
const frIban = () => iban("FR", r.str(DIG, 10) + r.str(UP, 1) + r.str(DIG, 12));
const street = () =>
  `${1 + r.int(200)} ${
    r.pick(["Oak Street", "Maple Ave", "Hauptstraße", "Rue Lepic"])
  }`;

type Gen = () => string[];

// ------------------------------------------------------------------ names
const PII_NAMES: [string, Gen][] = [
  ["names/csv_header", () => {
    const out: string[] = [];
    const lines = ["id,full_name,email,phone,city"];
    for (let i = 0; i < 5; i++) {
      const n = name(), e = emailOf(n), p = phone();
      lines.push(
        `${1001 + i},${n},${e},${p},${r.pick(["Berlin", "Lyon", "Osaka"])}`,
      );
      out.push(n, e, p);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/tsv_header", () => {
    const out: string[] = [];
    const lines = ["customer_id\tname\tdate_of_birth\tiban"];
    for (let i = 0; i < 4; i++) {
      const n = name(), d = dob(), ib = deIban();
      lines.push(`C-${r.str(DIG, 5)}\t${n}\t${d}\t${ib}`);
      out.push(n, d, ib);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/json_full_name", () => {
    const out: string[] = [];
    const objs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const n = name(), e = emailOf(n);
      objs.push(
        `  {\n    "id": ${
          r.int(9000) + 1000
        },\n    "full_name": "${n}",\n    "email": "${e}",\n    "created_at": "2026-11-${
          pad(1 + r.int(28))
        }T10:12:00Z"\n  }`,
      );
      out.push(n, e);
    }
    return [`[\n${objs.join(",\n")}\n]`, ...out];
  }],
  ["names/json_customer", () => {
    const n = name(), p = phone(), c = visa();
    return [
      `{"order_id": "ord_${
        r.str(ALNUM, 10)
      }", "customer": "${n}", "phone": "${p}", "payment": {"card_number": "${c}", "exp": "09/29"}, "total": 129.5}`,
      n,
      p,
      c,
    ];
  }],
  ["names/json_holder", () => {
    const n = name(), ib = frIban();
    return [
      `{\n  "account": {\n    "holder": "${n}",\n    "iban": "${ib}",\n    "bic": "BNPAFRPPXXX",\n    "currency": "EUR"\n  },\n  "status": "active"\n}`,
      n,
      ib,
    ];
  }],
  ["names/yaml", () => {
    const out: string[] = [];
    const lines = ["employees:"];
    for (let i = 0; i < 3; i++) {
      const n = name(), e = emailOf(n), d = dob();
      lines.push(
        `  - name: ${n}\n    email: ${e}\n    birthdate: ${d}\n    team: platform`,
      );
      out.push(n, e, d);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/sql_box", () => {
    const out: string[] = [];
    const lines = [
      "+----+---------------------------+------------------------------+",
      "| id | name                      | email                        |",
      "+----+---------------------------+------------------------------+",
    ];
    for (let i = 0; i < 4; i++) {
      const n = name(), e = emailOf(n);
      lines.push(`| ${i + 1}  | ${n.padEnd(25)} | ${e.padEnd(28)} |`);
      out.push(n, e);
    }
    lines.push(
      "+----+---------------------------+------------------------------+",
      "4 rows in set (0.01 sec)",
    );
    return [lines.join("\n"), ...out];
  }],
  ["names/psql", () => {
    const out: string[] = [];
    const lines = [
      " id |         customer          |      phone",
      "----+---------------------------+------------------",
    ];
    for (let i = 0; i < 3; i++) {
      const n = name(), p = phone();
      lines.push(` ${i + 7} | ${n.padEnd(25)} | ${p}`);
      out.push(n, p);
    }
    lines.push("(3 rows)");
    return [lines.join("\n"), ...out];
  }],
  ["names/log_user", () => {
    const out: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 3; i++) {
      const n = name(), e = emailOf(n);
      lines.push(
        `2026-12-08T01:${
          pad(10 + i)
        }:03Z INFO checkout.completed user="${n}" email=${e} amount=42.00 currency=EUR`,
      );
      out.push(n, e);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/signature", () => {
    const n = name(), p = phone(), e = emailOf(n);
    return [
      `Thanks for the quick turnaround on the invoice.\n\nBest regards,\n${n}\nSenior Account Manager\nMobile: ${p}\n${e}`,
      n,
      p,
      e,
    ];
  }],
  ["names/ticket", () => {
    const n = name(), e = emailOf(n), a = `${street()}, 10115 Berlin`;
    return [
      `Ticket #${
        r.int(90000) + 10000
      } — Refund request\nRequester: ${n} <${e}>\nShipping address: ${a}\nPriority: normal\n\nThe parcel never arrived, please refund.`,
      n,
      e,
      a,
    ];
  }],
  ["names/csv_de_header", () => {
    const out: string[] = [];
    const lines = ["Nachname;Vorname;Geburtsdatum;Telefon"];
    for (let i = 0; i < 3; i++) {
      const [v, n] = r.pick([["Hans-Jürgen", "Müller"], ["Gerda", "Bächle"], [
        "Torsten",
        "von Pfeil",
      ], ["Lieselotte", "Krause-Hoffmann"]]);
      const d = `${pad(1 + r.int(28))}.${pad(1 + r.int(12))}.${
        1950 + r.int(50)
      }`;
      const p = phone();
      lines.push(`${n};${v};${d};${p}`);
      out.push(n, v, d, p);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/csv_fr_header", () => {
    const out: string[] = [];
    const lines = ["nom;prénom;courriel;ville"];
    for (let i = 0; i < 3; i++) {
      const [v, n] = r.pick([
        ["Marie-Christine", "Lefèvre"],
        ["Jean-Baptiste", "Dupont"],
        ["Théodore", "Gauthier"],
        ["Capucine", "Bérénger"],
      ]);
      const e = emailOf(`${v} ${n}`);
      lines.push(`${n};${v};${e};Lyon`);
      out.push(n, v, e);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/markdown_table", () => {
    const out: string[] = [];
    const lines = ["| Name | Phone | Plan |", "|------|-------|------|"];
    for (let i = 0; i < 3; i++) {
      const n = name(), p = phone();
      lines.push(`| ${n} | ${p} | pro |`);
      out.push(n, p);
    }
    return [lines.join("\n"), ...out];
  }],
  ["names/log_single_quote", () => {
    const n = name(), p = phone();
    return [
      `[2026-12-08 01:33:09,120] WARN  sms.send failed customer='${n}' to=${p} reason=UNDELIVERED`,
      n,
      p,
    ];
  }],
  ["names/patient_dob", () => {
    const n = name(), d = dob();
    return [
      `Appointment confirmed.\nPatient: ${n}\nDOB: ${d}\nClinic: Room 4B, 09:30`,
      n,
      d,
    ];
  }],
  ["names/yaml_holder_card", () => {
    const n = name(), c = visa();
    return [
      `payment_method:\n  type: card\n  cardholder_name: ${n}\n  number: "${c}"\n  expiry: 08/29`,
      n,
      c,
    ];
  }],
  ["names/sig_unlabelled_phone", () => {
    const n = name(), p = phone();
    return [
      `Let me know if Tuesday works.\n\n--\n${n}\n${p}`,
      n,
      p,
    ];
  }],
  ["names/ticket_reporter", () => {
    const n = name(), e = emailOf(n);
    return [
      `JIRA SUP-${
        r.int(9000) + 1000
      }\nReporter: ${n} (${e})\nSummary: cannot reset password\nStatus: Open`,
      n,
      e,
    ];
  }],
  ["names/csv_ssn", () => {
    const out: string[] = [];
    const lines = ["first_name,last_name,ssn,state"];
    for (let i = 0; i < 4; i++) {
      const f = r.pick(["Kimberly", "Brandon", "Ashley", "Tyler"]);
      const l = r.pick(["Gallagher", "Nguyen", "Whitaker", "Delgado"]);
      const s = ssn(r, "");
      lines.push(`${f},${l},${s},${r.pick(["TX", "OH", "CA"])}`);
      out.push(f, l, s);
    }
    return [lines.join("\n"), ...out];
  }],
];

// ------------------------------------------------------------- formats
const PII_FORMATS: [string, Gen][] = [
  ["card/slash_after_name", () => {
    const c = group(
      card(r, r.pick(["3586", "4539", "5425"]), 16),
      [4, 4, 4, 4],
      "/",
    );
    const n = name("en");
    return [`${n} ${c} exp 11/28`, n, c];
  }],
  ["phone/odd_groups_fr", () => {
    const p = `0${1 + r.int(8)}-${r.str(DIG, 2)}-${r.str(DIG, 2)}-${
      r.str(DIG, 2)
    }-${r.str(DIG, 2)}-${r.str(DIG, 1)}`;
    return [`Kontakt: Gerda Bächle, Tel. ${p}`, "Gerda Bächle", p];
  }],
  ["phone/intl_trunk_paren", () => {
    const p = `+33 (0)6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
      r.str(DIG, 2)
    }`;
    return [`Portable : ${p}`, p];
  }],
  ["phone/intl_trunk_paren_uk", () => {
    const p = `+44 (0)7${r.str(DIG, 3)} ${r.str(DIG, 6)}`;
    return [`call me on ${p} after 5pm`, p];
  }],
  ["ssn/bare_header", () => {
    const out: string[] = [];
    const lines = ["emp_no;social;hire_date"];
    for (let i = 0; i < 3; i++) {
      const s = ssn(r, "");
      lines.push(`${r.int(900) + 100};${s};2019-0${1 + r.int(8)}-1${r.int(9)}`);
      out.push(s);
    }
    return [lines.join("\n"), ...out];
  }],
  ["ssn/no_header_person_row", () => {
    const s = ssn(r, "");
    const e = emailOf("Tyler Whitaker");
    return [
      `Tyler,Whitaker,${e},${s},1984-03-12,Columbus OH`,
      "Tyler",
      "Whitaker",
      e,
      s,
    ];
  }],
  ["address/us", () => {
    const a = `${100 + r.int(8000)} ${r.pick(["Elm", "Cedar", "Lakeview"])} ${
      r.pick(["Street", "Dr", "Blvd"])
    }, Apt ${r.int(20) + 1}, Springfield, IL 627${r.str(DIG, 2)}`;
    return [`Ship to:\nKimberly Wade\n${a}`, "Kimberly Wade", a];
  }],
  ["address/uk", () => {
    const a = `Flat ${r.int(9) + 1}, ${r.int(90) + 1} ${
      r.pick(["Kingsley Road", "Moss Lane", "Church Street"])
    }, Leeds LS${r.int(9) + 1} ${r.int(9)}${r.pick(["AB", "QT", "XW"])}`;
    return [`Postal address: ${a}`, a];
  }],
  ["address/de", () => {
    const a = `${r.pick(["Lindenstraße", "Am Markt", "Goethestr."])} ${
      r.int(90) + 1
    }, ${r.pick(["10115 Berlin", "80331 München", "50667 Köln"])}`;
    return [`Anschrift: ${a}`, a];
  }],
  ["address/fr", () => {
    const a = `${r.int(90) + 1} rue ${
      r.pick(["de la Paix", "Victor Hugo", "des Lilas"])
    }, ${r.pick(["75002 Paris", "69003 Lyon", "13001 Marseille"])}`;
    return [`Adresse postale : ${a}`, a];
  }],
  ["address/jp", () => {
    const a = `〒${r.str(DIG, 3)}-${r.str(DIG, 4)} 東京都渋谷区神南${
      r.int(3) + 1
    }-${r.int(20) + 1}-${r.int(20) + 1}`;
    return [`住所: ${a}`, a];
  }],
  ["address/jp_romanised", () => {
    const a = `${r.int(3) + 1}-${r.int(20) + 1}-${
      r.int(20) + 1
    } Jingumae, Shibuya-ku, Tokyo 150-${r.str(DIG, 4)}`;
    return [`Address: ${a}`, a];
  }],
  ["dob/de", () => {
    const d = `${pad(1 + r.int(28))}.${pad(1 + r.int(12))}.${1950 + r.int(50)}`;
    return [`Geburtsdatum: ${d}`, d];
  }],
  ["dob/fr", () => {
    const d = `${pad(1 + r.int(28))}/${pad(1 + r.int(12))}/${1950 + r.int(50)}`;
    return [`Date de naissance : ${d}`, d];
  }],
  ["dob/es_text", () => {
    const d = `${1 + r.int(28)} de ${
      r.pick(["enero", "marzo", "julio", "octubre"])
    } de ${1950 + r.int(50)}`;
    return [`Fecha de nacimiento: ${d}`, d];
  }],
  ["dob/it", () => {
    const d = `${pad(1 + r.int(28))}-${pad(1 + r.int(12))}-${1950 + r.int(50)}`;
    return [`Data di nascita: ${d}`, d];
  }],
  ["dob/nl", () => {
    const d = `${1 + r.int(28)} ${r.pick(["januari", "mei", "augustus"])} ${
      1950 + r.int(50)
    }`;
    return [`Geboortedatum: ${d}`, d];
  }],
  ["dob/pl", () => {
    const d = `${pad(1 + r.int(28))}.${pad(1 + r.int(12))}.${
      1950 + r.int(50)
    } r.`;
    return [`Data urodzenia: ${d}`, d];
  }],
  ["dob/tr", () => {
    const d = `${pad(1 + r.int(28))}.${pad(1 + r.int(12))}.${1950 + r.int(50)}`;
    return [`Doğum tarihi: ${d}`, d];
  }],
  ["dob/pt", () => {
    const d = `${pad(1 + r.int(28))}/${pad(1 + r.int(12))}/${1950 + r.int(50)}`;
    return [`Data de nascimento: ${d}`, d];
  }],
  ["dob/ja", () => {
    const d = `${1950 + r.int(50)}年${1 + r.int(12)}月${1 + r.int(28)}日`;
    return [`生年月日: ${d}`, d];
  }],
  ["dob/en_text", () => {
    const d = `${r.pick(["March", "Sept.", "Dec"])} ${1 + r.int(28)}, ${
      1950 + r.int(50)
    }`;
    return [`DOB: ${d}`, d];
  }],
  ["dob/en_compact", () => {
    const d = `${1950 + r.int(50)}${pad(1 + r.int(12))}${pad(1 + r.int(28))}`;
    return [`birth_date=${d}`, d];
  }],
  ["bank/us_routing", () => {
    const acc = r.str(DIG, 10);
    return [
      `Routing number: 021000021\nAccount number: ${acc}\nAccount type: checking`,
      acc,
    ];
  }],
  ["bank/uk_sort_code", () => {
    const sc = `${r.str(DIG, 2)}-${r.str(DIG, 2)}-${r.str(DIG, 2)}`;
    const acc = r.str(DIG, 8);
    return [`Sort code: ${sc}  Account no: ${acc}`, sc, acc];
  }],
  ["bank/inline_acct", () => {
    const acc = r.str(DIG, 9);
    return [`ACH payout to acct ${acc} (ABA 026009593) scheduled`, acc];
  }],
  ["iban/lower", () => {
    const ib = deIban().toLowerCase();
    return [`iban: ${ib}`, ib];
  }],
  ["iban/dash_groups", () => {
    const ib = group(deIban(), [4, 4, 4, 4, 4, 2], "-");
    return [`Bitte überweisen an ${ib}`, ib];
  }],
  ["iban/odd_groups", () => {
    const raw = frIban();
    const ib = `${raw.slice(0, 2)} ${raw.slice(2, 4)} ${
      group(raw.slice(4), [5, 5, 11, 2], " ")
    }`;
    return [`IBAN ${ib}`, ib];
  }],
];

// ---------------------------------------------------------------- secrets
const tok = (p: string, al: string, n: number) => () => p + r.str(al, n);
const PROVIDERS: [string, () => string][] = [
  ["sonarqube", tok("squ_", HEX, 40)],
  ["typeform", tok("tfp_", ALNUM, 59)],
  ["neon", tok("napi_", ALNUM, 64)],
  ["yandex", tok("y0_", ALNUM + "_-", 55)],
  ["honeycomb", tok("hcaik_", HEX, 58)],
  ["duffel", tok("duffel_live_", ALNUM, 43)],
  ["adafruit", tok("aio_", ALNUM, 28)],
  ["zapier", tok("sk-ak-", ALNUM, 32)],
  ["deno_deploy", tok("ddp_", ALNUM, 36)],
  ["scaleway", tok("SCW", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 17)],
  [
    "harness",
    () => `pat.${r.str(ALNUM, 22)}.${r.str(HEX, 24)}.${r.str(ALNUM, 20)}`,
  ],
];
const SECRETS: [string, Gen][] = [
  ...PROVIDERS.map(([n, g]): [string, Gen] => [`provider/${n}`, () => {
    const t = g();
    return [`2026-12-08 01:20:11 DEBUG client init token=${t} region=eu`, t];
  }]),
  ...PROVIDERS.map(([n, g]): [string, Gen] => [`provider_bare/${n}`, () => {
    const t = g();
    return [`$ cat ~/.config/ci/cred\n${t}\n$ wc -c ~/.config/ci/cred`, t];
  }]),
  ["long/terraform_output", () => {
    const pw = `Xq${r.str(ALNUM, 18)}`;
    const k = `sk_live_${r.str(ALNUM, 24)}`;
    return [
      `$ terraform output\nalb_dns_name = "web-1234.eu-west-1.elb.amazonaws.com"\ndb_endpoint = "prod-db.cxyz.eu-west-1.rds.amazonaws.com:5432"\ndb_master_password = "${pw}"\nstripe_secret = "${k}"\nvpc_id = "vpc-0a1b2c3d4e5f67890"`,
      pw,
      k,
    ];
  }],
  ["long/kubectl_secret_yaml", () => {
    const pw = btoa(`Pg${r.str(ALNUM, 16)}`);
    const tk = btoa(`ghp_${r.str(ALNUM, 36)}`);
    return [
      `$ kubectl get secret app-env -o yaml\napiVersion: v1\ndata:\n  DB_PASSWORD: ${pw}\n  GH_TOKEN: ${tk}\n  LOG_LEVEL: aW5mbw==\nkind: Secret\nmetadata:\n  creationTimestamp: "2026-12-01T09:00:00Z"\n  name: app-env\n  namespace: prod\ntype: Opaque`,
      pw,
      tk,
    ];
  }],
  ["long/docker_inspect_env", () => {
    const pw = `Rt${r.str(ALNUM, 14)}`;
    const k = `AKIA${r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
    const s = r.str(ALNUM + "/+", 40);
    return [
      `$ docker inspect api --format '{{json .Config.Env}}' | jq .\n[\n  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",\n  "NODE_ENV=production",\n  "POSTGRES_PASSWORD=${pw}",\n  "AWS_ACCESS_KEY_ID=${k}",\n  "AWS_SECRET_ACCESS_KEY=${s}",\n  "TZ=UTC"\n]`,
      pw,
      s,
    ];
  }],
];

// ----------------------------------------------------------------- benign
const BENIGN: [string, Gen][] = [
  ["b/library_names", () => [
    `dependencies:\n  - name: Jest\n  - name: Express\n  - name: Faker\n  - name: Pandas\n  - name: Django REST framework`,
  ]],
  ["b/changelog_authors", () => [
    `## 4.2.0 (2026-11-30)\n\n- Fix race in pool shutdown (thanks ${
      bare(name())
    } and ${bare(name())})\n- Docs: clarify retry semantics, by ${
      bare(name())
    } in #${r.int(900) + 100}`,
  ]],
  ["b/git_shortlog", () => [
    `$ git shortlog -sn --since=1.month\n    42\t${bare(name())}\n    17\t${
      bare(name())
    }\n     9\t${bare(name())}\n     3\tdependabot[bot]`,
  ]],
  ["b/git_log_oneline", () => [
    `$ git log --format='%h %an %s' -3\n${r.str(HEX, 7)} ${
      bare(name())
    } fix: handle empty pages\n${r.str(HEX, 7)} ${
      bare(name())
    } chore: bump deno to 2.1\n${r.str(HEX, 7)} ${
      bare(name())
    } feat(api): add cursor paging`,
  ]],
  ["b/product_names", () => [
    `Supported devices: Galaxy Tab S9, Pixel Watch 2, ThinkPad X1 Carbon, Surface Laptop Studio, iPhone 15 Pro Max`,
  ]],
  ["b/city_csv", () => [
    `city,country,population,timezone\nOsaka,JP,2691000,Asia/Tokyo\nLyon,FR,522000,Europe/Paris\nKraków,PL,804000,Europe/Warsaw\nİzmir,TR,2970000,Europe/Istanbul`,
  ]],
  ["b/docs_sample_name", () => [
    `## Usage\n\n\`\`\`python\nfrom faker import Faker\nfake = Faker("${
      r.pick(["de_DE", "fr_FR", "ja_JP"])
    }")\nprint(fake.name())  # e.g. ${bare(name())}\n\`\`\``,
  ]],
  ["b/json_name_no_id", () => [
    `{"id": ${r.int(900)}, "full_name": "${
      bare(name())
    }", "role": "maintainer", "projects": 4}`,
  ]],
  ["b/csv_name_no_id", () => [
    `name,team,commits\n${bare(name())},core,${r.int(300)}\n${
      bare(name())
    },docs,${r.int(300)}\n${bare(name())},infra,${r.int(300)}`,
  ]],
  ["b/sql_box_product", () => [
    `+----+----------------------+---------+\n| id | product              | price   |\n+----+----------------------+---------+\n| 1  | Espresso Machine X2  | 249.00  |\n| 2  | Milk Frother Duo     | 39.90   |\n+----+----------------------+---------+\n2 rows in set (0.00 sec)`,
  ]],
  ["b/log_user_id", () => [
    `2026-12-08T01:10:03Z INFO login.ok user="svc-deploy" ip=10.0.3.4 session=${
      r.str(HEX, 16)
    }`,
  ]],
  ["b/version_slashes", () => [
    `build 2026/1208/0142/0007 finished in 4m12s (cache hit ratio 0.83)`,
  ]],
  ["b/phone_like_ids", () => [
    `trace ids: 08-83-60-27-54 / 12-34-56-78-90; shard map v${r.int(9)}.${
      r.int(9)
    }`,
  ]],
  ["b/nine_digit_ids", () => [
    `order_id,sku,qty\n${r.str(DIG, 9)},SKU-${r.str(DIG, 4)},2\n${
      r.str(DIG, 9)
    },SKU-${r.str(DIG, 4)},1`,
  ]],
  ["b/dates_non_birth", () => [
    `Release date: ${pad(1 + r.int(28))}.${
      pad(1 + r.int(12))
    }.2026\nDatum der Rechnung: 03.12.2026\nDate de livraison : 12/12/2026`,
  ]],
  ["b/address_company", () => [
    `Acme GmbH · Friedrichstraße 68 · 10117 Berlin · Handelsregister HRB 12345`,
  ]],
  ["b/terraform_output_benign", () => [
    `$ terraform output\nalb_dns_name = "web-${
      r.int(9000)
    }.eu-west-1.elb.amazonaws.com"\ndb_master_password = <sensitive>\nvpc_id = "vpc-0a1b2c3d4e5f67890"`,
  ]],
  ["b/kubectl_configmap", () => [
    `$ kubectl get secret app-env -o yaml\napiVersion: v1\ndata:\n  LOG_LEVEL: aW5mbw==\n  REGION: ZXUtd2VzdC0x\nkind: Secret\nmetadata:\n  name: app-env`,
  ]],
  ["b/docker_env_benign", () => [
    `[\n  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",\n  "NODE_ENV=production",\n  "POSTGRES_PASSWORD_FILE=/run/secrets/pg",\n  "TZ=UTC"\n]`,
  ]],
  ["b/prefix_words", () => [
    `squ_ prefixes SonarQube user tokens; napi_ prefixes Neon keys; see docs for the format`,
  ]],
  ["b/signature_no_id", () => [
    `Thanks!\n\nBest regards,\n${bare(name())}\nDeveloper Relations`,
  ]],
];

for (const [cls, g] of PII_NAMES) {
  for (let i = 0; i < 4; i++) pii(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of PII_FORMATS) {
  for (let i = 0; i < 3; i++) pii(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of SECRETS) {
  for (let i = 0; i < 2; i++) sec(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of BENIGN) {
  for (let i = 0; i < 3; i++) ben(cls, g()[0]);
}
// Gap (by design): a labelled person-name field (`"full_name": …`) is
// redacted without any identifier beside it (`sys_pii_person_name`).
for (const row of rows) {
  if (row.class === "b/json_name_no_id") {
    (row as Row & { gap?: string }).gap =
      "a labelled full_name field is redacted without an identifier, by design";
  }
}
emitRows(rows);
