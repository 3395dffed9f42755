import assert from "node:assert/strict";
import { defuseValue } from "./defuse_value.ts";

const STRIPE = "sk_live_51Hq8Zr2Kd7XwLm4Tn9PbVcGsWXyz12";
const GHP = "ghp_96ipbNClShVP4wY4for9duMl7JRU7BT4dK4b";

Deno.test("defuseValue: Claude Bash shape keeps its fields, stdout redacted", () => {
  const resp = {
    stdout: `STRIPE=${STRIPE}\n`,
    stderr: "",
    interrupted: false,
    isImage: false,
    noOutputExpected: false,
  };
  const r = defuseValue(resp);
  const v = r.value as typeof resp;
  assert.equal(r.changed, true);
  assert.deepEqual(Object.keys(v), Object.keys(resp));
  assert.equal(v.stdout, "STRIPE=[REDACTED:stripe_key]\n");
  assert.equal(v.interrupted, false);
});

Deno.test("defuseValue: Claude Read shape, file content redacted, type untouched", () => {
  const resp = {
    type: "text",
    file: {
      filePath: "/w/.env",
      content: `GITHUB_TOKEN=${GHP}\n`,
      numLines: 1,
    },
  };
  const v = defuseValue(resp).value as typeof resp;
  assert.equal(v.type, "text");
  assert.equal(v.file.numLines, 1);
  assert.ok(!v.file.content.includes(GHP));
  assert.match(v.file.content, /GITHUB_TOKEN=\[REDACTED:github_token\]/);
});

Deno.test("defuseValue: object-shaped MCP results are redacted field by field with the key as context", () => {
  const resp = {
    content: [{ type: "text", text: "ok" }],
    structuredContent: {
      user: "svc",
      password: "hunter2secretX",
      api_token: GHP,
      nested: [{ note: `key ${STRIPE}` }],
      count: 3,
    },
  };
  const r = defuseValue(resp);
  const s = JSON.stringify(r.value);
  assert.ok(!s.includes("hunter2secretX"), s);
  assert.ok(!s.includes(GHP));
  assert.ok(!s.includes(STRIPE));
  const sc = (r.value as typeof resp).structuredContent;
  assert.equal(sc.user, "svc");
  assert.equal(sc.count, 3);
});

Deno.test("defuseValue: binary blocks are left alone, text beside them is redacted", () => {
  const png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  const resp = [
    { type: "image", data: png, mimeType: "image/png" },
    { type: "text", text: `token ${GHP}` },
  ];
  const r = defuseValue(resp);
  const v = r.value as typeof resp;
  assert.equal(v[0].data, png);
  assert.ok(!JSON.stringify(v).includes(GHP));
  const img = defuseValue({
    stdout: `data:image/png;base64,${png}`,
    isImage: true,
  });
  assert.equal(img.changed, false);
});

Deno.test("defuseValue: binary bytes in a string do not break redaction", () => {
  const bin = "\u0000\u0001\ufffd\ufffdELF\u0002\u0000" + `k=${STRIPE}` +
    "\u0000".repeat(64);
  const r = defuseValue({ stdout: bin });
  const out = (r.value as { stdout: string }).stdout;
  assert.ok(!out.includes(STRIPE));
  assert.ok(out.startsWith("\u0000\u0001"));
});

Deno.test("defuseValue: raw values found elsewhere are hidden in every field", () => {
  const r = defuseValue({ a: "plain hunter2secretX here" }, undefined, [{
    value: "hunter2secretX",
    type: "password",
  }]);
  assert.equal((r.value as { a: string }).a, "plain [REDACTED:password] here");
});

Deno.test("defuseValue: a secret nested deeper than the walk goes is still redacted; a clean deep value keeps its shape", () => {
  const ssn = "536-90-4399";
  for (const depth of [40, 5_000, 100_000]) {
    let v: unknown = `customer ssn ${ssn}`;
    for (let i = 0; i < depth; i++) v = { a: v };
    const d = defuseValue(v);
    assert.equal(d.changed, true, `depth ${depth}`);
    assert.ok(!JSON.stringify(d.value).includes(ssn), `depth ${depth}`);
  }
  let clean: unknown = "all fine here";
  for (let i = 0; i < 100; i++) clean = [clean];
  const d = defuseValue(clean);
  assert.equal(d.changed, false);
  assert.deepEqual(d.value, clean);
});

Deno.test("defuseValue: text sent as a data: URI is scanned (base64 credentials redacted); binary media data: URIs are left alone", () => {
  const creds =
    "[default]\naws_access_key_id = AKIAQX4Z7RT2LMNB5KWE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY1\n";
  for (const mime of ["text/plain", "application/json", "text/x-shellscript"]) {
    const uri = `data:${mime};base64,${btoa(creds)}`;
    const r = defuseValue({ content: [{ type: "text", text: uri }] });
    assert.equal(r.changed, true, mime);
    assert.ok(!JSON.stringify(r.value).includes(btoa(creds)), mime);
  }
  const png =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  for (const mime of ["image/png", "application/pdf", "font/woff2"]) {
    const r = defuseValue({ text: `data:${mime};base64,${png}` });
    assert.equal(r.changed, false, mime);
  }
});

Deno.test("defuseValue: keys and numbers are scanned too (a token used as a key, a card or SSN sent as a JSON number); ordinary ids, sizes and timestamps stay numbers", () => {
  const key = defuseValue({ rows: [{ [GHP]: 1, [STRIPE]: 2 }] });
  assert.equal(key.changed, true);
  const text = JSON.stringify(key.value);
  assert.ok(!text.includes(GHP) && !text.includes(STRIPE), text);
  assert.equal(
    Object.keys((key.value as { rows: object[] }).rows[0]).length,
    2,
  );
  const nums = defuseValue({
    card_number: 4539148803436467,
    ssn: 536904399,
    phone: 4158290132,
  });
  assert.deepEqual(Object.values(nums.value as object).map((v) => typeof v), [
    "string",
    "string",
    "string",
  ]);
  for (
    const v of [
      { id: 1234567890123, created_at: 1733212345678, size: 10485760 },
      { user_id: 987654321, order_id: 20261203001, amount_cents: 1999900 },
      { lat: 37.774929, lng: -122.419416, build: 202612031545 },
    ]
  ) {
    const d = defuseValue(v);
    assert.equal(d.changed, false, JSON.stringify(d.value));
  }
});
