/**
 * `deno run -A scripts/make_sensitive_heldout2.ts > scripts/data/sensitive_heldout2.jsonl`:
 * writes the second held-out set for `scripts/eval_sensitive.ts --file`.
 * Values are random but fit each provider's published format (GitHub
 * tokens carry their CRC32 suffix, cards pass Luhn, IBANs mod 97, Aadhaar
 * Verhoeff, NRIC its check letter, CPF/SIN/DNI their checks); carriers are
 * tool outputs a coding agent reads, disguises are the ones a redactor must
 * see through, and the benign half is look-alikes (versions, hashes, UUIDs,
 * placeholders, example keys, build ids, base64 of ordinary data).
 *
 * Each row also names its `class` (for per-class figures). The set is
 * written once and not tuned on: unit tests use their own samples.
 *
 * @module
 */

import { nricCheckLetter } from "../governance/engine/detect/checksums.ts";
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
import * as V from "./lib/sensitive_values.ts";
import { type Row, rowAdders } from "./lib/sensitive_values.ts";

const r = new Rng(911_2026);

const rows: Row[] = [];
const { sec, pii, ben } = rowAdders(rows);

// ------------------------------------------------------------ helpers

// The value makers shared with the later generators (scripts/lib/sensitive_values.ts), bound to this generator's seed.
const gh = (prefix: string) => V.gh(r, prefix);
const b64 = (s: string) => btoa(s);
/** A UUID of variant `a` only (the shared maker varies it). */
const uuid = () =>
  `${r.str(HEX, 8)}-${r.str(HEX, 4)}-4${r.str(HEX, 3)}-a${r.str(HEX, 3)}-${
    r.str(HEX, 12)
  }`;
const card = (prefix: string, len: number) => V.card(r, prefix, len);
const { group, iban, spaced4 } = V;
const ssn = (sep: string) => V.ssn(r, sep);
const aadhaar = () => V.aadhaar(r);
/** Singapore NRIC of the S and T series only (the shared maker also writes F and G). */
function nric(): string {
  const pre = r.pick(["S", "T"]);
  const d = r.str(DIG, 7);
  return pre + d + nricCheckLetter(pre, d);
}
const cpf = () => V.cpf(r);
const sin = () => V.sin(r);
const dni = () => V.dni(r);
function usPhone(sep: string): string {
  const area = String(2 + r.int(8)) + r.str(DIG, 2);
  const ex = String(2 + r.int(8)) + r.str(DIG, 2);
  return sep === "()"
    ? `(${area}) ${ex}-${r.str(DIG, 4)}`
    : [area, ex, r.str(DIG, 4)].join(sep);
}
const NAMES = [
  "lena.koch",
  "marek.nowak",
  "priya.raman",
  "oskar.lind",
  "ines.duarte",
  "tomas.berg",
  "aiko.tanaka",
  "femi.adeyemi",
];
const DOMAINS = [
  "posteo.de",
  "telia.se",
  "free.fr",
  "gmail.com",
  "outlook.com",
  "proton.me",
  "yandex.ru",
  "hey.com",
];
const zw = "\u200b";
const fullwidth = (s: string) =>
  [...s].map((c) => {
    const n = c.charCodeAt(0);
    return n > 0x20 && n < 0x7f ? String.fromCharCode(n + 0xfee0) : c;
  }).join("");
const esc = (n: number) => `\x1b[${n}m`;

// ------------------------------------------------------------ secrets by provider

{
  const t = gh("ghp_");
  sec(
    "provider",
    `$ git push\nremote: Invalid username or token. Tried ${t}\nfatal: Authentication failed`,
    t,
  );
  const o = gh("gho_");
  sec("provider", `export GH_TOKEN=${o}`, o);
  const s = gh("ghs_");
  sec("provider", `  token: ${s}\n  expires_at: 2026-12-02T11:00:00Z`, s);
  const fg = "github_pat_" + r.str(ALNUM, 22) + "_" + r.str(ALNUM, 59);
  sec("provider", `Using personal token ${fg} for api.github.com`, fg);
  const gl = "glpat-" + r.str(URLSAFE, 20);
  sec(
    "provider",
    `[remote "origin"]\n\turl = https://oauth2:${gl}@gitlab.com/grp/app.git`,
    gl,
  );
  const sl = `xoxb-${r.str(DIG, 12)}-${r.str(DIG, 13)}-${r.str(ALNUM, 24)}`;
  sec("provider", `slack.WebClient(token="${sl}")`, sl);
  const st = "sk_live_" + r.str(ALNUM, 99);
  sec("provider", `stripe.api_key = '${st}'`, st);
  const rk = "rk_live_" + r.str(ALNUM, 40);
  sec("provider", `STRIPE_RESTRICTED=${rk}`, rk);
  const ak = "AKIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const sk = r.str(B64, 40);
  sec(
    "provider",
    `[default]\naws_access_key_id = ${ak}\naws_secret_access_key = ${sk}\nregion = eu-north-1`,
    ak,
    sk,
  );
  const gk = "AIza" + r.str(URLSAFE, 35);
  sec("provider", `<meta name="maps-key" content="${gk}">`, gk);
  const ya = "ya29.a0" + r.str(URLSAFE, 150);
  sec("provider", `$ gcloud auth print-access-token\n${ya}`, ya);
  const oa = "sk-proj-" + r.str(URLSAFE, 156);
  sec("provider", `OPENAI_API_KEY="${oa}"`, oa);
  const an = "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA";
  sec("provider", `anthropic.AuthenticationError: invalid x-api-key ${an}`, an);
  const npm = "npm_" + r.str(ALNUM, 36);
  sec("provider", `npm notice Publishing with token ${npm}`, npm);
  const pypi = "pypi-AgEIcHlwaS5vcmc" + r.str(URLSAFE, 140);
  sec("provider", `twine upload -u __token__ -p ${pypi} dist/*`, pypi);
  const tw = "SK" + r.str(HEX, 32);
  sec(
    "provider",
    `TWILIO_API_KEY_SID=${tw}\nTWILIO_API_SECRET=${r.str(ALNUM, 32)}`,
    tw,
  );
  const sg = "SG." + r.str(URLSAFE, 22) + "." + r.str(URLSAFE, 43);
  sec("provider", `sendgrid: using key ${sg}`, sg);
  const shp = "shpat_" + r.str(HEX, 32);
  sec("provider", `X-Shopify-Access-Token: ${shp}`, shp);
  const dop = "dop_v1_" + r.str(HEX, 64);
  sec("provider", `doctl auth init --access-token ${dop}`, dop);
  const hvs = "hvs." + r.str(URLSAFE, 90);
  sec(
    "provider",
    `$ vault login -method=userpass\nKey                  Value\n---                  -----\ntoken                ${hvs}\ntoken_accessor       ${
      r.str(ALNUM, 24)
    }`,
    hvs,
  );
  const dp = "dp.pt." + r.str(ALNUM, 43);
  sec("provider", `DOPPLER_TOKEN=${dp}`, dp);
  const lin = "lin_api_" + r.str(ALNUM, 40);
  sec(
    "provider",
    `curl -H "Authorization: ${lin}" https://api.linear.app/graphql`,
    lin,
  );
  const hf = "hf_" + r.str(UP + LOW, 34);
  sec("provider", `huggingface-cli login --token ${hf}`, hf);
  const dapi = "dapi" + r.str(HEX, 32);
  sec(
    "provider",
    `[DEFAULT]\nhost  = https://adb-123.azuredatabricks.net\ntoken = ${dapi}`,
    dapi,
  );
  const pm = `PMAK-${r.str(HEX, 24)}-${r.str(HEX, 34)}`;
  sec("provider", `postman-api-key: ${pm}`, pm);
  const gf = `glsa_${r.str(ALNUM, 32)}_${r.str(HEX, 8)}`;
  sec("provider", `GF_TOKEN=${gf}`, gf);
  const at = "ATATT3xFfGF0" + r.str(URLSAFE, 180) + "=" +
    r.str("0123456789ABCDEF", 8);
  sec("provider", `jira: JIRA_API_TOKEN=${at}`, at);
  const sq = "EAAA" + r.str(URLSAFE, 60);
  sec("provider", `SQUARE_ACCESS_TOKEN=${sq}`, sq);
  const pul = "pul-" + r.str(HEX, 40);
  sec("provider", `pulumi login: PULUMI_ACCESS_TOKEN=${pul}`, pul);
  const sbp = "sbp_" + r.str(HEX, 40);
  sec(
    "provider",
    `supabase link --project-ref abcd --password x; SUPABASE_ACCESS_TOKEN=${sbp}`,
    sbp,
  );
  const fig = "figd_" + r.str(URLSAFE, 40);
  sec("provider", `X-Figma-Token: ${fig}`, fig);
  const ts = `tskey-api-${r.str(ALNUM, 12)}CNTRL-${r.str(ALNUM, 32)}`;
  sec("provider", `tailscale up --authkey=${ts}`, ts);
  const tg = `${1000000000 + r.int(999999999)}:AA${r.str(URLSAFE, 33)}`;
  sec("provider", `TELEGRAM_BOT_TOKEN=${tg}`, tg);
  const pscale = "pscale_tkn_" + r.str(URLSAFE, 43);
  sec("provider", `PLANETSCALE_SERVICE_TOKEN=${pscale}`, pscale);
  const ntn = "ntn_" + r.str(DIG, 11) + r.str(ALNUM, 35);
  sec("provider", `notion = Client(auth="${ntn}")`, ntn);
  const r8 = "r8_" + r.str(ALNUM, 37);
  sec("provider", `REPLICATE_API_TOKEN=${r8}`, r8);
  const rg = "rubygems_" + r.str(HEX, 48);
  sec("provider", `---\n:rubygems_api_key: ${rg}`, rg);
  const dck = "dckr_pat_" + r.str(URLSAFE, 27);
  sec("provider", `echo ${dck} | docker login -u ci --password-stdin`, dck);
  const nr = "NRAK-" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27);
  sec("provider", `newrelic: api key NRAK ok ${nr}`, nr);
  const age = "AGE-SECRET-KEY-1" +
    r.str("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58);
  sec(
    "provider",
    `# created: 2026-12-01\n# public key: age1${
      r.str("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58)
    }\n${age}`,
    age,
  );
  const sntry = "sntrys_" +
    b64(
      JSON.stringify({
        iat: 1733130000,
        url: "https://sentry.io",
        region_url: "https://us.sentry.io",
        org: "acme",
      }),
    ).replace(/=+$/, "") + "_" + r.str(URLSAFE, 43);
  sec("provider", `SENTRY_AUTH_TOKEN=${sntry}`, sntry);
  const mb = "sk.eyJ1Ijoi" + r.str(URLSAFE, 50) + "." + r.str(URLSAFE, 22);
  sec("provider", `MAPBOX_SECRET=${mb}`, mb);
  const jwtH = b64(JSON.stringify({ alg: "HS256", typ: "JWT" })).replace(
    /=+$/,
    "",
  );
  const jwtP = b64(
    JSON.stringify({ sub: "u" + r.str(DIG, 6), exp: 1764670000 }),
  ).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  const jwt = `${jwtH}.${jwtP}.${r.str(URLSAFE, 43)}`;
  sec("provider", `< set-cookie: session=${jwt}; HttpOnly; Path=/`, jwt);
  const pemBody = Array.from({ length: 6 }, () => r.str(B64, 64)).join("\n");
  const pem = `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${
    r.str(B64, 58)
  }\n${pemBody}\n-----END RSA PRIVATE KEY-----`;
  sec("provider", `$ cat deploy/key.pem\n${pem}`, pemBody.split("\n")[2]);
  const azk = r.str(B64, 86) + "==";
  sec(
    "provider",
    `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${azk};EndpointSuffix=core.windows.net`,
    azk,
  );
  const dc = `${
    b64(String(1 + r.int(9)) + r.str(DIG, 17)).replace(/=+$/, "")
  }.${r.str(URLSAFE, 6)}.${r.str(URLSAFE, 38)}`;
  sec("provider", `discord.py: bot.run("${dc}")`, dc);
  const mg = "key-" + r.str(HEX, 32);
  sec("provider", `mailgun: MAILGUN_API_KEY=${mg}`, mg);
  const flyT = "fo1_" + r.str(URLSAFE, 43);
  sec("provider", `FLY_API_TOKEN=${flyT}`, flyT);
}

// ------------------------------------------------------------ tool-printed credentials

{
  const keyData = b64(
    `-----BEGIN EC PRIVATE KEY-----\n${r.str(B64, 64)}\n${
      r.str(B64, 56)
    }\n-----END EC PRIVATE KEY-----\n`,
  );
  const tok = r.str(URLSAFE, 40) + "." + r.str(URLSAFE, 60);
  sec(
    "tool_output",
    `$ kubectl config view --raw\napiVersion: v1\nusers:\n- name: admin\n  user:\n    client-certificate-data: ${
      b64(
        "-----BEGIN CERTIFICATE-----\nMIIB" + r.str(B64, 60) +
          "\n-----END CERTIFICATE-----\n",
      )
    }\n    client-key-data: ${keyData}`,
    keyData,
  );
  sec(
    "tool_output",
    `$ kubectl config view --raw -o jsonpath='{.users[0]}'\n- name: ci-bot\n  user:\n    token: ${tok}`,
    tok,
  );
  const pw = r.str(ALNUM, 12) + "!" + r.str(ALNUM, 6);
  sec(
    "tool_output",
    `$ printf 'protocol=https\\nhost=github.com\\n' | git credential fill\nprotocol=https\nhost=github.com\nusername=dev\npassword=${pw}`,
    pw,
  );
  const gho = gh("gho_");
  sec(
    "tool_output",
    `$ gh auth status --show-token\ngithub.com\n  ✓ Logged in to github.com account dev (keyring)\n  - Active account: true\n  - Git operations protocol: https\n  - Token: ${gho}\n  - Token scopes: 'gist', 'read:org', 'repo'`,
    gho,
  );
  const ya = "ya29.c." + r.str(URLSAFE, 200);
  sec(
    "tool_output",
    `$ gcloud auth application-default print-access-token\n${ya}`,
    ya,
  );
  const ak = "ASIA" + r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
  const sk = r.str(B64, 40);
  const stok = "IQoJb3JpZ2luX2VjE" + r.str(B64, 300);
  sec(
    "tool_output",
    `$ aws configure export-credentials --format process\n{\n  "Version": 1,\n  "AccessKeyId": "${ak}",\n  "SecretAccessKey": "${sk}",\n  "SessionToken": "${stok}",\n  "Expiration": "2026-12-02T12:00:00+00:00"\n}`,
    ak,
    sk,
    stok,
  );
  const auth = b64(`ci-bot:${r.str(ALNUM, 20)}`);
  sec(
    "tool_output",
    `$ cat ~/.docker/config.json\n{\n\t"auths": {\n\t\t"registry.acme.io": {\n\t\t\t"auth": "${auth}"\n\t\t}\n\t}\n}`,
    auth,
  );
  const npmTok = r.str(HEX, 8) + "-" + r.str(HEX, 4) + "-" + r.str(HEX, 4) +
    "-" + r.str(HEX, 4) + "-" + r.str(HEX, 12);
  sec(
    "tool_output",
    `$ cat .npmrc\nregistry=https://npm.acme.io/\n//npm.acme.io/:_authToken=${npmTok}\nalways-auth=true`,
    npmTok,
  );
  const npmTok2 = "npm_" + r.str(ALNUM, 36);
  sec("tool_output", `//registry.npmjs.org/:_authToken=${npmTok2}`, npmTok2);
  const pypw = r.str(ALNUM, 24);
  sec(
    "tool_output",
    `$ cat ~/.pypirc\n[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://pypi.acme.io/simple\nusername = deploy\npassword = ${pypw}`,
    pypw,
  );
  const netpw = r.str(ALNUM + "!#%", 18);
  sec(
    "tool_output",
    `$ cat ~/.netrc\nmachine api.heroku.com\n  login dev@acme.io\n  password ${netpw}`,
    netpw,
  );
  const hk = "HRKU-AA" + r.str(URLSAFE, 58);
  sec(
    "tool_output",
    `$ heroku auth:token\n ›   Warning: token will expire 2027-01-01\n${hk}`,
    hk,
  );
  const secretB64 = b64(r.str(ALNUM, 24));
  sec(
    "tool_output",
    `$ kubectl get secret db-creds -o yaml\napiVersion: v1\ndata:\n  password: ${secretB64}\n  username: YXBw\nkind: Secret`,
    secretB64,
  );
  const cl = r.str(URLSAFE, 40);
  sec(
    "tool_output",
    `$ wrangler whoami --json\n{"loggedIn": true, "authType": "API Token", "api_token": "${cl}"}`,
    cl,
  );
  const azSecret = r.str(ALNUM, 3) + "8Q~" + r.str(URLSAFE + "~.", 31);
  sec(
    "tool_output",
    `$ az ad sp credential reset --id 00000000-aaaa\n{\n  "appId": "4a1b2c3d-1111-2222-3333-444455556666",\n  "password": "${azSecret}",\n  "tenant": "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff"\n}`,
    azSecret,
  );
  const tfTok = r.str(ALNUM, 14) + ".atlasv1." + r.str(URLSAFE, 67);
  sec(
    "tool_output",
    `$ cat ~/.terraform.d/credentials.tfrc.json\n{"credentials": {"app.terraform.io": {"token": "${tfTok}"}}}`,
    tfTok,
  );
  const cfgTok = r.str(HEX, 40);
  sec(
    "tool_output",
    `$ cat ~/.config/hub\ngithub.com:\n- user: dev\n  oauth_token: ${cfgTok}\n  protocol: https`,
    cfgTok,
  );
  const yTok = r.str(ALNUM, 32);
  sec(
    "tool_output",
    `$ vercel env pull && cat .env.local\nVERCEL_OIDC_TOKEN="${yTok}"`,
    yTok,
  );
  const sessSecret = r.str(HEX, 64);
  sec(
    "tool_output",
    `$ rails credentials:show\nsecret_key_base: ${sessSecret}`,
    sessSecret,
  );
  const redisPw = r.str(ALNUM, 22);
  sec(
    "tool_output",
    `$ helm get values redis\nauth:\n  enabled: true\n  password: ${redisPw}`,
    redisPw,
  );
}

// ------------------------------------------------------------ secrets in disguise

{
  const t = gh("ghp_");
  sec(
    "disguise",
    `{"msg":"token \\u0067\\u0068\\u0070\\u005f${t.slice(4)}"}`,
    t.slice(4),
  );
  const st = "sk_live_" + r.str(ALNUM, 32);
  sec(
    "disguise",
    `GET /hook?cfg=stripe%3D${st.replace("_", "%5F")} 200`,
    st.slice(8),
  );
  const gl = "glpat-" + r.str(ALNUM, 20);
  sec(
    "disguise",
    `<pre>GITLAB_TOKEN=&#103;&#108;&#112;at-${gl.slice(6)}</pre>`,
    gl.slice(6),
  );
  const npm = "npm_" + r.str(ALNUM, 36);
  sec(
    "disguise",
    `${esc(33)}token:${esc(0)} ${esc(1)}${npm.slice(0, 14)}${esc(0)}${esc(1)}${
      npm.slice(14)
    }${esc(0)}`,
    npm.slice(0, 14),
    npm.slice(14),
  );
  const hf = "hf_" + r.str(UP + LOW, 34);
  sec(
    "disguise",
    `HF_TOKEN=${hf.slice(0, 16)}${zw}${hf.slice(16)}`,
    hf.slice(3, 16),
    hf.slice(16),
  );
  const sk = "sk_live_" + r.str(ALNUM, 24);
  sec("disguise", `key: ${fullwidth(sk)}`, fullwidth(sk).slice(8));
  const oa = "sk-proj-" + r.str(URLSAFE, 120);
  sec(
    "disguise",
    `OPENAI_API_KEY=${oa.slice(0, 60)}\n${oa.slice(60)}`,
    oa.slice(8, 60),
    oa.slice(60),
  );
  const creds = `[default]\naws_access_key_id = AKIA${
    r.str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
  }\naws_secret_access_key = ${r.str(B64, 40)}\n`;
  const cb = b64(creds);
  sec(
    "disguise",
    `$ kubectl get secret aws -o jsonpath='{.data.credentials}'\n${cb}`,
    cb,
  );
  const env = `DB_PASSWORD=${r.str(ALNUM, 20)}\nSTRIPE_KEY=sk_live_${
    r.str(ALNUM, 30)
  }\n`;
  const eb = b64(env);
  sec("disguise", `SECRETS_ENV_B64=${eb}`, eb);
  const an = "sk-ant-api03-" + r.str(URLSAFE, 93) + "AA";
  sec(
    "disguise",
    `| key                | value |\n| ANTHROPIC_API_KEY  | ${
      an.slice(0, 50)
    } |\n|                    | ${an.slice(50)} |`,
    an.slice(13, 50),
    an.slice(50),
  );
  const dop = "dop_v1_" + r.str(HEX, 64);
  sec(
    "disguise",
    `"token": "dop\\u005fv1\\u005f${dop.slice(7)}"`,
    dop.slice(7),
  );
  const pw = r.str(ALNUM, 16);
  sec(
    "disguise",
    `DATABASE_URL=postgres%3A%2F%2Fapp%3A${pw}%40db.acme.internal%3A5432%2Fprod`,
    pw,
  );
}

// ------------------------------------------------------------ PII by country

{
  const s1 = ssn("-");
  pii("pii_country", `applicant ssn=${s1} status=pending`, s1);
  const s2 = ssn(" ");
  pii("pii_country", `Borrower SSN: ${s2}`, s2);
  const p1 = usPhone("()");
  pii("pii_country", `Call back ${p1} after 5pm`, p1);
  const p2 = usPhone("-");
  pii("pii_country", `"phone": "${p2}"`, p2);
  const uk = `+44 7${r.str(DIG, 3)} ${r.str(DIG, 6)}`;
  pii("pii_country", `Mobile ${uk}`, uk.slice(4));
  const nino = "JX " + r.str(DIG, 2) + " " + r.str(DIG, 2) + " " +
    r.str(DIG, 2) + " C";
  pii("pii_country", `NI number: ${nino}`, nino);
  const gb = iban("GB", "NWBK" + r.str(DIG, 14));
  pii("pii_country", `Pay to ${spaced4(gb)} (NatWest)`, spaced4(gb));
  const de = iban("DE", r.str(DIG, 18));
  pii("pii_country", `IBAN: ${de}`, de);
  const deLow = spaced4(iban("DE", r.str(DIG, 18))).toLowerCase();
  pii("pii_country", `bitte überweisen an ${deLow} danke`, deLow);
  const fr = iban("FR", r.str(DIG, 10) + r.str(UP + DIG, 11) + r.str(DIG, 2));
  pii("pii_country", `iban,holder\n${fr},Claire Martin`, fr);
  const nl = spaced4(iban("NL", "ABNA" + r.str(DIG, 10))).toLowerCase();
  pii("pii_country", `rekening: ${nl}`, nl);
  const es = spaced4(iban("ES", r.str(DIG, 20)));
  pii("pii_country", `cuenta ${es}`, es);
  const dePhone = `+49 30 ${r.str(DIG, 8)}`;
  pii("pii_country", `Telefon: ${dePhone}`, dePhone.slice(4));
  const frPhone = `+33 6 ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${r.str(DIG, 2)} ${
    r.str(DIG, 2)
  }`;
  pii("pii_country", `tél. ${frPhone}`, frPhone.slice(4));
  const auPhone = `+61 4${r.str(DIG, 2)} ${r.str(DIG, 3)} ${r.str(DIG, 3)}`;
  pii("pii_country", `contact ${auPhone}`, auPhone.slice(4));
  const ad = aadhaar();
  pii(
    "pii_country",
    `Aadhaar No: ${group(ad, [4, 4, 4], " ")}`,
    group(ad, [4, 4, 4], " "),
  );
  const pan = r.str(UP, 3) + "P" + r.str(UP, 1) + r.str(DIG, 4) + r.str(UP, 1);
  pii("pii_country", `PAN ${pan} linked`, pan);
  const inPhone = `+91 9${r.str(DIG, 4)} ${r.str(DIG, 5)}`;
  pii("pii_country", `whatsapp ${inPhone}`, inPhone.slice(4));
  const nr = nric();
  pii("pii_country", `NRIC: ${nr}`, nr);
  const sgPhone = `+65 9${r.str(DIG, 3)} ${r.str(DIG, 4)}`;
  pii("pii_country", `hp ${sgPhone}`, sgPhone.slice(4));
  const pp = r.pick(["C", "X", "K"]) + r.str(DIG, 8);
  pii("pii_country", `passport_number: ${pp}`, pp);
  pii(
    "pii_country",
    `DOB: 1987-04-${String(1 + r.int(28)).padStart(2, "0")}`,
    "1987-04",
  );
  const c = cpf();
  pii("pii_country", `CPF: ${c}`, c);
  const sn = sin();
  pii("pii_country", `SIN: ${sn}`, sn);
  const d = dni();
  pii("pii_country", `DNI ${d}`, d);
  const em = `${r.pick(NAMES)}@${r.pick(DOMAINS)}`;
  pii("pii_country", `From: ${em}\nSubject: invoice`, em);
  const em2 = `${r.pick(NAMES)}+billing@${r.pick(DOMAINS)}`;
  pii("pii_country", `git log --format='%an <%ae>'\nDev <${em2}>`, em2);
  const ip = `${81 + r.int(100)}.${r.int(255)}.${r.int(255)}.${1 + r.int(250)}`;
  pii(
    "pii_country",
    `sshd[812]: Failed password for root from ${ip} port 53122 ssh2`,
    ip,
  );
  const visa = card("4", 16);
  pii("pii_country", `card=${visa} exp=08/29`, visa);
  const mc = card("55", 16);
  pii(
    "pii_country",
    `Card number: ${group(mc, [4, 4, 4, 4], " ")}`,
    group(mc, [4, 4, 4, 4], " "),
  );
  const amex = card("37", 15);
  pii(
    "pii_country",
    `amex ${group(amex, [4, 6, 5], " ")}`,
    group(amex, [4, 6, 5], " "),
  );
}

// ------------------------------------------------------------ PII in disguise

{
  const cards = [".", "_", "/", " - ", "-", "\u00a0", "'"];
  for (const sep of cards) {
    const c = card(r.pick(["4", "51", "6011"]), 16);
    const g = group(c, [4, 4, 4, 4], sep);
    pii("pii_disguise", `paid with ${g} (approved)`, g);
  }
  const sd = ssn(".");
  pii("pii_disguise", `SSN ${sd}`, sd);
  const sd2 = ssn(".");
  pii("pii_disguise", `employee record: ${sd2}, hired 2019`, sd2);
  const obf = [
    (n: string, d: string) => `${n} [at] ${d.replace(".", " [dot] ")}`,
    (n: string, d: string) => `${n}(at)${d.replace(".", "(dot)")}`,
    (n: string, d: string) => `${n} at ${d.replace(".", " dot ")}`,
    (n: string, d: string) => `${n}{at}${d.replace(".", "{dot}")}`,
    (n: string, d: string) => `${n} AT ${d.replace(".", " DOT ")}`,
    (n: string, d: string) => `${n} (at) ${d.replace(".", " (dot) ")}`,
    (n: string, d: string) => `${n}[at]${d}`,
    (n: string, d: string) => `${n} [AT] ${d.replace(".", " [DOT] ")}`,
  ];
  for (const f of obf) {
    const n = r.pick(NAMES);
    const d = r.pick(DOMAINS);
    pii("pii_disguise", `contact: ${f(n, d)}`, n);
  }
  const n1 = r.pick(NAMES);
  pii("pii_disguise", `{"email":"${n1}\\u0040${r.pick(DOMAINS)}"}`, n1);
  const n2 = r.pick(NAMES);
  pii("pii_disguise", `/unsubscribe?e=${n2}%40${r.pick(DOMAINS)}`, n2);
  const n3 = r.pick(NAMES);
  pii(
    "pii_disguise",
    `<a href="mailto:${n3}&#x40;${r.pick(DOMAINS)}">mail</a>`,
    n3,
  );
  const n4 = r.pick(NAMES);
  pii("pii_disguise", `user: ${esc(36)}${n4}@${r.pick(DOMAINS)}${esc(0)}`, n4);
  const n5 = r.pick(NAMES);
  pii(
    "pii_disguise",
    `owner ${fullwidth(n5 + "@" + r.pick(DOMAINS))}`,
    fullwidth(n5),
  );
  const c1 = card("4", 16);
  pii(
    "pii_disguise",
    `card ${c1.slice(0, 8)}${zw}${c1.slice(8)}`,
    c1.slice(0, 8),
    c1.slice(8),
  );
  const c2 = card("4", 16);
  pii("pii_disguise", `"pan": "\\u0034${c2.slice(1)}"`, c2.slice(1));
  const s3 = ssn("-");
  pii("pii_disguise", `ssn: ${esc(31)}${s3}${esc(0)}`, s3);
  const pu = usPhone("-");
  pii(
    "pii_disguise",
    `?phone=${pu.replace(/-/g, "%2D")}`,
    pu.slice(0, 3),
    pu.slice(-4),
  );
  const fwSsn = fullwidth(ssn("-"));
  pii("pii_disguise", `SSN ${fwSsn}`, fwSsn);
}

// ------------------------------------------------------------ tables with header labels

{
  const s = ssn("");
  const d = `19${60 + r.int(39)}-0${1 + r.int(8)}-1${r.int(9)}`;
  pii(
    "table",
    `id  name         ssn        dob\n1   Ann Lee      ${s}  ${d}`,
    s,
    d,
  );
  const a = r.str(DIG, 12);
  const rt = "021000021";
  pii(
    "table",
    ` account_number | routing_number | holder\n----------------+----------------+--------\n ${a}   | ${rt}      | Ola N`,
    a,
    rt,
  );
  const ph = "9" + r.str(DIG, 9);
  const em = `${r.pick(NAMES)}@${r.pick(DOMAINS)}`;
  pii(
    "table",
    `+----+--------+------------+-----------------------+\n| id | name   | phone      | email                 |\n+----+--------+------------+-----------------------+\n|  7 | Ravi   | ${ph} | ${em} |`,
    ph,
    em,
  );
  const pp = "K" + r.str(DIG, 8);
  pii("table", `NAME\tNATIONALITY\tPASSPORT\nMira\tSE\t${pp}`, pp);
  const s2 = ssn("");
  pii("table", `"name","tax_id"\n"B. Osei","${s2}"`, s2);
}

// ------------------------------------------------------------ benign

{
  ben(
    "version",
    "$ openssl version\nOpenSSL 3.0.13.1 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)",
  );
  ben("version", "openssl 3.0.13.1");
  ben("version", "Microsoft Windows [Version 10.0.19045.3803]");
  ben("version", "build 6.1.7601.24545");
  ben("version", "Installed: dotnet-sdk 8.0.100.1 (x64)");
  ben("version", "product version: 17.8.34330.188");
  ben("version", "Google Chrome 131.0.6778.85");
  ben("version", "Visual Studio 2022 v17.10.4.0 installed");
  ben("version", "ver 4.2.1.9 released");
  ben("version", "Firmware revision 2.14.0.7 (build 2211)");
  ben("version", "VERSION=12.4.0.18 ./install.sh");
  ben("version", "Package: libssl3 Version: 3.0.2.15 Architecture: amd64");
  ben("version", "Edge/120.0.2210.91 Safari/537.36");
  ben("version", "assembly version 1.0.0.0, file version 2.3.4.5");
  ben("version", "nvidia-smi: Driver Version: 535.129.03   CUDA Version: 12.2");
  ben("version", "Kernel: 5.15.0.91-generic");
  ben(
    "version",
    'java -version\nopenjdk version "21.0.1" 2023-10-17\nOpenJDK Runtime Environment (build 21.0.1+12-29)',
  );
  ben("version", "python 3.12.1.2 on linux");
  ben("version", "VLC media player 3.0.20.3 Vetinari");
  ben("version", "release/2024.11.3.1 tagged");
  ben(
    "hash",
    `commit ${
      r.str(HEX, 40)
    }\nAuthor: CI Bot\nDate:   Mon Dec 1 10:00:00 2026 +0000`,
  );
  ben("hash", `${r.str(HEX, 64)}  dist/app-linux-amd64.tar.gz`);
  ben("hash", `sha1sum: ${r.str(HEX, 40)}`);
  ben("hash", `ETag: "${r.str(HEX, 32)}"`);
  ben("hash", `"integrity": "sha512-${r.str(B64, 86)}=="`);
  ben(
    "hash",
    `Digest: sha256:${
      r.str(HEX, 64)
    }\nStatus: Downloaded newer image for node:22-alpine`,
  );
  ben("hash", `md5 (report.pdf) = ${r.str(HEX, 32)}`);
  ben("hash", `checksum=${r.str(HEX, 64)}`);
  ben(
    "hash",
    `resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#${
      r.str(HEX, 40)
    }"`,
  );
  ben(
    "hash",
    `[main ${
      r.str(HEX, 7)
    }] fix: retry on 503\n 2 files changed, 14 insertions(+), 3 deletions(-)`,
  );
  ben("uuid", `request_id=${uuid()} duration=23ms`);
  ben("uuid", `{"id": "${uuid()}", "tenantId": "${uuid()}"}`);
  ben("uuid", `Subscription ID: ${uuid()}`);
  ben("uuid", `trace_id=${r.str(HEX, 32)} span_id=${r.str(HEX, 16)}`);
  ben("uuid", `x-amzn-RequestId: ${uuid()}`);
  ben("placeholder", "password: changeme");
  ben("placeholder", "API_KEY=<your-api-key>");
  ben("placeholder", "token: ${TOKEN}");
  ben(
    "placeholder",
    'export GITHUB_TOKEN="ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
  );
  ben("placeholder", 'client_secret = "{{ .Values.clientSecret }}"');
  ben("placeholder", "DB_PASSWORD=${DB_PASSWORD:-}");
  ben("placeholder", '"password": "********"');
  ben("placeholder", "secret_key: REPLACE_ME");
  ben("placeholder", "token=<token>");
  ben("placeholder", "auth_token: $AUTH_TOKEN");
  ben("placeholder", 'password = os.environ["DB_PASSWORD"]');
  ben(
    "placeholder",
    "$ kubectl config view\nusers:\n- name: admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n    token: REDACTED",
  );
  ben(
    "placeholder",
    "$ gh auth status\ngithub.com\n  ✓ Logged in to github.com account dev (keyring)\n  - Token: gho_************************************",
  );
  ben(
    "placeholder",
    "$ aws configure list\n      Name                    Value             Type    Location\n access_key     ****************QX7A shared-credentials-file\n secret_key     ****************9fTz shared-credentials-file",
  );
  ben("placeholder", "password=\nusername=");
  ben("placeholder", "apiKey: process.env.STRIPE_SECRET_KEY,");
  ben("placeholder", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}");
  ben("placeholder", "token: xxxx-xxxx-xxxx");
  ben("placeholder", "secret: your-secret-here");
  ben("placeholder", "password: <redacted>");
  ben("example", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE");
  ben(
    "example",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  );
  ben("example", "Use the test SSN 000-00-0000 in staging");
  ben("example", "e.g. IBAN XX00 0000 0000 0000 0000 00");
  ben("build", "Build #20261202.4 succeeded in 3m 12s");
  ben("build", "build-id: 2026-12-02_10-04-55_8812");
  ben("build", "job 4815162342 finished (runner 108)");
  ben("build", "Run ID 12345678901 · Attempt 2");
  ben("build", "order 1234567890123456 shipped");
  ben("build", "pipeline 10.20.30.400 failed"); // not an IP: octet out of range
  ben("build", "artifact app-1.4.2.1-linux-x64.zip (23.4 MB)");
  ben("build", "tag v1.2.3.4 pushed");
  ben("build", "snapshot 2026.12.02.1 created");
  ben("time", "2026-12-02T10:04:55.123456789Z INFO started");
  ben("time", "epoch_ms=1764670000123 elapsed=4521");
  ben("time", '[02/Dec/2026:10:04:55 +0000] "GET /health HTTP/1.1" 200 2');
  ben("time", "Dec  2 10:04:55 host systemd[1]: Started nginx.service.");
  ben("time", "Uptime: 12:34:56.789, load 0.12 0.08 0.05");
  ben(
    "b64",
    `$ echo ${
      b64("hello world from the build system")
    } | base64 -d\nhello world from the build system`,
  );
  ben(
    "b64",
    `data:image/png;base64,${b64("\x89PNG\r\n\x1a\n" + "IHDR".repeat(10))}`,
  );
  ben(
    "b64",
    `kubectl get cm app -o yaml\ndata:\n  config.json: ${
      b64(
        JSON.stringify({ logLevel: "info", port: 8080, features: ["a", "b"] }),
      )
    }`,
  );
  ben(
    "b64",
    `certificate-authority-data: ${
      b64(
        "-----BEGIN CERTIFICATE-----\nMIIC" + r.str(B64, 60) +
          "\n-----END CERTIFICATE-----\n",
      )
    }`,
  );
  ben(
    "b64",
    `X-Request-Context: ${b64('{"region":"eu-north-1","tier":"free"}')}`,
  );
  ben(
    "b64",
    `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.str(B64, 43)} dev@laptop`,
  );
  ben("prose", "We can meet at home dot com cafe later");
  ben("prose", "Let's meet at noon at the station, dot the i's first");
  ben("prose", "the server at port 8080 at startup");
  ben("prose", "Click on 'Save' at the top right");
  ben("prose", "john at the office said the build is green");
  ben("prose", "call me at 5 or at 6, whichever works");
  ben("lookalike", "iban_regex = /^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$/");
  ben(
    "lookalike",
    "DE00 1234 5678 9012 3456 78 is not a valid IBAN (bad check digits)",
  );
  ben("lookalike", "Invoice INV-2026-000123-4567");
  ben("lookalike", "isbn 978-3-16-148410-0");
  ben("lookalike", "coordinates 59.3293, 18.0686");
  ben("lookalike", "matrix [[1.0, 2.5], [3.25, 4.125]]");
  ben("lookalike", "test_password_is_rejected_when_too_short PASSED");
  ben("lookalike", "token_count: 1532, max_tokens: 4096");
  ben("lookalike", "secret_scanning: enabled");
  ben("lookalike", "PASSWORD_MIN_LENGTH=12");
  ben("lookalike", "Token: Bearer (set via --header)");
  ben("lookalike", `"private_key_id": null,`);
  ben(
    "lookalike",
    `git credential-cache exit\nprotocol=https\nhost=github.com`,
  );
  ben(
    "lookalike",
    "sk_test_ keys are for testing; sk_live_ keys for production",
  );
  ben("lookalike", "ghp_ prefix denotes a classic personal access token");
  ben("lookalike", "key-value store ready: 1024 keys loaded");
  ben("lookalike", "ssn_column_masked: true, card_last4: 4242");
}

for (const row of rows) {
  for (const v of row.values) {
    if (v === "" || !row.text.includes(v)) {
      throw new Error(`bad row: ${JSON.stringify(v)} in ${row.text}`);
    }
  }
  console.log(JSON.stringify(row));
}
const count = (l: string) => rows.filter((x) => x.label === l).length;
console.error(
  `secret ${count("secret")}  pii ${count("pii")}  benign ${count("benign")}`,
);
