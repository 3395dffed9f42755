import assert from "node:assert/strict";
import { base64Runs, undisguise, unwrapLines } from "./disguise.ts";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";
import { scan } from "../scan.ts";

// Generated, not real credentials.
const GHP = "ghp_" + "k3Jd9QwErTy7UiOp2AsDfGh5JkLzXcVbNm10";
const SLACK = "xoxb-250419846723-4104568316914-Zq8RbWk2Xy5MnP3LvT7cHd9F";
const SSN = "536-90-4399";

/** The text with every finding replaced, asserting the value is gone and the rest kept. */
function redacts(text: string, gone: string, kept: string[] = []): string {
  const out = redact(text, findSensitive(text));
  assert.ok(!out.includes(gone), `${JSON.stringify(text)} -> ${out}`);
  for (const k of kept) assert.ok(out.includes(k), `${k} lost in ${out}`);
  return out;
}

Deno.test("view: each escape decodes and maps back to its source span", () => {
  const cases: [string, string][] = [
    ["a\\u0067b", "agb"],
    ["a\\x67b", "agb"],
    ["a%67b", "agb"],
    ["a&#103;b", "agb"],
    ["a&#x67;b", "agb"],
    ["a&commat;b&period;c", "a@b.c"],
    ["a\x1b[1;31mb\x1b[0mc", "abc"],
    ["a\\u001b[31mb", "ab"],
    ["a\u200bb\u2060c\ufeffd\u00ade", "abcde"],
    ["\uff47\uff48\uff50\uff3f", "ghp_"],
    ["1\u00a02\u202f3", "1 2 3"],
    ["jane [at] example [dot] com", "jane@example.com"],
    ["jane(at)example(dot)co(dot)uk", "jane@example.co.uk"],
    ["jane at example dot com", "jane@example.com"],
  ];
  for (const [text, want] of cases) {
    const v = undisguise(text);
    assert.ok(v, text);
    assert.equal(v.text, want, JSON.stringify(text));
    assert.equal(v.from.length, want.length);
    // Spans are increasing and cover the original from its first character.
    for (let i = 1; i < v.from.length; i++) assert.ok(v.from[i] >= v.to[i - 1]);
  }
  assert.equal(undisguise("plain text, 100% sure & done"), undefined);
  assert.equal(undisguise("meet me at noon"), undefined);
});

Deno.test("disguised secrets are found and redacted in the original text", () => {
  const esc = (s: string) =>
    [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))
      .join("");
  redacts(`{"token": "${esc(GHP)}"}`, "\\u0067\\u0068\\u0070", ['{"token": "']);
  redacts(
    `{"token": "\\u0067hp\\u005f${GHP.slice(4)}"}`,
    GHP.slice(4),
  );
  redacts(`token=${GHP.replace("_", "%5F")}&x=1`, GHP.slice(4), ["&x=1"]);
  redacts(`token=%67%68%70%5F${GHP.slice(4)}`, GHP.slice(4));
  redacts(`<code>${SLACK.replaceAll("-", "&#45;")}</code>`, "250419846723", [
    "<code>",
    "</code>",
  ]);
  redacts(`<p>${GHP.replace("_", "&lowbar;")}</p>`, GHP.slice(4));
  redacts(
    `key: \x1b[1;31m${GHP.slice(0, 12)}\x1b[0m\x1b[33m${GHP.slice(12)}\x1b[0m`,
    GHP.slice(12),
    ["key: "],
  );
  redacts(`token ${GHP.slice(0, 9)}\u200b${GHP.slice(9)} ok`, GHP.slice(9), [
    "token ",
    " ok",
  ]);
  const fw = [...GHP].map((c) =>
    String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01)
  ).join("");
  redacts(`token ${fw} ok`, fw.slice(4), [" ok"]);
});

Deno.test("disguised PII: SSN, card, e-mail", () => {
  redacts(`{"ssn": "536\\u002d90\\u002d4399"}`, "4399", ['{"ssn": "']);
  redacts(`ssn=536%2D90%2D4399`, "4399");
  redacts(`<td>536&#45;90&#45;4399</td>`, "4399", ["<td>", "</td>"]);
  redacts(`ssn \x1b[31m${SSN}\x1b[0m done`, SSN, [" done"]);
  redacts("card 4539\u00a01488\u00a00343\u00a06467", "0343");
  redacts("card \uff14\uff15\uff13\uff19 1488 0343 6467", "0343");
  for (
    const t of [
      "mail jane.roe [at] example [dot] com today",
      "mail jane.roe(at)example(dot)com today",
      "mail jane.roe at example dot com today",
      "mail jane.roe {at} example {dot} com today",
      "user=jane.roe%40example.com",
      "user=jane.roe&#64;example.com",
      'user="jane.roe\\u0040example.com"',
    ]
  ) {
    redacts(t, "jane.roe");
  }
});

Deno.test("disguise look-alikes stay clean", () => {
  for (
    const t of [
      "GET /search?q=hello%20world&page=2 HTTP/1.1",
      "Tom &amp; Jerry &lt;3 &#169; 2026",
      "\x1b[32mPASS\x1b[0m src/app.test.ts (12 tests)",
      "look at the build dot log for details",
      "see section [at] the top, (dot) points below",
      '{"msg": "caf\\u00e9 ol\\u00e9", "n": 3}',
      "Ｆｕｌｌ ｗｉｄｔｈ ｔｅｘｔ ２０２６",
      "progress 45%, eta 3m\u00a0s",
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("a token split over lines is found across the break, prose is not joined", () => {
  for (
    const t of [
      `token: ${GHP.slice(0, 20)}\n${GHP.slice(20)}\nnext`,
      `token: ${GHP.slice(0, 20)}\\\n    ${GHP.slice(20)}`,
      `" ${GHP.slice(0, 20)}" +\n  "${GHP.slice(20)}"`,
      ` token | ${GHP.slice(0, 20)}+\n       | ${GHP.slice(20)}`,
      `SLACK=${SLACK.slice(0, 30)}\r\n${SLACK.slice(30)}`,
    ]
  ) {
    const out = redact(t, findSensitive(t));
    assert.ok(!out.includes(GHP.slice(20, 30)), `${t} -> ${out}`);
    assert.ok(!out.includes(SLACK.slice(30)), `${t} -> ${out}`);
  }
  const prose =
    "The build uses ghp tokens.\nSee the docs for details\nabout it.";
  assert.equal(unwrapLines(prose), undefined);
  assert.deepEqual(findSensitive(prose), []);
});

Deno.test("base64 of a credentials file is redacted whole; hashes and images are not", () => {
  const creds = btoa(
    "[default]\naws_access_key_id = AKIAQ3EGRSWK5TZ7LB2N\naws_secret_access_key = 9dR4mKq2LzT7vX1bNc8WfY3hJ6pS0aGe5uIoQrTz\n",
  );
  for (
    const t of [
      `data:\n  credentials: ${creds}\n`,
      `{"kind":"Secret","data":{"config":"${creds}"}}`,
    ]
  ) {
    const out = redact(t, findSensitive(t));
    assert.ok(!out.includes(creds.slice(10, 30)), out);
    assert.ok(out.includes("[REDACTED:"), out);
  }
  const env = btoa(
    "DATABASE_PASSWORD=Zq8RbWk2Xy5MnP3L\nGITHUB_TOKEN=" + GHP + "\n",
  );
  assert.ok(!redact(env, findSensitive(env)).includes(env.slice(8, 24)));
  for (
    const t of [
      `"integrity": "sha512-${btoa("x".repeat(20)).repeat(3)}"`,
      `img src="data:image/png;base64,${
        btoa(String.fromCharCode(...Array.from({ length: 60 }, (_, i) =>
          (i * 37) % 256)))
      }"`,
      `note: ${
        btoa("just a long sentence about the weather and nothing else at all")
      }`,
    ]
  ) {
    assert.deepEqual(findSensitive(t), [], t);
  }
});

Deno.test("base64Runs: boundaries, padding, and a 10 MB run without a regex", () => {
  assert.deepEqual(base64Runs("x " + "A".repeat(40) + "== y"), [[2, 44]]);
  assert.deepEqual(base64Runs("A".repeat(27)), []);
  assert.deepEqual(base64Runs("=" + "A".repeat(50)), []);
  const big = "Q".repeat(10_000_000);
  assert.deepEqual(base64Runs(big), [[0, big.length]]);
});

Deno.test("scan() redacts disguised values in the text it hands back", () => {
  const r = scan(
    `{"password": "hunter2!\\u0058q9", "token": "${
      GHP.replace("_", "\\u005f")
    }"}`,
  );
  assert.ok(!r.redacted.includes(GHP.slice(4)), r.redacted);
  assert.ok(r.redacted.startsWith('{"password": "'), r.redacted);
});

Deno.test("unwrapping: the next setting of a .env file is not read as the rest of a token", () => {
  const text =
    "GITHUB_TOKEN=ghp_EnvFakeTokenForTests0123456789abcd\nLOG_LEVEL=debug\nAPI_HOST: example.internal\n";
  const r = scan(text);
  assert.match(
    r.redacted,
    /^GITHUB_TOKEN=\[REDACTED:[a-z_]+\]\nLOG_LEVEL=debug\nAPI_HOST: example\.internal\n$/,
  );
});

Deno.test("unwrapping: a word starting the next line is not read as the rest of a token", () => {
  // Generated, not a real key.
  const sk = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dcXyZ";
  for (const next of ["customer", "customer id 5", "Customer: 4", "done."]) {
    const r = scan(`${sk}\n${next}`);
    assert.ok(!r.redacted.includes(sk.slice(8)), r.redacted);
    assert.ok(r.redacted.endsWith(`\n${next}`), r.redacted);
  }
  // A wrapped tail with a digit or mixed case still joins.
  const oa = "sk-proj-" + "abcdEFGH1234abcdEFGH1234abcd" + "EFGH1234abcdEFGH";
  const w = scan(`OPENAI_API_KEY=${oa.slice(0, 36)}\n${oa.slice(36)}`);
  assert.ok(!w.redacted.includes(oa.slice(36)), w.redacted);
});

Deno.test("markdown escapes inside a word (sk\\_live\\_) decode in the view", () => {
  // Generated, not a real key.
  const sk = "sk_live_" + "51MwEq2vsYwwWGLQn1VpHvvzzlfS7bcH7kipR3Xv9i";
  const md = sk.replace(/_/g, "\\_");
  redacts(`Rotated key: ${md} (old)`, md.slice(12), ["Rotated key: ", "(old)"]);
  // Prose with escapes keeps its words.
  const prose = "set my\\_var and a\\*b in the README";
  assert.equal(redact(prose, findSensitive(prose)), prose);
  const long = "a\\_".repeat(40_000);
  const started = performance.now();
  findSensitive(long);
  assert.ok(performance.now() - started < 5_000);
});

Deno.test("unwrapping near a keyword: a token wrapped over three lines, tail and all", () => {
  // Generated, not a real token.
  const at = "ATATT3xFfGF0" +
    "qx1PKwTcstnfps_iGIkwbQoIgXx91uK3VFQidaehnReTEuPgZqAoOlse204rygdc" +
    "HH81Md7UpF8s88znIwDd0Oc3owBgHjtf721mVYUXdhM4BmcchjR3Ge9YRUJq6CViiW" +
    "k3Jd9QwErTy7UiOp2=E94BEFDF";
  const t = `JIRA_API_TOKEN=${at.slice(0, 76)}\n${at.slice(76, 152)}\n${
    at.slice(152)
  }\nLOG_LEVEL=debug`;
  const out = redacts(t, at.slice(152), ["LOG_LEVEL=debug"]);
  assert.ok(!out.includes(at.slice(76, 152)), out);
  // 20 000 token lines after one keyword: the chain is read once.
  const long = `JIRA_API_TOKEN=${at.slice(0, 76)}\n` +
    `${at.slice(76, 152)}\n`.repeat(20_000);
  const started = performance.now();
  findSensitive(long);
  assert.ok(performance.now() - started < 10_000);
});

Deno.test("unwrapLines near keywords: one line end per line, not a search per keyword", () => {
  // 10 MB on one line full of keyword-like URLs, then a wrapped token: the
  // keyword offsets all share the one line end.
  const line = "http://a/".repeat(1_111_111);
  const near = Array.from({ length: 50_000 }, (_, i) => i * 9);
  assert.equal(unwrapLines(line + "\nnext", near), undefined);
  const t = "http://a/".repeat(1_111_111) + "\nSSN 123-45-6789\n";
  const r = scan(t);
  assert.ok(!r.redacted.includes("123-45-6789"));
  // The wrapped-token view still works with near offsets.
  const wrapped = `token ${GHP.slice(0, 20)}\n${GHP.slice(20)} end`;
  assert.ok(unwrapLines(wrapped, [6, 8]) !== undefined);
});

Deno.test("undisguise on 10 MB of full-width letters still maps a finding after them", () => {
  const body = "\uff49".repeat(10_000_000);
  const t = body +
    " SSN \uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19\n";
  const r = scan(t);
  const f = r.findings.find((x) => x.start >= body.length && x.type === "ssn");
  assert.ok(f, r.findings.map((x) => x.type).join(","));
  assert.equal(
    t.slice(f.start, f.end),
    "\uff11\uff12\uff13-\uff14\uff15-\uff16\uff17\uff18\uff19",
  );
});

Deno.test("spelled-out e-mail with bare ' at ': an address, not prose", () => {
  for (
    const t of [
      "write to ola.berg at mail dot no",
      "email: ola at mail dot no",
      "OLA AT MAIL DOT NO is on the list".toLowerCase().replace(" at ", " AT "),
      "reach ola_b at mail dot no.",
    ]
  ) {
    assert.ok(
      findSensitive(t).some((f) => f.type === "email"),
      t,
    );
  }
  for (
    const t of [
      "we meet at school dot five today",
      "lunch at cafe dot com tomorrow",
      "look at line dot org later",
    ]
  ) {
    assert.deepEqual(findSensitive(t).map((f) => f.type), [], t);
  }
});

Deno.test("a token split over table rows (the next row's cells before it empty)", () => {
  const t = "sk-ant-api03-" + "Zp4Kq8Lm2Nx6Rv0Ty3Wb7Hc1Jd5Fg9Se2Ua6Io0Pk4Ql8Mn";
  const u = "Ry3Tv7Xb1Zc5Hd9Jf2Lg6Nh0Pj4Rk8Tm1Vn5Xp9Zq3Bs7Dw0";
  const text = `| name | value |\n| KEY  | ${t} |\n|      | ${u}AA |`;
  redacts(text, u, ["| name | value |"]);
  // The next row holding a cell of its own is another row, not a continuation.
  const other = `| KEY  | ${t} |\n| NEXT | Vn5Xp9Zq3Bs7Dw0abcdef |`;
  const out = redact(other, findSensitive(other));
  assert.ok(out.includes("Vn5Xp9Zq3Bs7Dw0abcdef"), out);
});

Deno.test("undisguise: \\uXXXX and \\xHH behind any number of backslashes (JSON in JSON)", () => {
  for (const bs of ["\\", "\\\\", "\\\\\\\\"]) {
    const text = `${bs}u0067${bs}u0068${bs}u0070_x ${bs}x41`;
    assert.equal(undisguise(text)?.text, "ghp_x A");
  }
});
