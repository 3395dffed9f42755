/**
 * `deno run -A scripts/make_sensitive_heldout25.ts > scripts/data/sensitive_heldout25.jsonl`:
 * held-out set 25 of secrets and PII, written before the round's fixes and
 * measured once on the starting code. It aims at the carriers a fresh
 * independent set found weak: CSV cells after commas, psql and mysql result
 * boxes, YAML/TOML, kubectl/docker/terraform/helm output, logfmt lines,
 * HTTP headers, string concatenation in source, and disguises inside a
 * value (line splits, ANSI colour, JSON `\u` escapes, URL encoding, base64
 * credential blocks, HTML entities, zero-width and full-width characters);
 * PII of many countries (mobile numbers written with the trunk 0 and no
 * country code, checksummed national ids, IBANs, labelled passports, dates
 * of birth and bank accounts, street addresses, names beside personal
 * fields); and benign developer output full of look-alikes of each.
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
  aadhaar,
  card,
  cpf,
  dni,
  emitRows,
  FIRST,
  gh,
  iban,
  LAST,
  nhs,
  nie,
  nino,
  nric,
  personEmail,
  type Row,
  rowAdders,
  sin,
  ssn,
  uuid,
} from "./lib/sensitive_values.ts";
import {
  birthDate,
  bsn,
  chinaId,
  codiceFiscale,
  curp,
  insee,
  krRrn,
  ktp,
  mrz,
  myNumber,
  pan,
  personnummer,
  pesel,
  publicIpv4,
  steuerId,
} from "./lib/world_values.ts";
import {
  abaRouting,
  auTfn,
  beNn,
  clRut,
  dkCpr,
  fiHetu,
  ilId,
  noFnr,
  trTckn,
  zaId,
} from "./lib/national_values.ts";

const r = new Rng(25_1207_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const fullName = () => `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
const pad = (n: number) => String(n).padStart(2, "0");
const ESC = "\x1b";

// ---- secret value makers (published formats) ----
const stripe = () => `sk_live_${r.str(ALNUM, 24)}`;
const glpat = () => `glpat-${r.str(URLSAFE, 20)}`;
const slack = () =>
  `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
const openai = () => `sk-proj-${r.str(URLSAFE, 64)}`;
const anthropic = () => `sk-ant-api03-${r.str(URLSAFE, 93)}AA`;
const akia = () => "AKIA" + r.str(UP + "234567", 16);
const awsSecret = () => r.str(B64, 40);
const npmTok = () => `npm_${r.str(ALNUM, 36)}`;
const sendgrid = () => `SG.${r.str(URLSAFE, 22)}.${r.str(URLSAFE, 43)}`;
const googleKey = () => `AIza${r.str(URLSAFE, 35)}`;
const tailscale = () =>
  `tskey-auth-k${r.str(ALNUM, 10)}CNTRL-${r.str(ALNUM, 33)}`;
const shopify = () => `shpat_${r.str(HEX, 32)}`;
const hvs = () => `hvs.${r.str(ALNUM, 24)}`;
const dockerPat = () => `dckr_pat_${r.str(URLSAFE, 27)}`;
const linear = () => `lin_api_${r.str(ALNUM, 40)}`;
const telegram = () =>
  `${6 + r.int(3)}${r.str(DIG, 9)}:AA${r.str(URLSAFE, 33)}`;
const password = () =>
  r.pick(["Tq", "Lm", "Zx", "Pw", "Kr"]) + r.str(ALNUM, 5) +
  r.pick(["#", "!", "%", "*", "@"]) + r.str(ALNUM, 6);
const b64url = (s: string) =>
  btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = () =>
  `${b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${
    b64url(
      JSON.stringify({
        sub: r.str(DIG, 7),
        role: "admin",
        iat: 1764000000 + r.int(9999999),
      }),
    )
  }.${r.str(URLSAFE, 43)}`;
const pemBody = () => ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + b64(32), b64(64)];
function b64(n: number): string {
  return r.str(B64, n);
}
const TOKENS: [string, () => string][] = [
  ["stripe", stripe],
  ["gitlab", glpat],
  ["slack", slack],
  ["openai", openai],
  ["anthropic", anthropic],
  ["npm", npmTok],
  ["sendgrid", sendgrid],
  ["google", googleKey],
  ["github", () => gh(r, "ghp_")],
  ["tailscale", tailscale],
  ["shopify", shopify],
  ["docker", dockerPat],
  ["linear", linear],
];
const anyToken = () => r.pick(TOKENS)[1]();
/** `v` cut in two at a random point near the middle. */
const halves = (v: string): [string, string] => {
  const k = Math.floor(v.length / 2) + r.int(5) - 2;
  return [v.slice(0, k), v.slice(k)];
};

type Gen = () => string[];

const SECRETS: [string, Gen][] = [
  ["csv_cell_after_comma", () => {
    const t = anyToken();
    return [
      `service,env,api_key,rotated\npayments,prod,${t},2026-11-02\nsearch,staging,,2026-10-19`,
      t,
    ];
  }],
  ["psql_box_token", () => {
    const t = gh(r, "ghp_");
    return [
      ` id | owner   | access_token                             | scopes\n----+---------+------------------------------------------+--------\n ${
        r.int(90) + 10
      } | ci-bot  | ${t} | repo\n(1 row)`,
      t,
    ];
  }],
  ["mysql_box_password", () => {
    const p = password();
    return [
      `+----+----------+------------------+\n| id | username | password         |\n+----+----------+------------------+\n|  3 | svc_etl  | ${
        p.padEnd(16)
      } |\n+----+----------+------------------+\n1 row in set (0.00 sec)`,
      p,
    ];
  }],
  ["yaml_nested", () => {
    const t = r.pick([openai, anthropic, sendgrid])();
    return [
      `integrations:\n  llm:\n    provider: hosted\n    credentials:\n      apiKey: ${t}\n  retries: 3`,
      t,
    ];
  }],
  ["toml_db", () => {
    const p = password();
    return [
      `[database]\nhost = "db.internal"\nuser = "orders"\npassword = "${p}"\npool = 10`,
      p,
    ];
  }],
  ["kubectl_secret_yaml", () => {
    const p = password();
    const enc = btoa(p);
    return [
      `$ kubectl get secret db-creds -o yaml\napiVersion: v1\ndata:\n  username: ${
        btoa("orders")
      }\n  password: ${enc}\nkind: Secret\nmetadata:\n  name: db-creds`,
      enc,
    ];
  }],
  ["docker_inspect_env", () => {
    const p = password();
    const t = stripe();
    return [
      `$ docker inspect api --format '{{json .Config.Env}}'\n["PATH=/usr/local/bin:/usr/bin","POSTGRES_PASSWORD=${p}","STRIPE_KEY=${t}","NODE_ENV=production"]`,
      p,
      t,
    ];
  }],
  ["terraform_output", () => {
    const a = akia(), s = awsSecret();
    return [
      `$ terraform output -json\n{\n  "ci_access_key_id": {"sensitive": false, "type": "string", "value": "${a}"},\n  "ci_secret_access_key": {"sensitive": true, "type": "string", "value": "${s}"}\n}`,
      a,
      s,
    ];
  }],
  ["helm_set_flag", () => {
    const p = password();
    return [
      `helm upgrade --install orders ./chart --set image.tag=1.4.2 --set postgresql.auth.password=${p} --namespace prod`,
      p,
    ];
  }],
  ["logfmt_kv", () => {
    const t = r.pick([glpat, hvs, dockerPat])();
    return [
      `time=2026-12-07T10:12:01Z level=debug msg="registry login" user=ci token=${t} attempt=1`,
      t,
    ];
  }],
  ["http_headers", () => {
    const j = jwt();
    return [
      `> GET /v2/orders HTTP/1.1\n> Host: api.shop.internal\n> Authorization: Bearer ${j}\n> Accept: */*\n< HTTP/1.1 200 OK`,
      j,
    ];
  }],
  ["http_api_key_header", () => {
    const k = r.str(HEX, 32);
    return [
      `curl -sS https://api.datadoghq.eu/api/v1/validate -H "DD-API-KEY: ${k}" -H "Accept: application/json"`,
      k,
    ];
  }],
  ["code_concat_bare_key", () => {
    const v = r.str(ALNUM, 20) + "~" + r.str(URLSAFE, 19);
    const [a, b] = halves(v);
    return [
      `const cfg = {\n  tenant: "contoso",\n  key: '${a}' +\n    '${b}',\n};`,
      a,
      b,
    ];
  }],
  ["code_concat_named", () => {
    const t = anyToken();
    const [a, b] = halves(t);
    return [`api_token = "${a}" + "${b}"\nclient = Client(api_token)`, a, b];
  }],
  ["split_line_wrap", () => {
    const t = anthropic();
    const [a, b] = halves(t);
    return [`ANTHROPIC_API_KEY=${a}\n${b}\n$ `, a, b];
  }],
  ["ansi_inside_value", () => {
    const t = anyToken();
    const [a, b] = halves(t);
    return [
      `${ESC}[2mconfig${ESC}[0m token=${a}${ESC}[1;31m${b}${ESC}[0m loaded`,
      a,
      b,
    ];
  }],
  ["json_u_escape", () => {
    const t = r.pick([stripe, npmTok, () => gh(r, "ghp_")])();
    const esc = t.slice(0, 3).split("").map((c) =>
      "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")
    ).join("") + t.slice(3);
    return [`{"event":"cfg","secret_token":"${esc}"}`, esc];
  }],
  ["url_encoded", () => {
    const p = password() + "/" + r.str(ALNUM, 3);
    const enc = encodeURIComponent(p);
    return [
      `GET /login?user=svc_report&password=${enc}&next=%2Fdash HTTP/1.1`,
      enc,
    ];
  }],
  ["url_encoded_token", () => {
    const t = sendgrid();
    const enc = encodeURIComponent(t).replace(/\./g, "%2E");
    return [`redirect_uri=https%3A%2F%2Fapp%2Fcb&api_key=${enc}`, enc];
  }],
  ["base64_credentials_block", () => {
    const blob = btoa(
      `[default]\naws_access_key_id = ${akia()}\naws_secret_access_key = ${awsSecret()}\nregion = eu-west-1\n`,
    );
    return [`CREDS_B64=${blob}`, blob];
  }],
  ["html_entities", () => {
    const t = gh(r, "ghp_");
    const ent = t.slice(0, 4).split("").map((c) => `&#${c.charCodeAt(0)};`)
      .join("") + t.slice(4);
    return [`<td class="tok">${ent}</td>`, ent];
  }],
  ["zero_width", () => {
    const t = r.pick([slack, stripe, glpat])();
    const [a, b] = halves(t);
    const z = a + "\u200b" + b;
    return [`SLACK_OR_API_TOKEN: ${z}`, z];
  }],
  ["full_width", () => {
    const t = gh(r, "ghp_");
    const fw = [...t].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join("");
    return [`トークン: ${fw}`, fw];
  }],
  ["pem_in_docker_logs", () => {
    const [l1, l2] = pemBody();
    return [
      `api-1  | -----BEGIN PRIVATE KEY-----\napi-1  | ${l1}\napi-1  | ${l2}\napi-1  | -----END PRIVATE KEY-----`,
      l1,
      l2,
    ];
  }],
  ["netrc", () => {
    const p = password();
    return [`machine git.internal.example\n  login deploy\n  password ${p}`, p];
  }],
  ["git_remote_url", () => {
    const t = glpat();
    return [
      `$ git remote -v\norigin\thttps://oauth2:${t}@gitlab.com/acme/orders.git (fetch)`,
      t,
    ];
  }],
  ["python_repr", () => {
    const t = r.pick([telegram, linear])();
    return [
      `DEBUG settings={'debug': False, 'bot_token': '${t}', 'chat': -1001}`,
      t,
    ];
  }],
  ["azure_conn_string", () => {
    const k = b64(86) + "==";
    return [
      `AzureWebJobsStorage: DefaultEndpointsProtocol=https;AccountName=ordersprod;AccountKey=${k};EndpointSuffix=core.windows.net`,
      k,
    ];
  }],
  ["k8s_env_value", () => {
    const p = password();
    return [
      `        env:\n        - name: DB_PASSWORD\n          value: "${p}"\n        - name: LOG_LEVEL\n          value: info`,
      p,
    ];
  }],
  ["set_x_trace", () => {
    const t = tailscale();
    return [`+ tailscale up --authkey=${t} --hostname=ci-runner-7`, t];
  }],
  ["spring_properties", () => {
    const p = password();
    return [
      `spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.username=app\nspring.datasource.password=${p}`,
      p,
    ];
  }],
  ["mongo_srv_uri", () => {
    const p = password().replace(/[@#%]/g, "x");
    return [
      `MONGO_URL: mongodb+srv://orders:${p}@cluster0.ab1cd.mongodb.net/orders?retryWrites=true`,
      p,
    ];
  }],
];

// ---- PII value makers ----
const ukMobile = () =>
  `07${3 + r.int(7)}${r.str(DIG, 2)} ${r.str("12345689", 1)}${r.str(DIG, 5)}`;
const deMobile = () =>
  `01${r.pick(["51", "52", "57", "60", "70", "76"])} ${r.str(DIG, 8)}`;
const frMobile = () =>
  `0${r.pick(["6", "7"])} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
    r.str(DIG, 2)
  }`;
const nlMobile = () => `06-${r.str("123456789", 1)}${r.str(DIG, 7)}`;
const auMobile = () =>
  `04${r.str("12", 1)}${r.int(10)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`;
const jpMobile = () =>
  `0${r.pick(["80", "90", "70"])}-${r.str(DIG, 4)}-${r.str(DIG, 4)}`;
const inMobile = () =>
  `0${r.pick(["98", "97", "88", "70"])}${r.str(DIG, 3)} ${r.str(DIG, 5)}`;
const krMobile = () => `010-${r.str(DIG, 4)}-${r.str(DIG, 4)}`;
const zaMobile = () =>
  `0${r.pick(["82", "83", "72", "61"])} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`;
const brMobile = () =>
  `(${r.pick(["11", "21", "31"])}) 9${r.str(DIG, 4)}-${r.str(DIG, 4)}`;
const PHONES: (() => string)[] = [
  ukMobile,
  deMobile,
  frMobile,
  nlMobile,
  auMobile,
  jpMobile,
  inMobile,
  krMobile,
  zaMobile,
  brMobile,
];
const anyPhone = () => r.pick(PHONES)();
const dobIso = () => {
  const [y, m, d] = birthDate(r);
  return `${y}-${pad(m)}-${pad(d)}`;
};
const dobEu = (sep: string) => {
  const [y, m, d] = birthDate(r);
  return `${pad(d)}${sep}${pad(m)}${sep}${y}`;
};
const ibanAny = () =>
  r.pick([
    () => iban("DE", r.str(DIG, 18)),
    () => iban("GB", r.str(UP, 4) + r.str(DIG, 14)),
    () => iban("NL", r.str(UP, 4) + r.str(DIG, 10)),
    () => iban("PL", r.str(DIG, 24)),
    () => iban("IT", r.str(UP, 1) + r.str(DIG, 10) + r.str(DIG, 12)),
    () => iban("AT", r.str(DIG, 16)),
  ])();
const spacedIban = (v: string) => v.replace(/(.{4})(?=.)/g, "$1 ");
const passportNo = () =>
  r.pick([
    () => r.str(DIG, 9),
    () => "C" + r.str("CFGHJKLMNPRTVWXYZ0123456789", 8),
    () => r.str(UP, 1) + r.str(DIG, 7),
    () => r.str(DIG, 2) + r.str(UP, 2) + r.str(DIG, 5),
  ])();
const STREETS = [
  "Maple Avenue",
  "Oak Street",
  "Elm Road",
  "Cedar Lane",
  "Birch Drive",
];
const CITIES: [string, string, string][] = [
  ["Springfield", "IL", "627"],
  ["Austin", "TX", "787"],
  ["Portland", "OR", "972"],
  ["Columbus", "OH", "432"],
];
const usAddress = () => {
  const [c, s, z] = r.pick(CITIES);
  return `${100 + r.int(9800)} ${r.pick(STREETS)}, ${c}, ${s} ${z}${
    r.str(DIG, 2)
  }`;
};
const ukAddress = () =>
  `${1 + r.int(180)} ${
    r.pick(["Kingsway", "Mill Lane", "Station Road", "Church Street"])
  }, ${r.pick(["Leeds LS6", "Bristol BS8", "Manchester M14", "London N16"])} ${
    1 + r.int(9)
  }${r.str("ABDEFGHJLNPQRSTUWXYZ", 2)}`;
const deAddress = () =>
  `${r.pick(["Hauptstraße", "Lindenweg", "Bahnhofstr.", "Gartenstraße"])} ${
    1 + r.int(120)
  }, ${
    r.pick(["10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg"])
  }`;

const NATIONAL: [string, () => string, string][] = [
  ["pesel", () => pesel(r), "PESEL"],
  ["bsn", () => bsn(r), "BSN"],
  ["steuer_id", () => steuerId(r), "Steuer-ID"],
  ["insee", () => insee(r, false), "N° de sécurité sociale"],
  ["personnummer", () => personnummer(r, true), "personnummer"],
  ["kr_rrn", () => krRrn(r), "주민등록번호"],
  ["my_number", () => myNumber(r, false), "マイナンバー"],
  ["china_id", () => chinaId(r), "身份证号"],
  ["curp", () => curp(r), "CURP"],
  ["codice_fiscale", () => codiceFiscale(r), "codice fiscale"],
  ["dk_cpr", () => dkCpr(r), "CPR-nr."],
  ["fi_hetu", () => fiHetu(r), "henkilötunnus"],
  ["be_nn", () => beNn(r), "rijksregisternummer"],
  ["cl_rut", () => clRut(r), "RUT"],
  ["il_id", () => ilId(r), "teudat zehut"],
  ["au_tfn", () => auTfn(r), "TFN"],
  ["no_fnr", () => noFnr(r), "fødselsnummer"],
  ["za_id", () => zaId(r), "SA ID number"],
  ["tr_tckn", () => trTckn(r), "TC Kimlik No"],
  ["nric", () => nric(r), "NRIC"],
  ["aadhaar", () => aadhaar(r), "Aadhaar"],
  ["cpf", () => cpf(r), "CPF"],
  ["sin", () => sin(r), "SIN"],
  ["nhs", () => nhs(r), "NHS number"],
  ["nino", () => nino(r, false), "NI number"],
  ["ktp", () => ktp(r), "NIK"],
  ["pan", () => pan(r), "PAN"],
  ["dni", () => dni(r), "DNI"],
  ["nie", () => nie(r), "NIE"],
];

const PII: [string, Gen][] = [
  ["csv_phone_trunk0", () => {
    const p = anyPhone();
    return [
      `id,name,phone,signup\n${r.int(900) + 100},${fullName()},${p},2026-11-${
        pad(1 + r.int(28))
      }`,
      p,
    ];
  }],
  ["labelled_phone_trunk0", () => {
    const p = anyPhone();
    const lab = r.pick(["Mobile:", "Tel.", "Handy:", "mobile=", '"phone": "']);
    return [
      `${lab}${lab.endsWith("=") || lab.endsWith('"') ? "" : " "}${p}${
        lab.endsWith('"') ? '"' : ""
      }`,
      p,
    ];
  }],
  ["prose_phone_trunk0", () => {
    const p = anyPhone();
    return [
      `Customer asked to be called back on ${p} after 5pm about ticket #${
        r.str(DIG, 5)
      }.`,
      p,
    ];
  }],
  ["signature_phone", () => {
    const p = anyPhone();
    return [`Best regards,\n${fullName()}\nSales Manager\nM ${p}`, p];
  }],
  ["national_id_labelled_yaml", () => {
    const [, mk, lab] = r.pick(NATIONAL);
    const v = mk();
    return [`applicant:\n  ${lab}: ${v}\n  status: pending`, v];
  }],
  ["national_id_csv_header", () => {
    const [key, mk] = r.pick(NATIONAL);
    const v = mk();
    return [`customer_id,${key},country\n${r.str(DIG, 6)},${v},XX`, v];
  }],
  ["national_id_logfmt", () => {
    const [key, mk] = r.pick(NATIONAL);
    const v = mk();
    return [`level=info event=kyc_check ${key}=${v} result=match`, v];
  }],
  ["national_id_psql_box", () => {
    const [key, mk] = r.pick(NATIONAL);
    const v = mk();
    return [
      ` user_id | ${key.padEnd(20)} | verified\n---------+${
        "-".repeat(22)
      }+----------\n ${r.str(DIG, 7)} | ${v.padEnd(20)} | t\n(1 row)`,
      v,
    ];
  }],
  ["national_id_json_escaped", () => {
    const [key, mk] = r.pick(NATIONAL);
    const v = mk();
    return [
      JSON.stringify({ body: JSON.stringify({ [key]: v, ok: true }) }),
      v,
    ];
  }],
  ["iban_spaced_labelled", () => {
    const v = spacedIban(ibanAny());
    return [`Bankverbindung / IBAN: ${v}\nBIC: ${r.str(UP, 6)}XX`, v];
  }],
  ["iban_csv_after_comma", () => {
    const v = ibanAny();
    return [`payee,iban,amount\n${fullName()},${v},1200.00`, v];
  }],
  ["iban_prose", () => {
    const v = ibanAny();
    return [`Please wire the refund to ${v}, thanks.`, v];
  }],
  ["passport_labelled", () => {
    const v = passportNo();
    const lab = r.pick([
      "Passport No.:",
      "passport_number:",
      "Reisepass-Nr.",
      "N° passeport :",
      "pasaporte=",
    ]);
    return [`${lab}${lab.endsWith("=") ? "" : " "}${v}`, v];
  }],
  ["passport_table", () => {
    const v = passportNo();
    return [
      `| traveller        | passport  | expires    |\n|------------------|-----------|------------|\n| ${
        fullName().padEnd(16)
      } | ${v.padEnd(9)} | 2031-04-30 |`,
      v,
    ];
  }],
  ["mrz_lines", () => {
    const m = mrz(r, r.pick(LAST), r.pick(FIRST));
    return [`OCR result:\n${m.lines[0]}\n${m.lines[1]}`, m.number];
  }],
  ["dob_labelled", () => {
    const v = r.pick([dobIso, () => dobEu("."), () => dobEu("/")])();
    const lab = r.pick([
      "Date of birth:",
      "DOB",
      "geb.",
      "birthdate=",
      "fecha_nacimiento:",
      "born",
    ]);
    return [`${fullName()}, ${lab}${lab.endsWith("=") ? "" : " "}${v}`, v];
  }],
  ["dob_json", () => {
    const v = dobIso();
    return [
      `{"patient":{"id":"${r.str(DIG, 6)}","dateOfBirth":"${v}","sex":"F"}}`,
      v,
    ];
  }],
  ["bank_account_uk", () => {
    const acc = r.str(DIG, 8);
    const sc = `${r.str(DIG, 2)}-${r.str(DIG, 2)}-${r.str(DIG, 2)}`;
    return [
      `Account name: ${fullName()}\nSort code: ${sc}\nAccount number: ${acc}`,
      acc,
      sc,
    ];
  }],
  ["bank_account_us", () => {
    const acc = r.str(DIG, 10 + r.int(3));
    const rt = abaRouting(r);
    return [`ach: routing=${rt} account_no=${acc} type=checking`, acc, rt];
  }],
  ["address_us", () => {
    const a = usAddress();
    return [`Ship to: ${fullName()}\n${a}`, a.split(",")[0]];
  }],
  ["address_uk_de", () => {
    const a = r.pick([ukAddress, deAddress])();
    return [`{"name":"${fullName()}","address":"${a}"}`, a.split(",")[0]];
  }],
  ["name_beside_fields", () => {
    const n = fullName();
    const e = personEmail(r);
    return [
      `name=${JSON.stringify(n)} email=${e} dob=${dobIso()} plan=pro`,
      n,
      e,
    ];
  }],
  ["name_csv_record", () => {
    const n = fullName();
    const s = ssn(r, "-");
    return [`customer,ssn,state\n${n},${s},CA`, n, s];
  }],
  ["email_url_encoded", () => {
    const e = personEmail(r);
    const enc = encodeURIComponent(e);
    return [`GET /unsubscribe?email=${enc}&list=weekly HTTP/1.1`, enc];
  }],
  ["email_u_escape", () => {
    const e = personEmail(r);
    const enc = e.replace("@", "\\u0040");
    return [`{"contact":"${enc}","opt_in":true}`, enc];
  }],
  ["email_html_entity", () => {
    const e = personEmail(r);
    const enc = e.replace("@", "&#64;").replace(/\.(?=[a-z]+$)/, "&#46;");
    return [`<a class="mail">${enc}</a>`, enc];
  }],
  ["ssn_ansi", () => {
    const s = ssn(r, "-");
    return [
      `${ESC}[33mssn${ESC}[0m: ${ESC}[1m${s.slice(0, 4)}${ESC}[0m${s.slice(4)}`,
      s.slice(0, 4),
      s.slice(4),
    ];
  }],
  ["ssn_zero_width", () => {
    const s = ssn(r, "-");
    const z = s.slice(0, 3) + "\u200b" + s.slice(3);
    return [`SSN ${z} on file`, z];
  }],
  ["card_full_width", () => {
    const pre = r.pick(["4", "51", "37"]);
    const c = card(r, pre, pre === "37" ? 15 : 16);
    const fw = [...c].map((ch) =>
      String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
    ).join("");
    return [`カード番号：${fw}`, fw];
  }],
  ["card_csv_after_comma", () => {
    const c = card(r, r.pick(["4", "52"]), 16);
    return [`order_id,card,amount\n${r.str(DIG, 6)},${c},49.90`, c];
  }],
  ["card_split_lines", () => {
    const c = card(r, "4", 16);
    return [
      `Card: ${c.slice(0, 8)}\n      ${c.slice(8)}`,
      c.slice(0, 8),
      c.slice(8),
    ];
  }],
  ["ip_public_logfmt", () => {
    const ip = publicIpv4(r);
    return [
      `at=info method=POST path=/login client_ip=${ip} user_id=${
        r.str(DIG, 6)
      } status=200`,
      ip,
    ];
  }],
  ["national_id_prose", () => {
    const [, mk, lab] = r.pick(NATIONAL);
    const v = mk();
    return [`Customer supplied ${lab} ${v} over chat; please verify.`, v];
  }],
  ["ssn_sql_insert", () => {
    const s = ssn(r, "");
    return [
      `INSERT INTO applicants (id, full_name, tax_id) VALUES (${
        r.int(999)
      }, '${fullName()}', '${s}');`,
      s,
    ];
  }],
];

// ---- benign look-alikes ----
const sha = () => r.str(HEX, 40);
const BENIGN: [string, Gen][] = [
  ["b_csv_skus", () => [
    `sku,name,price,stock\n${r.str(UP, 3)}-${r.str(DIG, 5)},Desk lamp,39.90,${
      r.int(400)
    }\n${r.str(UP, 3)}-${r.str(DIG, 5)},Cable,4.50,${r.int(900)}`,
  ]],
  ["b_psql_counts", () => [
    ` id                                   | status  | total\n--------------------------------------+---------+-------\n ${
      uuid(r)
    } | paid    | ${r.int(9000)}.00\n(1 row)`,
  ]],
  ["b_yaml_placeholders", () => [
    `database:\n  host: db.internal\n  password: \${DB_PASSWORD}\n  token: "{{ .Values.apiToken }}"\n  pool: ${
      2 + r.int(20)
    }`,
  ]],
  ["b_kubectl_get_pods", () => [
    `NAME                          READY   STATUS    RESTARTS   AGE\napi-${
      r.str(LOW + DIG, 10)
    }-${r.str(LOW + DIG, 5)}   1/1     Running   0          ${r.int(40)}h`,
  ]],
  ["b_docker_digest", () => [
    `$ docker pull node:22-alpine\nDigest: sha256:${
      r.str(HEX, 64)
    }\nStatus: Downloaded newer image for node:22-alpine`,
  ]],
  ["b_terraform_sensitive", () => [
    `Outputs:\n\ndb_endpoint = "orders.${
      r.str(LOW, 8)
    }.eu-west-1.rds.amazonaws.com"\ndb_password = <sensitive>\napi_key = (sensitive value)`,
  ]],
  ["b_logfmt_ids", () => [
    `time=2026-12-07T10:12:01Z level=info request_id=${
      r.str(HEX, 32)
    } trace_id=${r.str(HEX, 16)} duration_ms=${r.int(900)}`,
  ]],
  ["b_http_headers", () => [
    `< HTTP/2 200\n< etag: "${r.str(HEX, 32)}"\n< x-request-id: ${
      uuid(r)
    }\n< cache-control: max-age=${r.int(9999)}`,
  ]],
  ["b_code_concat_url", () => [
    `const url = 'https://' + host + '/api/v' + version + '/orders?limit=' + limit;`,
  ]],
  ["b_code_concat_key_name", () => [
    `cacheKey = "orders:" + tenantId + ":" + page\nkey: 'user-' + 'profile-' + 'v2'`,
  ]],
  ["b_version_build", () => [
    `Windows build ${r.int(11)}.${r.int(10)}.${r.str(DIG, 5)}.${
      r.str(DIG, 4)
    }; node v${20 + r.int(4)}.${r.int(12)}.${r.int(9)}`,
  ]],
  ["b_order_leading_zero", () => [
    `order_no,qty,warehouse\n0${r.str(DIG, 9)},${1 + r.int(5)},B${r.int(9)}`,
  ]],
  ["b_base64_json", () => [
    `payload=${
      btoa(JSON.stringify({ plan: "team", seats: r.int(90), region: "eu" }))
    }`,
  ]],
  ["b_html_entities", () => [
    `<p>Terms &amp; conditions &copy; 2026 &mdash; see &#167;${
      r.int(20)
    } &quot;Refunds&quot;</p>`,
  ]],
  ["b_ansi_test_output", () => [
    `${ESC}[32m✓${ESC}[0m orders › creates invoice (${
      r.int(90)
    } ms)\n${ESC}[32m✓${ESC}[0m orders › refunds (${r.int(90)} ms)`,
  ]],
  ["b_url_encoded_query", () => [
    `GET /search?q=${encodeURIComponent("red shoes & socks")}&page=${
      r.int(9)
    }&sort=price%3Aasc HTTP/1.1`,
  ]],
  ["b_full_width_text", () => [
    `ログイン：成功（ユーザー数：${r.int(900)}）　バージョン２．４`,
  ]],
  ["b_git_log", () => [
    `commit ${sha()}\nAuthor: CI Bot <ci-bot@users.noreply.github.com>\nDate:   Mon Dec 7 10:00:00 2026 +0000\n\n    chore: bump deps`,
  ]],
  ["b_env_no_secret", () => [
    `NODE_ENV=production\nPORT=${
      3000 + r.int(999)
    }\nLOG_LEVEL=info\nAPI_KEY_HEADER=X-Api-Key\nTOKEN_TTL=3600`,
  ]],
  ["b_json_u_escape_text", () => [
    `{"msg":"caf\\u00e9 \\u2014 open","count":${r.int(99)}}`,
  ]],
  ["b_helm_set_plain", () => [
    `helm upgrade --install web ./chart --set replicaCount=${
      1 + r.int(5)
    } --set image.tag=${r.int(3)}.${r.int(9)}.${r.int(9)}`,
  ]],
  ["b_toml_package", () => [
    `[package]\nname = "orders"\nversion = "${r.int(3)}.${r.int(20)}.${
      r.int(9)
    }"\n\n[dependencies]\nserde = "1.0"`,
  ]],
  ["b_timestamps_numbers", () => [
    `${r.str(DIG, 10)} ${r.str(DIG, 13)} elapsed=${r.int(99)}.${
      r.str(DIG, 3)
    }s bytes=${r.str(DIG, 9)}`,
  ]],
  ["b_mysql_box_counts", () => [
    `+-----------+----------+\n| table     | rows     |\n+-----------+----------+\n| orders    | ${
      String(r.int(999999)).padEnd(8)
    } |\n+-----------+----------+`,
  ]],
  ["b_zero_width_join", () => [
    `Release\u200bnotes: fixed\u200bcrash on start (build ${r.str(DIG, 6)})`,
  ]],
  ["b_k8s_env_ref", () => [
    `        env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db-creds\n              key: password`,
  ]],
  ["b_isbn_and_dates", () => [
    `Ref. ${r.str(DIG, 3)}-${r.str(DIG, 2)}-${r.str(DIG, 4)}/2026, issued ${
      dobIso().slice(0, 4)
    }-01-01, rev ${r.int(9)}`,
  ]],
  ["b_product_phone_like", () => [
    `Part no. 0${r.str(DIG, 3)} ${r.str(DIG, 3)} ${
      r.str(DIG, 3)
    } — torque 12 Nm`,
  ]],
  ["b_coordinates", () => [
    `lat=${r.int(80)}.${r.str(DIG, 6)} lon=${r.int(170)}.${r.str(DIG, 6)} alt=${
      r.int(900)
    }m`,
  ]],
  ["b_ci_masked", () => [
    `Run actions/checkout@v4\n  token: ***\n  persist-credentials: true\nAPI_TOKEN=*** (masked)`,
  ]],
  ["b_sql_schema", () => [
    `CREATE TABLE customers (id bigint, phone text, iban text, passport_no text, date_of_birth date);`,
  ]],
  ["b_dob_field_null", () => [
    `{"patient":{"id":"${
      r.str(DIG, 6)
    }","dateOfBirth":null,"passport":"","phone":"REDACTED"}}`,
  ]],
  ["b_address_company", () => [
    `Acme GmbH · Support · support@acme.example · Release ${r.int(9)}.${
      r.int(9)
    } shipped to ${r.int(99)} regions`,
  ]],
  ["b_aws_doc_example", () => [
    `# from the AWS docs\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
  ]],
  ["b_stripe_test_card", () => [
    `Use the test card ${
      r.pick([
        "4242 4242 4242 4242",
        "4000 0566 5566 5556",
        "5555 5555 5555 4444",
      ])
    } with any future expiry in test mode.`,
  ]],
  ["b_example_mailbox", () => [
    `git config user.email "you@example.com"  # replace with your address; bugs to noreply@github.com`,
  ]],
  ["b_doc_iban", () => [
    `Example IBAN (from the registry docs): DE89 3704 0044 0532 0130 00 — do not use for payments.`,
  ]],
  ["b_freephone_support", () => [
    `Support hotline: 0800 ${r.str(DIG, 3)} ${r.str(DIG, 4)} (Mon–Fri 9–17)`,
  ]],
  ["b_bcrypt_hash_row", () => [
    `id,username,password_hash\n${r.int(99)},svc_etl,$2b$12$${
      r.str(ALNUM + "./", 53)
    }`,
  ]],
  ["b_passport_field_label", () => [
    `Passport No.: (required)\nDate of birth: DD/MM/YYYY\nIBAN: ________________`,
  ]],
  ["b_uuid_keys", () => [
    `idempotency_key=${uuid(r)} session_id=${r.str(HEX, 24)} nonce=${
      r.str(DIG, 12)
    }`,
  ]],
  ["b_sha_in_csv", () => [
    `file,sha256,size\nbundle.js,${r.str(HEX, 64)},${r.int(99999)}`,
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
