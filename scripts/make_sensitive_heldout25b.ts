/**
 * `deno run -A scripts/make_sensitive_heldout25b.ts > scripts/data/sensitive_heldout25b.jsonl`:
 * a second held-out set of round 25, written after the round's first fixes
 * (which were designed on `sensitive_heldout25.jsonl`) and measured once:
 * the same kinds of values in carriers neither set uses. Config and code
 * of more ecosystems (wp-config `define`, .NET `<add key value>`, Django
 * and Rails secret keys, PowerShell and cmd `set`, Go struct literals,
 * YAML folded scalars, JSON arrays of pieces), URLs with credentials of
 * more schemes, cookies and Basic auth, OpenSSH and PGP key blocks, fully
 * escaped tokens; PII in mail headers, LDIF, vCard 3 and iCal, `tel:` and
 * `wa.me` links, SEPA XML, E.164 without separators, addresses of more
 * countries, TD1 identity-card MRZ, bank details of India and Australia,
 * ids in URLs, XML elements and validation errors; and benign look-alikes
 * (public keys, certificates, integrity hashes, masked and placeholder
 * values, CI secret references).
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
  ssn,
  uuid,
} from "./lib/sensitive_values.ts";
import {
  birthDate,
  bsn,
  mrzCheck,
  pesel,
  publicIpv6,
  steuerId,
} from "./lib/world_values.ts";
import { trTckn, zaId } from "./lib/national_values.ts";

const r = new Rng(25_2_1207_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const first = () => cap(r.pick(FIRST));
const last = () => cap(r.pick(LAST));
const fullName = () => `${first()} ${last()}`;
const pad = (n: number) => String(n).padStart(2, "0");
const b64 = (n: number) => r.str(B64, n);

const stripe = () => `sk_live_${r.str(ALNUM, 24)}`;
const slackUser = () =>
  `xoxp-${r.str(DIG, 12)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${
    r.str(HEX, 32)
  }`;
const openai = () => `sk-proj-${r.str(URLSAFE, 64)}`;
const glpat = () => `glpat-${r.str(URLSAFE, 20)}`;
const npmTok = () => `npm_${r.str(ALNUM, 36)}`;
const password = () =>
  r.pick(["Vx", "Qm", "Hr", "Nb"]) + r.str(ALNUM, 6) +
  r.pick(["!", "#", "$", "*"]) + r.str(ALNUM, 5);
const b64url = (s: string) =>
  btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = () =>
  `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${
    b64url(JSON.stringify({ sub: uuid(r), scope: "orders:write" }))
  }.${r.str(URLSAFE, 86)}`;

type Gen = () => string[];

const SECRETS: [string, Gen][] = [
  ["wp_config_define", () => {
    const p = password();
    return [
      `define( 'DB_NAME', 'shop' );\ndefine( 'DB_USER', 'shop' );\ndefine( 'DB_PASSWORD', '${p}' );`,
      p,
    ];
  }],
  ["wp_auth_salt", () => {
    const k = r.str(ALNUM + "!@#%^*()-_[]{}<>~+=,.;:/?|", 64);
    return [`define('AUTH_KEY',         '${k}');`, k];
  }],
  ["dotnet_app_config", () => {
    const k = b64(86) + "==";
    return [
      `<appSettings>\n  <add key="StorageAccountKey" value="${k}" />\n  <add key="Region" value="westeurope" />\n</appSettings>`,
      k,
    ];
  }],
  ["django_secret_key", () => {
    const k = "django-insecure-" + r.str(LOW + DIG + "!@#$%^&*(-_=+)", 50);
    return [`SECRET_KEY = '${k}'\nDEBUG = False`, k];
  }],
  ["rails_secret_key_base", () => {
    const k = r.str(HEX, 128);
    return [`production:\n  secret_key_base: ${k}`, k];
  }],
  ["powershell_env", () => {
    const t = openai();
    return [`PS C:\\dev> $env:OPENAI_API_KEY = "${t}"`, t];
  }],
  ["cmd_set", () => {
    const s = r.str(B64, 40);
    return [`C:\\> set AWS_SECRET_ACCESS_KEY=${s}\nC:\\> aws s3 ls`, s];
  }],
  ["go_struct_literal", () => {
    const t = slackUser();
    return [`cfg := Config{\n\tChannel: "#ops",\n\tToken:   "${t}",\n}`, t];
  }],
  ["yaml_folded", () => {
    const t = openai();
    const a = t.slice(0, 40), b = t.slice(40);
    return [`llm:\n  api_key: >-\n    ${a}\n    ${b}\n  model: gpt`, a, b];
  }],
  ["json_array_pieces", () => {
    const t = stripe();
    const a = t.slice(0, 14), b = t.slice(14);
    return [`{"parts": ["${a}", "${b}"], "join": ""}`, b];
  }],
  ["redis_url", () => {
    const p = password().replace(/[#$]/g, "x");
    return [`REDIS_URL=redis://:${p}@cache.internal:6379/0`, p];
  }],
  ["amqp_url", () => {
    const p = password().replace(/[#$]/g, "x");
    return [`broker_url = "amqps://orders:${p}@mq.internal:5671/prod"`, p];
  }],
  ["cookie_header", () => {
    const j = jwt();
    return [`< set-cookie: session=${j}; Path=/; HttpOnly; Secure`, j];
  }],
  ["basic_auth_header", () => {
    const enc = btoa(`deploy:${password()}`);
    return [`> Authorization: Basic ${enc}\n> User-Agent: curl/8.5.0`, enc];
  }],
  ["openssh_key", () => {
    const l1 =
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" +
      r.str(B64, 6);
    const l2 = b64(70);
    return [
      `$ cat ~/.ssh/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\n${l1}\n${l2}\n-----END OPENSSH PRIVATE KEY-----`,
      l2,
    ];
  }],
  ["pgp_private_block", () => {
    const l = b64(64);
    return [
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF${b64(58)}\n${l}\n=${
        b64(4)
      }\n-----END PGP PRIVATE KEY BLOCK-----`,
      l,
    ];
  }],
  ["gh_auth_status", () => {
    const t = `github_pat_11${r.str(UP + DIG, 20)}_${r.str(ALNUM, 59)}`;
    return [
      `github.com\n  ✓ Logged in to github.com account ci-bot (keyring)\n  - Active account: true\n  - Token: ${t}`,
      t,
    ];
  }],
  ["markdown_table_token", () => {
    const t = glpat();
    return [`| env  | token |\n|------|-------|\n| prod | \`${t}\` |`, t];
  }],
  ["fully_u_escaped", () => {
    const t = gh(r, "ghp_");
    const esc = [...t].map((c) =>
      "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")
    ).join("");
    return [`{"auth":"${esc}"}`, esc.slice(0, 60), esc.slice(120, 200)];
  }],
  ["fully_url_encoded", () => {
    const t = npmTok();
    const enc = [...t].map((c) =>
      "%" + c.charCodeAt(0).toString(16).toUpperCase()
    ).join("");
    return [`GET /hook?t=${enc} HTTP/1.1`, enc];
  }],
  ["sql_insert_key", () => {
    const t = stripe();
    return [
      `INSERT INTO merchant_keys (merchant_id, secret) VALUES (${
        r.int(9000)
      }, '${t}');`,
      t,
    ];
  }],
  ["heroku_config", () => {
    const p = password().replace(/[#$]/g, "x");
    return [
      `=== orders-prod Config Vars\nDATABASE_URL: postgres://u${
        r.str(LOW, 6)
      }:${p}@ec2-${r.int(99)}-1.compute.amazonaws.com:5432/d${
        r.str(LOW, 8)
      }\nLANG:         en_US.UTF-8`,
      p,
    ];
  }],
  ["jvm_flag_password", () => {
    const p = password();
    return [
      `java -Djavax.net.ssl.keyStore=/etc/app.jks -Djavax.net.ssl.keyStorePassword=${p} -jar app.jar`,
      p,
    ];
  }],
  ["docker_run_env", () => {
    const t = stripe();
    return [
      `docker run -d -e NODE_ENV=production -e STRIPE_SECRET=${t} -p 8080:8080 shop/api:1.9`,
      t,
    ];
  }],
  ["discord_webhook", () => {
    const u = `https://discord.com/api/webhooks/${r.str(DIG, 18)}/${
      r.str(URLSAFE, 68)
    }`;
    return [`notify:\n  url: ${u}`, u.slice(u.lastIndexOf("/") + 1)];
  }],
  ["token_hex_encoded", () => {
    const t = gh(r, "ghp_");
    const h = [...t].map((c) => c.charCodeAt(0).toString(16)).join("");
    return [`$ echo -n "$TOKEN" | xxd -p\n${h}`, h];
  }],
];

// ---- PII ----
const dob = () => birthDate(r);
const MONTHS = ["January", "March", "May", "July", "September", "November"];
const e164 = () =>
  r.pick([
    () => `+447${r.str("3456789", 1)}${r.str(DIG, 8)}`,
    () => `+4915${r.str("12579", 1)}${r.str(DIG, 8)}`,
    () => `+336${r.str(DIG, 8)}`,
    () => `+316${r.str(DIG, 8)}`,
    () => `+9198${r.str(DIG, 8)}`,
  ])();
const ibanAny = () =>
  r.pick([
    () => iban("DE", r.str(DIG, 18)),
    () => iban("ES", r.str(DIG, 20)),
    () => iban("BE", r.str(DIG, 12)),
    () => iban("IE", r.str(UP, 4) + r.str(DIG, 14)),
    () => iban("SE", r.str(DIG, 20)),
  ])();
const td1 = () => {
  const num = r.str(UP, 3) + r.str(DIG, 6);
  const [y, m, d] = dob();
  const db = pad(y % 100) + pad(m) + pad(d);
  const ex = pad(28 + r.int(6)) + pad(1 + r.int(12)) + pad(1 + r.int(28));
  const l1 = `I<D<<${num}${mrzCheck(num)}`.padEnd(30, "<");
  const body = `${db}${mrzCheck(db)}${r.pick(["M", "F"])}${ex}${
    mrzCheck(ex)
  }D<<`.padEnd(29, "<");
  // The composite check: line 1 after the type and state, and line 2's
  // dates with their checks and its optional data.
  const comp = l1.slice(5) + body.slice(0, 7) + body.slice(8, 15) +
    body.slice(18, 29);
  const l2 = body + mrzCheck(comp);
  const l3 = `${last().toUpperCase()}<<${first().toUpperCase()}`.padEnd(
    30,
    "<",
  );
  return { text: `${l1}\n${l2}\n${l3}`, num };
};

const PII: [string, Gen][] = [
  ["mail_from_header", () => {
    const e = personEmail(r);
    return [
      `From: "${fullName()}" <${e}>\nTo: orders@shop.example\nSubject: Re: refund`,
      e,
    ];
  }],
  ["ldif_entry", () => {
    const e = personEmail(r);
    const p = `+44 7${r.str("3456789", 1)}${r.str(DIG, 2)} ${r.str(DIG, 6)}`;
    return [
      `dn: uid=${
        r.str(LOW, 6)
      },ou=people,dc=corp,dc=example\nmail: ${e}\ntelephoneNumber: ${p}`,
      e,
      p,
    ];
  }],
  ["vcard3_tel", () => {
    const p = e164();
    return [
      `BEGIN:VCARD\nVERSION:3.0\nFN:${fullName()}\nTEL;TYPE=CELL:${p}\nEND:VCARD`,
      p,
    ];
  }],
  ["ical_attendee", () => {
    const e = personEmail(r);
    return [`ATTENDEE;CN=${fullName()};ROLE=REQ-PARTICIPANT:mailto:${e}`, e];
  }],
  ["tel_link", () => {
    const p = e164();
    return [`<a class="btn" href="tel:${p}">Call ${first()}</a>`, p];
  }],
  ["wa_me_link", () => {
    const p = e164().slice(1);
    return [`Chat with me: https://wa.me/${p}?text=hi`, p];
  }],
  ["e164_json", () => {
    const p = e164();
    return [
      `{"user":{"id":${r.int(99999)},"msisdn":"${p}","verified":true}}`,
      p,
    ];
  }],
  ["sepa_xml_iban", () => {
    const v = ibanAny();
    return [
      `<CdtrAcct>\n  <Id>\n    <IBAN>${v}</IBAN>\n  </Id>\n</CdtrAcct>\n<Cdtr><Nm>${fullName()}</Nm></Cdtr>`,
      v,
    ];
  }],
  ["iban_lowercase_spaced", () => {
    const v = ibanAny().toLowerCase().replace(/(.{4})(?=.)/g, "$1 ");
    return [`my iban is ${v}`, v];
  }],
  ["dob_long_month", () => {
    const [y, , d] = dob();
    const v = `${d} ${r.pick(MONTHS)} ${y}`;
    return [`Patient: ${fullName()}\nBorn: ${v}\nWard: 4B`, v];
  }],
  ["dob_languages", () => {
    const [y, m, d] = dob();
    const [lab, v] = r.pick([
      ["Geburtsdatum:", `${pad(d)}.${pad(m)}.${y}`],
      ["Date de naissance :", `${pad(d)}/${pad(m)}/${y}`],
      ["生年月日：", `${y}年${m}月${d}日`],
      ["Data di nascita:", `${pad(d)}/${pad(m)}/${y}`],
    ] as [string, string][]);
    return [`${lab} ${v}`, v];
  }],
  ["td1_mrz", () => {
    const m = td1();
    return [`scan:\n${m.text}`, m.num];
  }],
  ["india_bank", () => {
    const acc = "50100" + r.str(DIG, 9);
    return [
      `Beneficiary: ${fullName()}\nA/c No: ${acc}\nIFSC: HDFC000${
        r.str(DIG, 4)
      }`,
      acc,
    ];
  }],
  ["au_bsb_account", () => {
    const acc = r.str(DIG, 8);
    return [
      `BSB: 0${r.str(DIG, 2)}-${
        r.str(DIG, 3)
      }  Account: ${acc}  Name: ${fullName()}`,
      acc,
    ];
  }],
  ["address_fr_es_it_nl", () => {
    const a = r.pick([
      () =>
        `${1 + r.int(90)} rue de la ${
          r.pick(["Paix", "Gare", "République"])
        }, 750${pad(1 + r.int(20))} Paris`,
      () =>
        `Calle ${r.pick(["Mayor", "Serrano", "Alcalá"])} ${1 + r.int(90)}, 280${
          pad(1 + r.int(50))
        } Madrid`,
      () =>
        `Via ${r.pick(["Roma", "Garibaldi", "Dante"])} ${1 + r.int(90)}, 00${
          100 + r.int(99)
        } Roma`,
      () =>
        `${r.pick(["Kerkstraat", "Dorpsstraat", "Molenweg"])} ${
          1 + r.int(90)
        }, 10${r.str(DIG, 2)} ${r.str("ABCDEGHJKLMNPRSTVWXZ", 2)} Amsterdam`,
    ])();
    return [`Lieferadresse / delivery: ${fullName()}, ${a}`, a.split(",")[0]];
  }],
  ["address_ca_au", () => {
    const a = r.pick([
      () =>
        `${10 + r.int(900)} ${
          r.pick(["Queen St W", "Yonge St", "King St E"])
        }, Toronto, ON M${r.int(10)}${r.str("ABCEGHJKLMNPRSTVXY", 1)} ${
          r.int(10)
        }${r.str("ABCEGHJKLMNPRSTVXY", 1)}${r.int(10)}`,
      () =>
        `${1 + r.int(200)} ${
          r.pick(["George St", "Pitt St", "Elizabeth St"])
        }, Sydney NSW 2000`,
    ])();
    return [
      `{"shipping_address": "${a}", "name": "${fullName()}"}`,
      a.split(",")[0],
    ];
  }],
  ["id_in_url", () => {
    const s = ssn(r, "-");
    return [`GET /api/v1/applicants?ssn=${s}&include=credit HTTP/1.1`, s];
  }],
  ["id_xml_element", () => {
    const [tag, v] = r.pick([
      ["pesel", pesel(r)],
      ["bsn", bsn(r)],
      ["steuerIdentifikationsnummer", steuerId(r)],
      ["nhsNumber", nhs(r)],
    ] as [string, string][]);
    return [`<patient><${tag}>${v}</${tag}><ward>3</ward></patient>`, v];
  }],
  ["id_validation_error", () => {
    const [f, v] = r.pick([
      ["tckn", trTckn(r)],
      ["sa_id_number", zaId(r)],
      ["pesel", pesel(r)],
    ] as [string, string][]);
    return [
      `ValidationError: field "${f}": value '${v}' already registered`,
      v,
    ];
  }],
  ["card_separators", () => {
    const c = card(r, r.pick(["4", "51"]), 16);
    const sep = r.pick([".", "_", "/"]);
    const v = c.replace(/(.{4})(?=.)/g, `$1${sep}`);
    return [`card: ${v}`, v];
  }],
  ["card_json_number", () => {
    const c = card(r, "4", 16);
    return [
      `{"order": ${r.int(9999)}, "pan": ${c}, "exp": "0${1 + r.int(8)}/29"}`,
      c,
    ];
  }],
  ["ssn_label_social", () => {
    const s = ssn(r, "");
    return [`Social: ${s}  (verified by phone)`, s];
  }],
  ["ipv6_public_log", () => {
    const ip = publicIpv6(r);
    return [
      `${ip} - - [07/Dec/2026:10:00:01 +0000] "POST /login HTTP/2" 200 512`,
      ip,
    ];
  }],
  ["email_words_obfuscated", () => {
    const f = r.pick(FIRST), l = r.pick(LAST);
    const v = `${f} dot ${l} at gmail dot com`;
    return [`reach me: ${v}`, `${f} dot ${l} at gmail`];
  }],
  ["name_yaml_record", () => {
    const n = fullName();
    const e = personEmail(r);
    return [`- name: ${n}\n  email: ${e}\n  role: customer`, n, e];
  }],
  ["phone_csv_tr_ke_ph", () => {
    const p = r.pick([
      () =>
        `05${r.str("34", 1)}${r.int(10)} ${r.str(DIG, 3)} ${r.str(DIG, 2)} ${
          r.str(DIG, 2)
        }`,
      () => `07${r.str("12", 1)}${r.int(10)} ${r.str(DIG, 6)}`,
      () => `09${r.str("17", 1)}${r.int(10)} ${r.str(DIG, 3)} ${r.str(DIG, 4)}`,
    ])();
    return [`name,phone,city\n${fullName()},${p},Ankara`, p];
  }],
  ["drivers_licence", () => {
    const v = r.str(UP, 1) + r.str(DIG, 7);
    return [`Driver's license no: ${v} (CA)`, v];
  }],
];

// ---- benign ----
const BENIGN: [string, Gen][] = [
  ["b_ssh_public_key", () => [
    `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${b64(43)} ci@build-${r.int(9)}`,
  ]],
  ["b_certificate", () => [
    `-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE${b64(44)}\n${
      b64(64)
    }\n-----END CERTIFICATE-----`,
  ]],
  ["b_public_key_pem", () => [
    `-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${
      b64(28)
    }\n${b64(60)}\n-----END PUBLIC KEY-----`,
  ]],
  ["b_npm_integrity", () => [
    `"node_modules/lodash": {\n  "version": "4.17.21",\n  "integrity": "sha512-${
      b64(86)
    }=="\n}`,
  ]],
  [
    "b_data_image",
    () => [`<img src="data:image/png;base64,iVBORw0KGgo${b64(80)}">`],
  ],
  ["b_env_example", () => [
    `# .env.example\nOPENAI_API_KEY=your-api-key-here\nDB_PASSWORD=changeme\nSTRIPE_SECRET=<YOUR_STRIPE_SECRET>`,
  ]],
  ["b_ci_secret_refs", () => [
    `env:\n  GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}`,
  ]],
  ["b_masked_values", () => [
    `card: **** **** **** ${r.str(DIG, 4)}\nssn: ***-**-${
      r.str(DIG, 4)
    }\ntoken: sk_live_****${r.str(ALNUM, 4)}`,
  ]],
  ["b_bearer_variable", () => [
    `curl -H "Authorization: Bearer $TOKEN" -H "X-Request-Id: ${
      uuid(r)
    }" https://api.internal/v1/ping`,
  ]],
  ["b_kubectl_describe_secret", () => [
    `Name:         db-creds\nType:  Opaque\n\nData\n====\npassword:  ${
      10 + r.int(30)
    } bytes\nusername:  6 bytes`,
  ]],
  ["b_argon_hash", () => [
    `password_hash = "$argon2id$v=19$m=65536,t=3,p=4$${b64(22)}$${b64(43)}"`,
  ]],
  ["b_git_shas_table", () => [
    `| commit   | author | message |\n|----------|--------|---------|\n| ${
      r.str(HEX, 8)
    } | ci-bot | bump ${r.int(9)}.${r.int(9)} |`,
  ]],
  ["b_k8s_uid", () => [
    `metadata:\n  uid: ${uuid(r)}\n  resourceVersion: "${
      r.str(DIG, 8)
    }"\n  generation: ${r.int(20)}`,
  ]],
  ["b_windows_version", () => [
    `OS Version: 10.0.${r.str(DIG, 5)} N/A Build ${r.str(DIG, 5)}; BIOS ${
      r.int(9)
    }.${r.str(DIG, 2)}.${r.str(DIG, 4)}`,
  ]],
  ["b_changelog_dates", () => [
    `## [${r.int(5)}.${r.int(20)}.0] - ${2020 + r.int(6)}-0${1 + r.int(9)}-1${
      r.int(9)
    }\n- released ${pad(1 + r.int(28))}.${
      pad(1 + r.int(12))
    }.2024 to all regions`,
  ]],
  ["b_vat_ids_company", () => [
    `Invoice from Acme Widgets Ltd · Company no. ${
      r.str(DIG, 8)
    } · contact: billing@acme.example`,
  ]],
  ["b_placeholder_phone", () => [
    `Phone: +1 555-01${r.str(DIG, 2)} (sample)\nEmail: jane.doe@example.com`,
  ]],
  ["b_ean_isbn", () => [
    `EAN ${r.pick(["4006381333931", "5901234123457", "9780306406157"])} qty ${
      r.int(50)
    }`,
  ]],
  ["b_json_ids", () => [
    `{"id":"${uuid(r)}","order_id":${r.str(DIG, 12)},"created":${
      1765000000000 + r.int(99999999)
    }}`,
  ]],
  ["b_docker_ps", () => [
    `CONTAINER ID   IMAGE          STATUS\n${
      r.str(HEX, 12)
    }   redis:7        Up ${r.int(40)} hours`,
  ]],
  ["b_jwt_sample", () => [
    `Example: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`,
  ]],
  ["b_aws_arn", () => [
    `arn:aws:secretsmanager:eu-west-1:${
      r.str(DIG, 12)
    }:secret:prod/db-password-${r.str(ALNUM, 6)}`,
  ]],
  ["b_private_ips", () => [
    `upstream api { server 10.${r.int(255)}.${r.int(255)}.${
      1 + r.int(250)
    }:8080; server 192.168.${r.int(255)}.${1 + r.int(250)}:8080; }`,
  ]],
  ["b_test_card_doc", () => [
    `In test mode use card 4242 4242 4242 4242, any CVC and a future date.`,
  ]],
  ["b_name_package", () => [
    `- name: ${
      r.pick(["orders-api", "billing-worker", "web"])
    }\n  image: ghcr.io/acme/app:${r.int(9)}.${r.int(9)}\n  replicas: ${
      1 + r.int(5)
    }`,
  ]],
  ["b_password_prompt", () => [
    `[sudo] password for deploy: \nSorry, try again.\nEnter passphrase for key '/home/deploy/.ssh/id_ed25519':`,
  ]],
  ["b_sha_checksums", () => [
    `${r.str(HEX, 64)}  orders-${r.int(9)}.${r.int(9)}.tar.gz\n${
      r.str(HEX, 64)
    }  orders-${r.int(9)}.${r.int(9)}.zip`,
  ]],
  ["b_secret_names_only", () => [
    `aws secretsmanager list-secrets --query 'SecretList[].Name'\n["prod/db-password", "prod/stripe-key", "staging/api-token"]`,
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
