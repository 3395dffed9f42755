/**
 * `deno run -A scripts/make_sensitive_heldout11.ts > scripts/data/sensitive_heldout11.jsonl`:
 * the eleventh held-out set, written after round 4's rules (held-out 10)
 * and measured once: the honest figure of the round's final detector. Its
 * carriers differ from held-outs 2..10: Redis MONITOR lines, journalctl,
 * docker inspect, Jenkins consoles, Sentry event JSON, MIME mail, HAR
 * entries, Elasticsearch hits, Alertmanager payloads, .netrc, .npmrc,
 * .pypirc, docker config.json, git credential stores, PHP var_dump, Go
 * panics, Ruby inspect; PII in vCards, iCal attendees, LDIF, HR exports,
 * intake forms and mailing labels; look-alikes in the same carriers.
 *
 * @module
 */

import { ALNUM, B64, DIG, HEX, LOW, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  aadhaar,
  card,
  cpf,
  emitRows,
  FIRST,
  gh,
  iban,
  LAST,
  nhs,
  nino,
  personEmail,
  type Row,
  rowAdders,
  sin,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";

const r = new Rng(11_0312_2026);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const pw = () =>
  r.pick(["Pelican", "Onyx", "Cedar", "Glacier", "Sorrel", "Vortex"]) +
  r.pick(["#", "@", "%", "+", "="]) + r.str(LOW + UP + DIG, 7) +
  r.str(DIG, 2);
const name = () => `${r.pick(FIRST)} ${r.pick(LAST)}`;

/** Secret value makers: [format, value, key word]. */
const SECRETS: [string, () => string, string][] = [
  ["twilio", () => "SK" + r.str(HEX, 32), "TWILIO_API_KEY"],
  ["shopify", () => "shpat_" + r.str(HEX, 32), "SHOPIFY_TOKEN"],
  ["digitalocean", () => "dop_v1_" + r.str(HEX, 64), "DO_TOKEN"],
  ["databricks", () => "dapi" + r.str(HEX, 32), "DATABRICKS_TOKEN"],
  ["postman", () => `PMAK-${r.str(HEX, 24)}-${r.str(HEX, 34)}`, "POSTMAN_KEY"],
  ["linear", () => "lin_api_" + r.str(ALNUM, 40), "LINEAR_API_KEY"],
  [
    "github_fine",
    () => "github_pat_" + r.str(ALNUM, 22) + "_" + r.str(ALNUM, 59),
    "GH_TOKEN",
  ],
  ["github_oauth", () => gh(r, "gho_"), "GITHUB_TOKEN"],
  ["password", pw, "DB_PASSWORD"],
  ["aws_pair", () => r.str(B64, 40), "AWS_SECRET_ACCESS_KEY"],
  [
    "slack_user",
    () =>
      `xoxp-${r.str(DIG, 11)}-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${
        r.str(HEX, 32)
      }`,
    "SLACK_TOKEN",
  ],
  ["jwt_secret", () => r.str(ALNUM, 48), "JWT_SECRET"],
];

const SEC_CARRIERS: ((k: string, v: string) => string)[] = [
  (k, v) =>
    `1764747${r.str(DIG, 3)}.${r.str(DIG, 6)} [0 10.1.${r.int(255)}.${
      r.int(255)
    }:${40000 + r.int(9999)}] "SET" "config:${k.toLowerCase()}" "${v}"`,
  (k, v) =>
    `Dec 03 07:${String(r.int(60)).padStart(2, "0")}:11 api-${r.int(9)} app[${
      1000 + r.int(8999)
    }]: starting with ${k}=${v} workers=4`,
  (k, v) =>
    `"Config": {\n    "Hostname": "${
      r.str(HEX, 12)
    }",\n    "Env": [\n        "PATH=/usr/local/bin:/usr/bin",\n        "${k}=${v}",\n        "NODE_ENV=production"\n    ],`,
  (k, v) =>
    `[Pipeline] sh\n+ export ${k}=${v}\n+ ./gradlew publish\nBUILD SUCCESSFUL in 41s`,
  (k, v) =>
    `{"event_id":"${
      r.str(HEX, 32)
    }","level":"error","extra":{"env":{"${k}":"${v}"}},"platform":"python"}`,
  (k, v) =>
    `From: ops@example.org\nTo: ${
      personEmail(r)
    }\nSubject: credentials for the new box\nContent-Type: text/plain; charset=utf-8\n\nHi, ${k} = ${v}\nThanks`,
  (k, v) =>
    `{"request":{"method":"POST","url":"https://api.example.io/v1/login","headers":[{"name":"Content-Type","value":"application/json"}],"postData":{"mimeType":"application/json","text":"{\\"${k.toLowerCase()}\\":\\"${v}\\"}"}}}`,
  (k, v) =>
    `{"_index":"app-logs-2026.12.03","_id":"${
      r.str(ALNUM, 20)
    }","_source":{"message":"boot","env.${k}":"${v}"}}`,
  (k, v) =>
    `array(3) {\n  ["host"]=>\n  string(9) "localhost"\n  ["${k.toLowerCase()}"]=>\n  string(${v.length}) "${v}"\n}`,
  (k, v) =>
    `panic: runtime error: invalid memory address\n\ngoroutine 1 [running]:\nmain.load(0xc000010000, {${k}:"${v}"})\n\t/src/main.go:42 +0x1d`,
  (k, v) => `#<struct Settings env="prod", ${k.toLowerCase()}="${v}", pool=5>`,
];

for (let i = 0; i < 66; i++) {
  const [fmt, mk, k] = SECRETS[i % SECRETS.length];
  const ci = (i * 5 + Math.floor(i / SECRETS.length)) % SEC_CARRIERS.length;
  const v = mk();
  sec(`${fmt}/c${ci}`, SEC_CARRIERS[ci](k, v), v);
}
for (let i = 0; i < 2; i++) {
  let p = pw();
  sec(
    "file/netrc",
    `machine api.heroku.com\n  login ${personEmail(r)}\n  password ${p}`,
    p,
  );
  const t = "npm_" + r.str(ALNUM, 36);
  sec(
    "file/npmrc",
    `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${t}`,
    t,
  );
  p = pw();
  sec(
    "file/pypirc",
    `[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.corp.example/simple\nusername = deploy\npassword = ${p}`,
    p,
  );
  const auth = btoa(`ci-bot:${pw()}`);
  sec(
    "file/docker_config",
    `{\n  "auths": {\n    "registry.corp.example": {\n      "auth": "${auth}"\n    }\n  }\n}`,
    auth,
  );
  const tk = gh(r, "ghp_");
  sec(
    "file/git_credentials",
    `$ cat ~/.git-credentials\nhttps://ci-bot:${tk}@github.com`,
    tk,
  );
  const pem = r.str(B64, 64) + "\n" + r.str(B64, 64);
  sec(
    "file/pem",
    `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${pem}\n-----END OPENSSH PRIVATE KEY-----`,
    pem,
  );
}

/** PII values: [class, value, label]. */
const PII_VALUES: [string, () => string, string][] = [
  ["email", () => personEmail(r), "EMAIL"],
  ["phone", () => usPhone(r, r.int(6)), "TEL"],
  ["ssn", () => ssn(r, "-"), "SSN"],
  ["card", () => card(r, r.pick(["4", "52", "55"]), 16), "Card"],
  [
    "iban_nl",
    () => iban("NL", r.pick(["ABNA", "INGB", "RABO"]) + r.str(DIG, 10)),
    "IBAN",
  ],
  ["iban_es", () => iban("ES", r.str(DIG, 20)), "IBAN"],
  ["nino", () => nino(r), "National Insurance"],
  ["nhs", () => nhs(r), "NHS No"],
  ["sin", () => sin(r, "-"), "SIN"],
  ["aadhaar", () => aadhaar(r), "Aadhaar No"],
  ["cpf", () => cpf(r), "CPF"],
  [
    "dob",
    () =>
      `${String(1 + r.int(28)).padStart(2, "0")}/${
        String(1 + r.int(12)).padStart(2, "0")
      }/${1945 + r.int(60)}`,
    "DOB",
  ],
];
const PII_CARRIERS: ((l: string, v: string, w: string) => string)[] = [
  (l, v, w) => `BEGIN:VCARD\nVERSION:3.0\nFN:${w}\nNOTE:${l} ${v}\nEND:VCARD`,
  (l, v, w) =>
    `ATTENDEE;CN="${w}";ROLE=REQ-PARTICIPANT:mailto:${
      r.str(LOW, 6)
    }@example.com\nDESCRIPTION:${l}: ${v}`,
  (l, v, w) =>
    `dn: uid=${r.str(LOW, 6)},ou=people,dc=corp,dc=example\ncn: ${w}\nemployee${
      l.replace(/\W+/g, "")
    }: ${v}`,
  (l, v, w) =>
    `Employee export (HR)\nName: ${w}\nDept: Finance\n${l}: ${v}\nStart: 2024-03-01`,
  (l, v, w) =>
    `PATIENT INTAKE FORM\nFull name: ${w}\n${l}: ${v}\nAllergies: none`,
  (l, v, w) =>
    `${w.toUpperCase()}\n${l}: ${v}\n${100 + r.int(900)} ELM ST APT ${
      r.int(20)
    }`,
  (l, v, w) =>
    `{"level":"warn","msg":"kyc mismatch","subject":"${w}","${
      l.toLowerCase().replace(/\W+/g, "_")
    }":"${v}"}`,
  (l, v, w) =>
    `#<User id: ${r.int(99999)}, name: "${w}", ${
      l.toLowerCase().replace(/\W+/g, "_")
    }: "${v}">`,
  (l, v, w) => `Dec 03 07:12:44 kyc-1 worker[221]: verified ${w} ${l}=${v}`,
];
for (let i = 0; i < 66; i++) {
  const [cls, mk, l] = PII_VALUES[i % PII_VALUES.length];
  const ci = (i * 4 + Math.floor(i / PII_VALUES.length)) % PII_CARRIERS.length;
  const v = mk();
  pii(`${cls}/c${ci}`, PII_CARRIERS[ci](l, v, name()), v);
}

const hx = (n: number) => r.str(HEX, n);
const BENIGN: (() => string)[] = [
  () =>
    `1764747${r.str(DIG, 3)}.${
      r.str(DIG, 6)
    } [0 127.0.0.1:6379] "GET" "session:${uuid(r)}"`,
  () =>
    `Dec 03 07:01:11 api-2 systemd[1]: Started app.service - API (pid ${
      r.int(9999)
    }).`,
  () =>
    `"Env": [\n    "PATH=/usr/local/bin:/usr/bin",\n    "NODE_VERSION=20.${
      r.int(19)
    }.${r.int(9)}"\n]`,
  () =>
    `[Pipeline] withCredentials\nMasking supported pattern matches of $DEPLOY_TOKEN\n+ ./deploy.sh ****`,
  () =>
    `{"event_id":"${hx(32)}","level":"info","release":"api@${r.int(9)}.${
      r.int(30)
    }.${r.int(9)}"}`,
  () =>
    `Message-ID: <${hx(16)}.${
      r.str(DIG, 10)
    }@mail.example.org>\nDKIM-Signature: v=1; a=rsa-sha256; bh=${
      r.str(B64, 43)
    }=;`,
  () =>
    `{"request":{"method":"GET","url":"https://cdn.example.io/app.${
      hx(10)
    }.js"},"response":{"status":200}}`,
  () =>
    `{"_index":"app-logs","_id":"${
      r.str(ALNUM, 20)
    }","_score":1.0,"_source":{"status":"ok"}}`,
  () => `array(1) {\n  ["password"]=>\n  string(0) ""\n}`,
  () =>
    `goroutine ${
      r.int(99)
    } [select]:\nnet/http.(*persistConn).writeLoop(0xc000${hx(6)})`,
  () => `#<struct Settings env="test", api_key=nil, pool=5>`,
  () => `machine github.com login ci-bot password $GITHUB_TOKEN`,
  () => `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
  () => `[pypi]\nusername = __token__\npassword = <set in CI>`,
  () => `{"auths":{"ghcr.io":{}},"credsStore":"desktop"}`,
  () => `https://github.com/acme/api.git`,
  () =>
    `-----BEGIN CERTIFICATE-----\nMIIB${
      r.str(B64, 60)
    }\n-----END CERTIFICATE-----`,
  () => `BEGIN:VCARD\nVERSION:3.0\nFN:Front Desk\nORG:Example Corp\nEND:VCARD`,
  () => `DTSTART:20261203T090000Z\nDTEND:20261203T093000Z\nSUMMARY:Standup`,
  () => `dn: ou=people,dc=corp,dc=example\nobjectClass: organizationalUnit`,
  () =>
    `Employees: ${r.int(900)} · Departments: ${r.int(30)} · Turnover: ${
      r.int(20)
    }%`,
  () => `PATIENT INTAKE FORM (blank)\nFull name: ____________\nDOB: __/__/____`,
  () => `Label size 4x6 in · 203 dpi · ${r.int(500)} labels printed`,
  () =>
    `{"level":"info","msg":"kyc ok","duration_ms":${r.int(900)},"trace":"${
      hx(32)
    }"}`,
  () =>
    `#<User id: ${r.int(99999)}, role: "admin", created_at: "2026-11-0${
      1 + r.int(8)
    } 10:00:00">`,
  () =>
    `build ${hx(7)} · ${r.int(9)}.${r.int(9)}.${r.int(99)} · sha256 ${hx(64)}`,
  () => `SK-${r.int(99)} cabinet, shelf ${r.int(9)} (inventory code)`,
  () => `Phone: +1 555 0100 (fictional, reserved range)`,
  () => `IBAN format: CCkk BBBB BBBB BBBB BBBB BB`,
  () =>
    `Card ending in ${r.str(DIG, 4)}, exp ${
      String(1 + r.int(12)).padStart(2, "0")
    }/${28 + r.int(5)}`,
  () => `docs: set JWT_SECRET to a random 48-character string`,
  () => `ETag: "${hx(32)}"`,
  () => `X-Request-Id: ${uuid(r)}`,
  () => `Authorization: Bearer <token>`,
  () => `git rev-parse HEAD -> ${hx(40)}`,
  () => `Fingerprint: SHA256:${r.str(B64, 43)}`,
  () => `Test card 4242 4242 4242 4242 (Stripe docs)`,
  () => `Example SSN 078-05-1120 appears in old wallet ads`,
  () => `NHS No: 000 000 0000 (example)`,
  () => `Kernel 6.${r.int(12)}.${r.int(40)}-${r.int(200)}-generic`,
];
for (let i = 0; i < 84; i++) {
  ben(`lookalike/${i % BENIGN.length}`, BENIGN[i % BENIGN.length]());
}

emitRows(rows);
