/**
 * `deno run -A scripts/make_sensitive_heldout25c.ts > scripts/data/sensitive_heldout25c.jsonl`:
 * the third held-out set of round 25, written after the fixes designed on
 * sets 25 and 25b and measured once: carriers none of them uses. Credential
 * files of more tools (.git-credentials, pip.conf, .pypirc, docker
 * config.json `auth`, .pgpass, .s3cfg, Kafka JAAS), Dockerfile ENV/ARG,
 * GitHub Actions logs, f-string debug output, VS Code launch.json, Postman
 * key/value pairs, Ruby/Elixir/Lua literals, kubectl --from-literal,
 * tokens in markdown links and JSON strings continued with `\`; PII in
 * semicolon CSV and TSV, HTML and markdown tables under their headers,
 * Python dict reprs, passport fields of identity APIs, ISO date-times of
 * birth, Japanese and apartment addresses, +86 mobiles, X-Forwarded-For,
 * Mexican RFC, medical record numbers, salutations beside an address; and
 * benign look-alikes (lock-file hashes, Terraform plans, empty env values,
 * stack addresses, metrics, CA data, role mailboxes).
 *
 * @module
 */

import {
  ALNUM,
  B64,
  DIG,
  HEX,
  LOW,
  Rng,
  UP,
  URLSAFE,
} from "./lib/sensitive_corpus.ts";
import {
  card,
  emitRows,
  FIRST,
  gh,
  iban,
  LAST,
  nhs,
  personEmail,
  type Row,
  rowAdders,
  sin,
  ssn,
  uuid,
} from "./lib/sensitive_values.ts";
import { birthDate, krRrn, pan, publicIpv4 } from "./lib/world_values.ts";

const r = new Rng(25_3_1207_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const first = () => cap(r.pick(FIRST));
const last = () => cap(r.pick(LAST));
const fullName = () => `${first()} ${last()}`;
const pad = (n: number) => String(n).padStart(2, "0");

const stripe = () => `sk_live_${r.str(ALNUM, 24)}`;
const slack = () =>
  `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
const openai = () => `sk-proj-${r.str(URLSAFE, 64)}`;
const pypi = () => `pypi-AgEIcHlwaS5vcmc${r.str(URLSAFE, 60)}`;
const postman = () => `PMAK-${r.str(HEX, 24)}-${r.str(HEX, 34)}`;
const password = () =>
  r.pick(["Jt", "Wn", "Bq", "Fz"]) + r.str(ALNUM, 6) +
  r.pick(["!", "#", "*", "@"]) + r.str(ALNUM, 5);
const plainPw = () => r.pick(["Jt", "Wn", "Bq", "Fz"]) + r.str(ALNUM, 12);
const TOKENS = [stripe, slack, openai, () => gh(r, "ghp_")];
const anyToken = () => r.pick(TOKENS)();

type Gen = () => string[];

const SECRETS: [string, Gen][] = [
  ["git_credentials", () => {
    const t = gh(r, "ghp_");
    return [`$ cat ~/.git-credentials\nhttps://ci-bot:${t}@github.com`, t];
  }],
  ["pip_conf", () => {
    const p = plainPw();
    return [
      `[global]\nindex-url = https://deploy:${p}@pypi.internal.example/simple\ntimeout = 30`,
      p,
    ];
  }],
  ["pypirc", () => {
    const t = pypi();
    return [`[pypi]\n  username = __token__\n  password = ${t}`, t];
  }],
  ["docker_config_auth", () => {
    const a = btoa(`ci-bot:${plainPw()}`);
    return [
      `{\n  "auths": {\n    "registry.acme.io": {\n      "auth": "${a}"\n    }\n  }\n}`,
      a,
    ];
  }],
  ["pgpass", () => {
    const p = plainPw();
    return [
      `$ cat ~/.pgpass\ndb.internal:5432:orders:orders_rw:${p}`,
      p,
    ];
  }],
  ["s3cfg", () => {
    const k = r.str(B64, 40);
    return [
      `[default]\naccess_key = AKIA${
        r.str(UP + "234567", 16)
      }\nsecret_key = ${k}\nhost_base = s3.amazonaws.com`,
      k,
    ];
  }],
  ["kafka_jaas", () => {
    const p = plainPw();
    return [
      `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="orders" password="${p}";`,
      p,
    ];
  }],
  ["dockerfile_env_arg", () => {
    const t = anyToken();
    return [
      `FROM node:22-alpine\nARG NPM_TOKEN=${t}\nRUN npm ci\nENV NODE_ENV=production`,
      t,
    ];
  }],
  ["gha_log_env", () => {
    const t = stripe();
    return [
      `2026-12-07T10:00:01.123Z Run echo "STRIPE_KEY=${t}" >> $GITHUB_ENV\n2026-12-07T10:00:01.456Z shell: /usr/bin/bash -e {0}`,
      t,
    ];
  }],
  ["fstring_debug", () => {
    const t = openai();
    return [`>>> print(f"{api_key=}")\napi_key='${t}'`, t];
  }],
  ["vscode_launch_env", () => {
    const t = anyToken();
    return [
      `{\n  "type": "node",\n  "request": "launch",\n  "env": { "SERVICE_TOKEN": "${t}", "PORT": "3000" }\n}`,
      t,
    ];
  }],
  ["postman_key_value", () => {
    const t = postman();
    return [
      `"auth": {"type": "apikey", "apikey": [{"key": "value", "value": "${t}", "type": "string"}, {"key": "key", "value": "X-Api-Key"}]}`,
      t,
    ];
  }],
  ["postman_generic_key_value", () => {
    const p = password();
    return [
      `"variable": [{"key": "db_password", "value": "${p}"}, {"key": "base_url", "value": "https://api.internal"}]`,
      p,
    ];
  }],
  ["ruby_hash", () => {
    const t = stripe();
    return [`Stripe.api_key = ENV.fetch("STRIPE_KEY") { '${t}' }`, t];
  }],
  ["elixir_config", () => {
    const p = password();
    return [
      `config :orders, Orders.Repo,\n  username: "orders",\n  password: "${p}",\n  hostname: "db"`,
      p,
    ];
  }],
  ["lua_token", () => {
    const t = slack();
    return [`local cfg = { channel = "#ops", bot_token = "${t}" }`, t];
  }],
  ["kubectl_from_literal", () => {
    const p = password();
    return [
      `kubectl create secret generic db-creds --from-literal=username=orders --from-literal=password='${p}' -n prod`,
      p,
    ];
  }],
  ["markdown_link_token", () => {
    const t = r.str(HEX, 40);
    return [
      `Open the [dashboard](https://grafana.internal/d/abc?orgId=1&api_key=${t}) to check.`,
      t,
    ];
  }],
  ["json_backslash_continued", () => {
    const t = gh(r, "ghp_");
    const a = t.slice(0, 20), b = t.slice(20);
    return [`{"token": "${a}\\\n${b}"}`, a, b];
  }],
  ["mysql_password_flag", () => {
    const p = plainPw();
    return [`$ mysqldump --user=backup --password=${p} orders > orders.sql`, p];
  }],
  ["oauth2_bearer_flag", () => {
    const t = r.str(URLSAFE, 48);
    return [`curl --oauth2-bearer ${t} https://api.internal/v1/me`, t];
  }],
  ["slack_token_query", () => {
    const t = slack();
    return [
      `POST https://slack.com/api/chat.postMessage?token=${t}&channel=C0123`,
      t,
    ];
  }],
  ["ansible_inventory", () => {
    const p = password();
    return [
      `[web]\n10.0.3.7 ansible_user=deploy ansible_password=${p} ansible_port=22`,
      p,
    ];
  }],
  ["tfvars", () => {
    const p = password();
    return [
      `# prod.tfvars\nregion      = "eu-west-1"\ndb_password = "${p}"\ninstance    = "t3.medium"`,
      p,
    ];
  }],
  ["ansi_split_token", () => {
    const t = stripe();
    const a = t.slice(0, 12), b = t.slice(12);
    return [
      `\x1b[36mSTRIPE_SECRET_KEY\x1b[39m \x1b[90m│\x1b[39m ${a}\x1b[0m\x1b[33m${b}\x1b[0m`,
      a,
      b,
    ];
  }],
];

const dob = () => birthDate(r);
const cnMobile = () =>
  `+86 1${r.pick(["38", "39", "58", "86"])} ${r.str(DIG, 4)} ${r.str(DIG, 4)}`;
const rfc = () => {
  const [y, m, d] = dob();
  return r.str(UP, 4) + pad(y % 100) + pad(m) + pad(d) + r.str(UP + DIG, 3);
};

const PII: [string, Gen][] = [
  ["csv_semicolon", () => {
    const v = iban("DE", r.str(DIG, 18));
    return [`Name;Telefon;IBAN\n${fullName()};0151 ${r.str(DIG, 8)};${v}`, v];
  }],
  ["tsv_email_phone", () => {
    const e = personEmail(r);
    return [`id\temail\tcountry\n${r.str(DIG, 5)}\t${e}\tDE`, e];
  }],
  ["html_table_header", () => {
    const s = ssn(r, "");
    return [
      `<table><tr><th>Name</th><th>SSN</th></tr><tr><td>${fullName()}</td><td>${s}</td></tr></table>`,
      s,
    ];
  }],
  ["markdown_table_header", () => {
    const p = `+44 7${r.str("3456789", 1)}${r.str(DIG, 2)} ${r.str(DIG, 6)}`;
    return [`| Customer | Phone |\n|---|---|\n| ${fullName()} | ${p} |`, p];
  }],
  ["python_dict_repr", () => {
    const e = personEmail(r);
    const [y, m, d] = dob();
    const b = `${y}-${pad(m)}-${pad(d)}`;
    return [
      `INFO user={'email': '${e}', 'birth_date': '${b}', 'tier': 2}`,
      e,
      b,
    ];
  }],
  ["identity_api_passport", () => {
    const v = r.str(UP, 2) + r.str(DIG, 7);
    return [
      `{"document": {"type": "PASSPORT", "number": "${v}", "country": "GBR"}, "status": "verified"}`,
      v,
    ];
  }],
  ["dob_iso_datetime", () => {
    const [y, m, d] = dob();
    const v = `${y}-${pad(m)}-${pad(d)}T00:00:00Z`;
    return [
      `{"customer": {"id": ${r.int(99999)}, "dateOfBirth": "${v}"}}`,
      v.slice(0, 10),
    ];
  }],
  ["japanese_address", () => {
    const v = `〒${r.str(DIG, 3)}-${r.str(DIG, 4)} 東京都渋谷区神南${
      1 + r.int(2)
    }-${1 + r.int(20)}-${1 + r.int(20)}`;
    return [`配送先：${v}`, v];
  }],
  ["apartment_address", () => {
    const v = `Apt ${1 + r.int(20)}${r.pick(["A", "B", "C"])}, ${
      100 + r.int(800)
    } ${r.pick(["Pine", "Walnut", "Spruce"])} Street`;
    return [
      `address_line1: "${v}"\ncity: Denver\nzip: "802${r.str(DIG, 2)}"`,
      v,
    ];
  }],
  ["cn_mobile", () => {
    const p = cnMobile();
    return [`联系电话：${p}`, p];
  }],
  ["x_forwarded_for", () => {
    const ip = publicIpv4(r);
    return [`X-Forwarded-For: ${ip}, 10.0.0.12\nX-Request-Id: ${uuid(r)}`, ip];
  }],
  ["mx_rfc", () => {
    const v = rfc();
    return [`RFC: ${v}\nRégimen: 605`, v];
  }],
  ["mrn", () => {
    const v = r.str(DIG, 8);
    return [`Patient ${fullName()}  MRN: ${v}  Ward 3`, v];
  }],
  ["salutation_with_address", () => {
    const n = fullName();
    const a = `${10 + r.int(90)} ${r.pick(["Elm", "Oak", "Ash"])} Road`;
    return [
      `Dear ${n},\nwe will ship your order to ${a}, Leeds LS6 ${
        1 + r.int(9)
      }AB.`,
      a,
    ];
  }],
  ["kr_rrn_csv", () => {
    const v = krRrn(r);
    return [`이름,주민번호\n김민준,${v}`, v];
  }],
  ["sin_json", () => {
    const v = sin(r, "-");
    return [`{"employee": {"sin": "${v}", "province": "ON"}}`, v];
  }],
  ["nhs_prose", () => {
    const v = nhs(r);
    return [
      `Her NHS number is ${v} and she is registered at the Leeds practice.`,
      v,
    ];
  }],
  ["iban_json_account", () => {
    const v = iban("FR", r.str(DIG, 23));
    return [`{"payout": {"account": "${v}", "currency": "EUR"}}`, v];
  }],
  ["pan_csv", () => {
    const v = pan(r);
    return [`name,pan,city\n${fullName()},${v},Pune`, v];
  }],
  ["email_subdomain_plus", () => {
    const e = `${r.pick(FIRST)}.${r.pick(LAST)}+${r.str(LOW, 4)}@mail.${
      r.pick(["acme", "initech"])
    }.co.uk`;
    return [`reply-to: ${e}`, e];
  }],
  ["email_ansi_split", () => {
    const e = personEmail(r);
    const at = e.indexOf("@");
    return [`\x1b[1m${e.slice(0, at)}\x1b[0m${e.slice(at)}`, e.slice(0, at)];
  }],
  ["card_expiry_block", () => {
    const c = card(r, "5", 16);
    return [
      `Card ${c.slice(0, 4)} ${c.slice(4, 8)} ${c.slice(8, 12)} ${
        c.slice(12)
      } exp 0${1 + r.int(8)}/2${7 + r.int(3)}`,
      c.slice(4, 8) + " " + c.slice(8, 12),
    ];
  }],
  ["ke_ng_intl_phone", () => {
    const p = r.pick([
      () => `+254 7${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`,
      () => `+234 80${r.str("3", 1)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    ])();
    return [`WhatsApp: ${p}`, p];
  }],
  ["dob_words_prose", () => {
    const [y, m, d] = dob();
    const months = [
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
    const v = `${months[m - 1]} ${d}, ${y}`;
    return [`The applicant, ${fullName()}, was born on ${v} in Ohio.`, v];
  }],
  ["ssn_dots", () => {
    const s = ssn(r, ".");
    return [`tax_ref: ${s}`, s];
  }],
];

const BENIGN: [string, Gen][] = [
  ["b_yarn_lock", () => [
    `"lodash@^4.17.21":\n  version "4.17.21"\n  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#${
      r.str(HEX, 40)
    }"\n  integrity sha512-${r.str(B64, 86)}==`,
  ]],
  ["b_go_sum", () => [
    `github.com/google/uuid v1.6.0 h1:${
      r.str(B64, 43)
    }=\ngithub.com/google/uuid v1.6.0/go.mod h1:${r.str(B64, 43)}=`,
  ]],
  ["b_terraform_plan", () => [
    `  # aws_db_instance.orders will be created\n  + resource "aws_db_instance" "orders" {\n      + password = (sensitive value)\n      + username = "orders"\n    }`,
  ]],
  ["b_env_empty", () => [
    `STRIPE_KEY=\nOPENAI_API_KEY=\nDATABASE_URL=postgres://localhost:5432/dev`,
  ]],
  ["b_stack_addresses", () => [
    `#0 0x00007f${r.str(HEX, 10)} in __libc_start_main ()\n#1 0x0000555${
      r.str(HEX, 9)
    } in main (argc=1) at main.c:${r.int(300)}`,
  ]],
  ["b_prometheus", () => [
    `http_requests_total{method="post",code="200"} ${
      r.str(DIG, 6)
    }\nprocess_start_time_seconds 1.765${r.str(DIG, 6)}e+09`,
  ]],
  ["b_kubeconfig_ca", () => [
    `clusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t${
      r.str(B64, 60)
    }\n    server: https://10.0.0.1:6443`,
  ]],
  ["b_role_mailboxes", () => [
    `Questions? Write to sales@${r.pick(["acme", "initech"])}.com or support@${
      r.pick(["acme", "initech"])
    }.com.`,
  ]],
  ["b_bearer_placeholder", () => [
    `curl -H "Authorization: Bearer <token>" -H "X-Api-Key: <your-api-key>" https://api.example.com/v1`,
  ]],
  ["b_password_prose", () => [
    `Forgot your password? Reset it at https://account.acme.example/reset within ${
      r.int(48)
    } hours.`,
  ]],
  ["b_trace_json", () => [
    `{"trace_id":"${r.str(HEX, 32)}","span_id":"${
      r.str(HEX, 16)
    }","duration_ns":${r.str(DIG, 9)}}`,
  ]],
  ["b_iban_zero_placeholder", () => [
    `IBAN: DE00 0000 0000 0000 0000 00 (fill in)`,
  ]],
  ["b_uuid_url", () => [
    `GET /api/v2/orders/${uuid(r)}/items?page=${r.int(9)} 200 ${r.int(900)}ms`,
  ]],
  ["b_order_noun_digits", () => [
    `Order 0151 ${r.str(DIG, 4)} ${r.str(DIG, 3)} shipped; tracking 1Z${
      r.str(UP + DIG, 16)
    }`,
  ]],
  ["b_docker_images", () => [
    `REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nnode         22        ${
      r.str(HEX, 12)
    }   2 weeks ago   ${r.int(999)}MB`,
  ]],
  ["b_semver_build", () => [
    `version: ${r.int(5)}.${r.int(20)}.${r.int(9)}+build.${r.str(DIG, 8)}.sha.${
      r.str(HEX, 7)
    }`,
  ]],
  ["b_cargo_lock", () => [
    `[[package]]\nname = "serde"\nversion = "1.0.${r.int(220)}"\nchecksum = "${
      r.str(HEX, 64)
    }"`,
  ]],
  ["b_csv_semicolon_products", () => [
    `Artikel;Menge;Preis\nSchraube M4;${r.int(500)};0,12\nMutter M4;${
      r.int(500)
    };0,08`,
  ]],
  ["b_html_table_stats", () => [
    `<table><tr><th>Service</th><th>p99 (ms)</th></tr><tr><td>orders</td><td>${
      r.int(900)
    }</td></tr></table>`,
  ]],
  ["b_markdown_table_versions", () => [
    `| Package | Version |\n|---|---|\n| react | ${18 + r.int(2)}.${r.int(3)}.${
      r.int(9)
    } |\n| vite | ${5 + r.int(2)}.${r.int(9)}.${r.int(9)} |`,
  ]],
  ["b_python_dict_config", () => [
    `INFO config={'workers': ${r.int(16)}, 'timeout': ${
      r.int(60)
    }, 'region': 'eu-west-1', 'debug': False}`,
  ]],
  ["b_jaas_placeholder", () => [
    `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="\${KAFKA_USER}" password="\${KAFKA_PASSWORD}";`,
  ]],
  ["b_dockerfile_arg_ref", () => [
    `FROM node:22-alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm npm ci\nENV NODE_ENV=production`,
  ]],
  ["b_gha_masked", () => [
    `2026-12-07T10:00:01.123Z Run echo "STRIPE_KEY=***" >> $GITHUB_ENV\n2026-12-07T10:00:01.456Z shell: /usr/bin/bash -e {0}`,
  ]],
  ["b_x_forwarded_private", () => [
    `X-Forwarded-For: 10.${r.int(255)}.${r.int(255)}.${
      1 + r.int(250)
    }, 172.16.0.${1 + r.int(250)}\nX-Request-Id: ${uuid(r)}`,
  ]],
];

for (const [cls, g] of SECRETS) {
  for (let i = 0; i < 4; i++) sec(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of PII) {
  for (let i = 0; i < 4; i++) pii(cls, ...(g() as [string, ...string[]]));
}
for (const [cls, g] of BENIGN) {
  for (let i = 0; i < 4; i++) ben(cls, g()[0]);
}
emitRows(rows);
