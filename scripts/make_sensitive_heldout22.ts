/**
 * `deno run -A scripts/make_sensitive_heldout22.ts [SEED] > scripts/data/sensitive_heldout22.jsonl`:
 * the held-out set of secrets and PII round 8, written before any of the
 * round's detector changes. Secrets: PEM private keys inside doubly
 * JSON-escaped strings (terraform output -json, a key file inside a JSON
 * string), name/value pairs whose name is a parameter path (SSM, ECS, k8s
 * env) and whose value starts with `/`, secrets typed with spaces between
 * characters or groups, recovery phrases with no wallet word near them,
 * and other carriers (.npmrc, .pgpass, logfmt, systemd, TOML, connection
 * strings). PII: extra words between a label and its value, logfmt, card
 * numbers split over lines, ids inside base64 JSON, vCard fields, unquoted
 * CSV dates with commas, label variants in other languages, HL7 and FHIR
 * carriers. Hard benign rows: look-alikes of each class (public keys and
 * certificates doubly escaped, paths as values, spaced prose, list words in
 * prose, document numbers of invoices, event dates in CSV, company vCards).
 *
 * The default seed makes the held-out set; any other seed makes a tune set
 * from the same templates (`sensitive_tune22.jsonl`, seed 7).
 *
 * @module
 */

import { ALNUM, B64, DIG, HEX, LOW, Rng, UP } from "./lib/sensitive_corpus.ts";
import {
  card,
  emitRows,
  FIRST,
  gh,
  group,
  iban,
  LAST,
  nhs,
  personEmail,
  type Row,
  rowAdders,
  ssn,
  usPhone,
  uuid,
} from "./lib/sensitive_values.ts";
import { birthDate, personnummer, pesel } from "./lib/world_values.ts";
import { clRut, noFnr } from "./lib/national_values.ts";
import { BIP39_WORDS } from "../governance/engine/detect/bip39_words.ts";

const seed = Number(Deno.args[0] ?? "22_1203_2026".replaceAll("_", ""));
const r = new Rng(seed);
const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const fullName = () => `${cap(r.pick(FIRST))} ${cap(r.pick(LAST))}`;
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
const hx = (n: number) => r.str(HEX, n);
const b64 = (n: number) => r.str(B64, n);
const pw = () =>
  r.pick(["Harbor", "Falcon", "Quartz", "Willow", "Ember", "Nimbus"]) +
  r.pick(["!", "#", "%", "+", "@", "~"]) + r.str(ALNUM, 7) + r.str(DIG, 3);
const awsSecret = (lead = "") => lead + r.str(B64, 40 - lead.length);
const passportNo = () => r.pick(["5", "6", "C", "X", "K"]) + r.str(DIG, 8);

/** SHA-256 of bytes, as bits. */
async function sha256Bits(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...h].map((b) => b.toString(2).padStart(8, "0")).join("");
}

/** A BIP-39 phrase of `n` words (12 or 24) with a valid checksum. */
async function phrase(n: 12 | 24): Promise<string> {
  const ent = new Uint8Array(n === 12 ? 16 : 32);
  for (let i = 0; i < ent.length; i++) ent[i] = r.int(256);
  const bits = [...ent].map((b) => b.toString(2).padStart(8, "0")).join("") +
    (await sha256Bits(ent)).slice(0, ent.length / 4);
  const out: string[] = [];
  for (let i = 0; i < bits.length; i += 11) {
    out.push(BIP39_WORDS[parseInt(bits.slice(i, i + 11), 2)]);
  }
  return out.join(" ");
}

/** A PEM body of `lines` 64-char base64 lines (first starts like PKCS#8). */
const pemBody = (lines: number) =>
  Array.from(
    { length: lines },
    (
      _,
      i,
    ) => (i === 0 ? "MIIEvgIBADANBgkqhkiG9w0BAQEFAASC" + b64(32) : b64(64)),
  );

type Gen = () => string[] | Promise<string[]>;

const SECRETS: [string, Gen][] = [
  ["pem_tf_output_json", () => {
    const body = pemBody(4);
    const inner = JSON.stringify({
      type: "service_account",
      project_id: "acme-prod",
      private_key_id: hx(40),
      private_key: `-----BEGIN PRIVATE KEY-----\n${
        body.join("\n")
      }\n-----END PRIVATE KEY-----\n`,
      client_email: "deployer@acme-prod.iam.gserviceaccount.com",
    });
    const outer = JSON.stringify(
      { sa_key: { sensitive: true, type: "string", value: inner } },
      null,
      2,
    );
    return [`$ terraform output -json\n${outer}`, body[1], body[3]];
  }],
  ["pem_json_in_json_log", () => {
    const body = pemBody(3);
    const inner = JSON.stringify({
      key: `-----BEGIN RSA PRIVATE KEY-----\n${
        body.join("\n")
      }\n-----END RSA PRIVATE KEY-----`,
    });
    const outer = JSON.stringify({
      level: "debug",
      msg: "loaded secret",
      payload: inner,
    });
    return [outer, body[1], body[2]];
  }],
  ["pem_escaped_ec_compact", () => {
    const a = b64(64), b2 = b64(40);
    const s = JSON.stringify(JSON.stringify(
      `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI${a}\n${b2}\n-----END EC PRIVATE KEY-----`,
    ));
    return [`{"output": ${s}}`, a, b2];
  }],
  ["ssm_path_name_value", () => {
    const v = awsSecret("/");
    return [
      `{"Parameter": {"Name": "/prod/aws_secret_access_key", "Type": "SecureString", "Value": "${v}", "Version": 3}}`,
      v,
    ];
  }],
  ["ssm_list_path_lower", () => {
    const v = awsSecret("/" + r.str(B64, 3));
    const p = pw();
    return [
      `[\n  {"name": "/staging/${
        r.pick(["billing", "api", "etl"])
      }/db_password", "type": "SecureString", "value": "${p}"},\n  {"name": "/staging/aws_secret_access_key", "type": "SecureString", "value": "${v}"}\n]`,
      v,
      p,
    ];
  }],
  ["ecs_env_path_name", () => {
    const v = "/" + r.str(ALNUM + "+/", 31);
    return [
      `"environment": [{"name": "APP_ENV", "value": "prod"}, {"name": "/run/secrets/signing_key", "value": "${v}"}]`,
      v,
    ];
  }],
  ["ssm_text_output", () => {
    const v = awsSecret("/");
    return [
      `$ aws ssm get-parameters-by-path --path /prod --with-decryption --output text\nPARAMETERS\tarn:aws:ssm:us-east-1:123456789012:parameter/prod/aws_secret_access_key\t/prod/aws_secret_access_key\tSecureString\t${v}\t4`,
      v,
    ];
  }],
  ["spaced_chars_token", () => {
    const t = gh(r, "ghp_");
    const sp = [...t].join(" ");
    return [`ok read it back to me: ${sp}`, sp.slice(10, 40)];
  }],
  ["spaced_groups_password", () => {
    const p = r.str(ALNUM, 16);
    const sp = p.replace(/(.{4})(?=.)/g, "$1 ");
    return [`The temporary password is ${sp} (change it on first login)`, sp];
  }],
  ["spaced_chars_api_key", () => {
    const k = "sk_live_" + r.str(ALNUM, 24);
    const sp = [...k].join(" ");
    return [`stripe key (typed by voice): ${sp}`, sp.slice(16, 48)];
  }],
  ["phrase_bare_note", async () => {
    const w = await phrase(12);
    return [`notes.txt:\n${w}\n`, w];
  }],
  ["phrase_chat_no_cue", async () => {
    const w = await phrase(24);
    return [`[09:12] sam: here you go, keep it offline\n[09:12] sam: ${w}`, w];
  }],
  ["phrase_numbered_no_cue", async () => {
    const w = (await phrase(12)).split(" ");
    const t = w.map((x, i) => `${i + 1}) ${x}`).join("  ");
    return [`backup card:\n${t}`, ...w.filter((x) => x.length >= 7)];
  }],
  ["phrase_json_field", async () => {
    const w = await phrase(12);
    return [`{"id": "${uuid(r)}", "words": "${w}"}`, w];
  }],
  ["npmrc_token", () => {
    const t = "npm_" + r.str(ALNUM, 36);
    return [`$ cat ~/.npmrc\n//registry.npmjs.org/:_authToken=${t}`, t];
  }],
  ["pgpass_line", () => {
    const p = pw();
    return [
      `$ cat ~/.pgpass\ndb.internal:5432:orders:app_rw:${p}`,
      p,
    ];
  }],
  ["logfmt_secret", () => {
    const k = r.str(ALNUM, 32);
    return [
      `ts=2026-12-03T10:11:12Z level=warn msg="retrying upstream" api_key=${k} attempt=2`,
      k,
    ];
  }],
  ["systemd_env", () => {
    const p = pw();
    return [
      `[Service]\nEnvironment="DB_PASSWORD=${p}"\nExecStart=/usr/bin/app`,
      p,
    ];
  }],
  ["azure_conn_string", () => {
    const k = b64(86) + "==";
    return [
      `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${k};EndpointSuffix=core.windows.net"`,
      k,
    ];
  }],
  ["toml_token", () => {
    const t = r.str(LOW + DIG, 40);
    return [
      `[registries.internal]\nindex = "https://crates.internal"\ntoken = "${t}"`,
      t,
    ];
  }],
  ["k8s_secret_data", () => {
    const v = btoa(pw());
    return [
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ndata:\n  password: ${v}\n  username: YXBw`,
      v,
    ];
  }],
  ["git_remote_v", () => {
    const t = gh(r, "ghp_");
    return [
      `$ git remote -v\norigin\thttps://ci-bot:${t}@github.com/acme/api.git (fetch)`,
      t,
    ];
  }],
  ["anthropic_key_docker_inspect", () => {
    const k = "sk-ant-api03-" + r.str(ALNUM + "_-", 93) + "AA";
    return [
      `"Env": [\n  "PATH=/usr/local/bin:/usr/bin",\n  "ANTHROPIC_API_KEY=${k}"\n]`,
      k,
    ];
  }],
  ["vault_token_header", () => {
    const t = "hvs." + r.str(ALNUM + "_-", 90);
    return [
      `curl -H "X-Vault-Token: ${t}" https://vault.internal/v1/kv/app`,
      t,
    ];
  }],
];

const PII: [string, Gen][] = [
  ["label_words_passport", () => {
    const p = passportNo();
    return [
      `${fullName()}: my passport number for the visa form is ${p}, expires 2031.`,
      p,
    ];
  }],
  ["label_words_ssn", () => {
    const s = ssn(r, "-");
    return [
      `Her social security number as listed on the W-2 is ${s}.`,
      s,
    ];
  }],
  ["label_words_dob", () => {
    const [y, m, d] = birthDate(r);
    const v = `${d} ${MONTHS[m - 1]} ${y}`;
    return [`The date of birth we have on file for this account is ${v}.`, v];
  }],
  ["label_words_iban", () => {
    const v = iban("DE", r.str(DIG, 18));
    return [`Please send the refund to my IBAN which is ${v} thanks`, v];
  }],
  ["logfmt_doc", () => {
    const p = passportNo();
    return [
      `ts=2026-12-03T08:00:01Z svc=kyc doc_type=P doc_no=${p} country=GBR status=verified`,
      p,
    ];
  }],
  ["logfmt_ssn_dob", () => {
    const s = ssn(r, "");
    const [y, m, d] = birthDate(r);
    const dob = `${y}-${pad(m)}-${pad(d)}`;
    return [
      `level=info msg="applicant created" applicant_ssn=${s} dob=${dob} plan=basic`,
      s,
      dob,
    ];
  }],
  ["card_split_lines", () => {
    const c = card(r, r.pick(["4", "51", "55"]), 16);
    const a = c.slice(0, 8), b = c.slice(8);
    return [
      `Card number: ${group(a, [4, 4], " ")}\n${
        group(b, [4, 4], " ")
      }\nExp: 09/29`,
      a.slice(4),
      b.slice(0, 4),
    ];
  }],
  ["card_split_wrapped_email", () => {
    const c = card(r, "4", 16);
    return [
      `> Hi, please charge my Visa ${c.slice(0, 4)}-${c.slice(4, 8)}-\n> ${
        c.slice(8, 12)
      }-${c.slice(12)} for the order.`,
      c.slice(4, 8),
      c.slice(8, 12),
    ];
  }],
  ["base64_json_ssn", () => {
    const s = ssn(r, "-");
    const blob = btoa(
      JSON.stringify({ name: fullName(), ssn: s, plan: "gold" }),
    );
    return [`webhook body (base64): ${blob}`, blob];
  }],
  ["base64_json_jwt_payload", () => {
    const s = ssn(r, "-");
    const p = btoa(JSON.stringify({ sub: "u" + r.str(DIG, 6), tax_id: s }))
      .replace(/=+$/, "");
    return [`X-User-Context: ${p}`, p];
  }],
  ["vcard_fields", () => {
    const n = fullName();
    const e = personEmail(r);
    const t = `+1-${r.pick(["415", "212", "617"])}-${2 + r.int(7)}${
      r.str(DIG, 2)
    }-${r.str(DIG, 4)}`;
    const [y, m, d] = birthDate(r);
    const bd = `${y}-${pad(m)}-${pad(d)}`;
    return [
      `BEGIN:VCARD\nVERSION:3.0\nFN:${n}\nTEL;TYPE=cell:${t}\nEMAIL;TYPE=home:${e}\nBDAY:${bd}\nEND:VCARD`,
      t,
      e,
      bd,
    ];
  }],
  ["vcard_adr", () => {
    const street = `${10 + r.int(980)} ${
      r.pick(["Maple", "Oak", "Cedar", "Elm"])
    } ${r.pick(["Street", "Avenue", "Road"])}`;
    return [
      `BEGIN:VCARD\nVERSION:4.0\nFN:${fullName()}\nADR;TYPE=home:;;${street};Springfield;IL;62704;USA\nEND:VCARD`,
      street,
    ];
  }],
  ["csv_unquoted_date_commas", () => {
    const [y, m, d] = birthDate(r);
    const v = `${MONTHS[m - 1]} ${d}, ${y}`;
    return [
      `name,date_of_birth,city\n${fullName()},${v},Boston`,
      `${MONTHS[m - 1]} ${d}`,
    ];
  }],
  ["csv_dob_commas_mid", () => {
    const [y, m, d] = birthDate(r);
    return [
      `id,name,dob,email\n${r.int(9000) + 100},${fullName()},${
        MONTHS[m - 1].slice(0, 3)
      } ${d}, ${y},${personEmail(r)}`,
      `${MONTHS[m - 1].slice(0, 3)} ${d}`,
    ];
  }],
  ["label_rut_cliente", () => {
    const v = clRut(r);
    return [`rut_cliente: ${v}\nnombre_cliente: ${fullName()}`, v];
  }],
  ["label_personnummer_no", () => {
    const v = noFnr(r);
    return [`personnummer (NO): ${v}`, v];
  }],
  ["label_personnummer_se_paren", () => {
    const v = personnummer(r, true);
    return [`Personnummer (SE) – ${v}`, v];
  }],
  ["label_pesel_suffix", () => {
    const v = pesel(r);
    return [`{"nr_pesel_klienta": "${v}", "imie": "${fullName()}"}`, v];
  }],
  ["hl7_pid", () => {
    const n = nhs(r);
    const [y, m, d] = birthDate(r);
    const dob = `${y}${pad(m)}${pad(d)}`;
    return [
      `MSH|^~\\&|EPIC|RCH|LAB|RCH|20261203101500||ADT^A01|MSG${
        r.str(DIG, 6)
      }|P|2.5\nPID|1||${n}^^^NHS^NH||${r.pick(LAST).toUpperCase()}^${
        r.pick(FIRST).toUpperCase()
      }||${dob}|F`,
      n,
      dob,
    ];
  }],
  ["fhir_identifier", () => {
    const s = ssn(r, "-");
    return [
      `{"resourceType": "Patient", "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "${s}"}], "gender": "male"}`,
      s,
    ];
  }],
  ["git_log_author", () => {
    const e = personEmail(r);
    return [
      `commit ${
        hx(40)
      }\nAuthor: ${fullName()} <${e}>\nDate:   Thu Dec 3 10:00:00 2026 +0000`,
      e,
    ];
  }],
  ["pain001_iban", () => {
    const v = iban("FR", r.str(DIG, 23));
    return [
      `<CdtrAcct><Id><IBAN>${v}</IBAN></Id></CdtrAcct><Cdtr><Nm>${fullName()}</Nm></Cdtr>`,
      v,
    ];
  }],
  ["phone_label_words", () => {
    const p = usPhone(r, 1);
    return [`You can reach my cell at any time on ${p} after 6pm`, p];
  }],
  ["proto_text_ssn", () => {
    const s = ssn(r, "-");
    return [`person {\n  name: "${fullName()}"\n  ssn: "${s}"\n}`, s];
  }],
];

const BENIGN: [string, Gen][] = [
  ["b_pem_public_escaped", () => {
    const inner = JSON.stringify({
      public_key: `-----BEGIN PUBLIC KEY-----\n${
        pemBody(3).join("\n")
      }\n-----END PUBLIC KEY-----\n`,
    });
    return [JSON.stringify({ pub: { sensitive: false, value: inner } })];
  }],
  ["b_cert_escaped", () => {
    const inner = JSON.stringify({
      certificate: `-----BEGIN CERTIFICATE-----\n${
        pemBody(3).join("\n")
      }\n-----END CERTIFICATE-----`,
    });
    return [`{"output": ${JSON.stringify(inner)}}`];
  }],
  ["b_pem_placeholder_escaped", () => [
    JSON.stringify({
      value: JSON.stringify({
        private_key:
          "-----BEGIN PRIVATE KEY-----\n<redacted>\n-----END PRIVATE KEY-----\n",
      }),
    }),
  ]],
  ["b_ssm_path_value", () => [
    `{"Parameter": {"Name": "/prod/${
      r.pick(["log_dir", "data_root", "socket_path"])
    }", "Type": "String", "Value": "/var/${r.pick(["log", "lib", "run"])}/${
      r.pick(["app", "svc", "api"])
    }/${r.str(LOW, 5)}", "Version": 2}}`,
  ]],
  ["b_ssm_secret_masked", () => [
    `{"Name": "/prod/aws_secret_access_key", "Type": "SecureString", "Value": "${
      r.pick(["****", "(hidden)", "AQICAHh...truncated"])
    }"}`,
  ]],
  ["b_ssm_names_only", () => [
    `$ aws ssm describe-parameters\n/prod/aws_secret_access_key\tSecureString\t${
      r.int(9) + 1
    }\n/prod/db_password\tSecureString\t2`,
  ]],
  ["b_ecs_env_path_value", () => [
    `"environment": [{"name": "/run/secrets/signing_key", "value": "/run/secrets/${
      r.pick(["signing.pem", "jwt.key", "token"])
    }"}]`,
  ]],
  ["b_spaced_prose", () => [
    r.pick([
      "N O T E : do not edit this file by hand",
      "W A R N I N G  —  t h i s  i s  a  d r y  r u n",
      "S E C T I O N  4 . 2   R E S U L T S",
    ]),
  ]],
  ["b_spaced_hex_digest", () => [
    `SHA256 fingerprint: ${
      Array.from({ length: 16 }, () => hx(2).toUpperCase()).join(" ")
    }`,
  ]],
  ["b_spaced_groups_serial", () => [
    `Serial: ${
      group(r.str(UP + DIG, 16), [4, 4, 4, 4], " ")
    }  (product key printed on the box is not needed)`,
  ]],
  ["b_list_words_prose", () => [
    r.pick([
      "Tags: ocean forest river mountain desert island valley canyon glacier meadow",
      "Menu: apple banana orange lemon cherry grape melon mango coconut olive",
      "colors used: black white silver green purple orange yellow bronze crystal",
    ]),
  ]],
  ["b_bip39_doc_words", () => [
    `The first words of the BIP-39 list are abandon, ability, able, about, above, absent, absorb, abstract, absurd, abuse, access, accident.`,
  ]],
  ["b_test_phrase", () => [
    `MNEMONIC="test test test test test test test test test test test junk"  # hardhat default`,
  ]],
  ["b_npmrc_env_ref", () => [
    `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
  ]],
  ["b_logfmt_plain", () => [
    `ts=2026-12-03T10:11:12Z level=info msg="request done" request_id=${
      uuid(r)
    } duration_ms=${r.int(900)} trace_id=${hx(32)}`,
  ]],
  ["b_systemd_env_ref", () => [
    `[Service]\nEnvironmentFile=/etc/app/env\nEnvironment="DB_PASSWORD_FILE=/run/secrets/db"`,
  ]],
  ["b_aws_example", () => [
    `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY  # from the AWS docs`,
  ]],
  ["b_integrity_hash", () => [
    `"integrity": "sha512-${b64(86)}=="`,
  ]],
  ["b_docker_digest", () => [
    `image: ghcr.io/acme/api@sha256:${hx(64)}`,
  ]],
  ["b_git_remote_plain", () => [
    `$ git remote -v\norigin\tgit@github.com:acme/api.git (fetch)\norigin\tgit@github.com:acme/api.git (push)`,
  ]],
  ["b_k8s_configmap", () => [
    `apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: info\n  CACHE_TTL: "${
      r.int(900)
    }"`,
  ]],
  ["b_label_words_passport", () => [
    r.pick([
      "The passport number field for the visa form is optional and may be left blank.",
      "Your passport number for the visa form is printed on the photo page.",
      "Enter the passport number for the visa form exactly as shown.",
    ]),
  ]],
  ["b_logfmt_invoice", () => [
    `ts=2026-12-03T08:00:01Z svc=billing doc_type=invoice doc_no=INV-2026-${
      r.str(DIG, 5)
    } amount=${r.int(900)}.00 currency=EUR`,
  ]],
  ["b_logfmt_docs", () => [
    `level=info doc_type=${r.pick(["pdf", "docx", "md"])} doc_no=${
      r.int(400)
    } pages=${r.int(40) + 1} msg="rendered"`,
  ]],
  ["b_card_split_test", () => [
    `Use the test card 4242 4242\n4242 4242 with any future expiry.`,
  ]],
  ["b_split_tracking", () => {
    const t = r.str(DIG, 8);
    return [
      `Tracking: ${group(t, [4, 4], " ")}\n${r.str(DIG, 4)} ${
        r.str(DIG, 4)
      }\nCarrier: DHL`,
    ];
  }],
  ["b_base64_json_config", () => [
    `config (base64): ${
      btoa(JSON.stringify({
        region: "eu-west-1",
        replicas: r.int(9) + 1,
        feature_flags: ["beta", "dark_mode"],
      }))
    }`,
  ]],
  ["b_vcard_company", () => [
    `BEGIN:VCARD\nVERSION:3.0\nORG:Acme Corp\nURL:https://acme.example\nTEL;TYPE=work:+1-555-0100\nEND:VCARD`,
  ]],
  ["b_csv_event_dates", () => {
    const m = r.pick(MONTHS);
    return [
      `event,date,venue\nproduct launch,${m} ${1 + r.int(28)}, 2026,Hall ${
        r.int(9) + 1
      }`,
    ];
  }],
  ["b_csv_release_dates", () => [
    `version,released,notes\nv${r.int(9)}.${r.int(20)}.${r.int(9)},${
      r.pick(MONTHS).slice(0, 3)
    } ${1 + r.int(28)}, 2025,bug fixes`,
  ]],
  ["b_label_variant_empty", () => [
    r.pick([
      "rut_cliente: null\nnombre_cliente: null",
      "personnummer (NO): <not provided>",
      `{"nr_pesel_klienta": "", "imie": ""}`,
    ]),
  ]],
  ["b_hl7_msh_only", () => [
    `MSH|^~\\&|EPIC|RCH|LAB|RCH|2026120310${r.str(DIG, 4)}||ACK^A01|MSG${
      r.str(DIG, 6)
    }|P|2.5\nMSA|AA|MSG${r.str(DIG, 6)}`,
  ]],
  ["b_fhir_no_pii", () => [
    `{"resourceType": "Observation", "id": "${
      uuid(r)
    }", "status": "final", "valueQuantity": {"value": ${
      r.int(200)
    }, "unit": "mg/dL"}}`,
  ]],
  ["b_git_log_noreply", () => [
    `commit ${
      hx(40)
    }\nAuthor: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nDate:   Thu Dec 3 10:00:00 2026 +0000`,
  ]],
  ["b_order_numbers_words", () => [
    `Your order number for the return form is ${
      r.str(DIG, 9)
    }; keep it for reference.`,
  ]],
  ["b_isbn_words", () => [
    `The ISBN for the second edition is 978-0-${r.str(DIG, 3)}-${
      r.str(DIG, 5)
    }-${r.int(10)}.`,
  ]],
  ["b_proto_ids", () => [
    `request {\n  id: "${uuid(r)}"\n  page_size: ${r.int(100)}\n  build: "${
      r.str(DIG, 8)
    }"\n}`,
  ]],
];

async function emit(
  list: [string, Gen][],
  add: (cls: string, text: string, ...values: string[]) => void,
  n: number,
): Promise<void> {
  for (const [cls, gen] of list) {
    for (let i = 0; i < n; i++) {
      const [text, ...values] = await gen();
      add(cls, text, ...values);
    }
  }
}

await emit(SECRETS, sec, 5);
await emit(PII, pii, 5);
await emit(BENIGN, (cls, text) => ben(cls, text), 4);
emitRows(rows);
