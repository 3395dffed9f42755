import assert from "node:assert/strict";
import { findSensitive } from "./sensitive.ts";
import { foldedTraits, textTraits, TRAIT_BITS } from "./traits.ts";
import { PII_POLICIES } from "../policies/pii.ts";
import { SECRET_POLICIES } from "../policies/secrets.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

Deno.test("textTraits: each condition holds on a text with its kind, not on log noise", () => {
  const cases: [keyof typeof TRAIT_BITS, string][] = [
    ["card", "card 4111 1111 1111 1111 ok"],
    ["card", "4111111111111111"],
    ["aadhaar", "2345 6789 0123"],
    ["ssn", "ssn 123-45-6789"],
    ["phone_us", "(415) 555-0132"],
    ["phone_intl", "+44 20 7946 0958"],
    ["phone_uk", "07911 123456"],
    ["ipv4", "ip 203.0.113.7"],
    ["pan", "ABCPE1234F"],
    ["nric", "S1234567D"],
    ["iban", "GB82 WEST 1234 5698 7654 32"],
    ["nino", "QQ 12 34 56 C"],
    ["nino", "QQ123456C"],
  ];
  for (const [name, text] of cases) {
    assert.ok((textTraits(bytes(text)) & TRAIT_BITS[name]) !== 0, name);
  }
  const log =
    "2026-11-24 07:01:12 INFO  server listening on port 8080, handled 1532 requests in 12.5 ms (p95 40 ms) build 9f3c2a1\n";
  assert.equal(textTraits(bytes(log.repeat(20))), 0);
  assert.equal(textTraits(bytes("")), 0);
});

Deno.test("findSensitive: skipping kinds whose condition fails changes no finding", () => {
  let seed = 2026;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const noise = [
    ..."01234567890123456789  --..()+/:,\n=$@_",
    ..."ABCDEFGHIJKLMNOPQRSTUVWXYZstfgmxabc",
  ];
  // Examples of every digit-shaped kind, mutated (characters dropped,
  // inserted, replaced) into near-misses.
  const examples = [
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "4111111111111111",
    "3782 822463 10005",
    "123-45-6789",
    "123 45 6789",
    "(415) 555-0132",
    "415.555.0132",
    "1-415-555-0132",
    "+1 415 555 0132",
    "+44 20 7946 0958",
    "+91 98765 43210",
    "07911 123456",
    "020 7946 0958",
    "2345 6789 0124",
    "ABCPE1234F",
    "S1234567D",
    "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000",
    "192.168.1.1",
    "QQ 12 34 56 C",
    "AB123456C",
    "2345-6789-0124",
    "x 2345 6789 0124 5",
    "0161 496 0000",
    "01632 960 001",
    "2a02:d7c1:ee9:25ff:407f:70f:4902:b313",
  ];
  let found = 0;
  for (let t = 0; t < 4000; t++) {
    let s = "";
    for (let j = 1 + rnd(3); j > 0; j--) {
      const b = examples[rnd(examples.length)].split("");
      for (let m = rnd(4); m > 0; m--) {
        const at = rnd(b.length + 1);
        const ch = noise[rnd(noise.length)];
        const op = rnd(3);
        if (op === 0) b.splice(at, 1);
        else if (op === 1) b.splice(at, 0, ch);
        else b[at] = ch;
      }
      s += b.join("") + noise[rnd(noise.length)];
    }
    const gated = findSensitive(s);
    assert.deepEqual(gated, findSensitive(s, { ungated: true }), s);
    if (gated.length > 0) found++;
  }
  assert.ok(
    found > 400,
    `only ${found} texts with findings: the generator misses`,
  );
});

Deno.test("textTraits: linear on hostile 1 MB inputs", () => {
  for (
    const s of [
      "1".repeat(1e6),
      "1-".repeat(5e5),
      "1.".repeat(5e5),
      "AB1".repeat(333_333),
      "+1 ".repeat(333_333),
    ]
  ) {
    assert.ok(textTraits(bytes(s)) >= 0);
  }
});

Deno.test("ipv6_full trait: holds exactly where eight colon-joined groups of 1-4 hex digits (one a digit) occur", () => {
  const bit = TRAIT_BITS.ipv6_full;
  const re = /(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![0-9a-fA-F])/;
  const alphabet = "0123456789abcdefABCDEFxyz: .-\n";
  let seed = 7;
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  for (let t = 0; t < 20000; t++) {
    let text = "";
    const len = 10 + rnd(80);
    for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
    if (t % 3 === 0) {
      const g = Array.from({ length: 8 }, () => (rnd(65535) + 1).toString(16));
      text = text.slice(0, 20) + " " + g.join(":") + " " + text.slice(20);
    }
    const has = (textTraits(new TextEncoder().encode(text)) & bit) !== 0;
    // What the catalogue pattern can match (and its validator accept).
    const want = [...text.matchAll(
      /(?<![\w:.])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g,
    )].some((m) => /\d/.test(m[0]));
    if (want) assert.ok(has, JSON.stringify(text));
    if (!re.test(text)) assert.ok(!has, JSON.stringify(text));
  }
});

Deno.test("foldedTraits: the keyword-less patterns name neither fold code nor any non-ASCII character", () => {
  // A kind that requires non_ascii runs on folded texts only, whatever its
  // pattern names (the fold sets that condition on every such text).
  const specs = [...PII_POLICIES, ...SECRET_POLICIES].filter((s) =>
    s.keywords.length === 0 && s.requires !== "non_ascii"
  );
  assert.ok(specs.length > 10);
  for (const s of specs) {
    const src = s.pattern;
    assert.ok(
      // deno-lint-ignore no-control-regex
      !/\\f|\\x0[1cC]|\\u000[1cC]|\\c[AaLl]|[\x01\x0c]/.test(src),
      s.id,
    );
    assert.ok(
      // deno-lint-ignore no-control-regex
      !/[^\x00-\x7f]|\\u[0-9a-fA-F]{4}|\\x[89a-fA-F][0-9a-fA-F]/.test(src),
      s.id,
    );
    assert.ok(!/\\u\{/.test(src), s.id);
  }
  // The pieces pass's hex runs, gated by the hex condition, likewise.
  assert.equal(
    foldedTraits("4111 1111\u00e9"),
    textTraits(new TextEncoder().encode("4111 1111\x01")) |
      TRAIT_BITS.non_ascii,
  );
  assert.equal(foldedTraits("a\u2028b"), -1);
});

Deno.test("findSensitive: conditions read from folded non-ASCII text skip no finding", () => {
  let seed = 77;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const noise = [
    ..."0123456789  --..()+/:\n_",
    ..."ABCSTFGMabc",
    ..."é✓→\u00a0\u2009\u3000\u200b\uff15\uff0d\u2013\u2014ſ\u212a",
  ];
  const examples = [
    "4111 1111 1111 1111",
    "123-45-6789",
    "(415) 555-0132",
    "+44 20 7946 0958",
    "07911 123456",
    "192.168.1.1",
    "GB82 WEST 1234 5698 7654 32",
    "DE89370400440532013000",
    "ABCPE1234F",
    "S1234567D",
    "123.456.789-09",
    "fe80:0000:0000:0000:0204:61ff:fe9d:f156",
    "736563726574206b6579206973206869",
  ];
  let found = 0;
  for (let t = 0; t < 3000; t++) {
    let s = "";
    for (let j = 1 + rnd(3); j > 0; j--) {
      const b = [...examples[rnd(examples.length)]];
      for (let m = rnd(4); m > 0; m--) {
        const at = rnd(b.length + 1);
        const ch = noise[rnd(noise.length)];
        const op = rnd(3);
        if (op === 0) b.splice(at, 1);
        else if (op === 1) b.splice(at, 0, ch);
        else b[at] = ch;
      }
      s += b.join("") + noise[rnd(noise.length)];
    }
    if (!/[^ -~\n]/.test(s)) s += "é";
    const gated = findSensitive(s);
    assert.deepEqual(gated, findSensitive(s, { ungated: true }), s);
    if (gated.length > 0) found++;
  }
  assert.ok(found > 300, `only ${found} texts with findings`);
});

Deno.test("textTraits: the grouped Aadhaar, UK phone and IPv6 conditions hold only where their pattern can match", () => {
  const has = (name: keyof typeof TRAIT_BITS, text: string) =>
    (textTraits(bytes(text)) & TRAIT_BITS[name]) !== 0;
  assert.ok(has("aadhaar_grouped", "id 2345 6789 0124."));
  assert.ok(has("aadhaar_grouped", "2345-6789-0124"));
  // A card's four groups, a first group 0-1, a fourth group after a dash or a letter.
  assert.ok(!has("aadhaar_grouped", "card 4111 1111 1111 1111"));
  assert.ok(!has("aadhaar_grouped", "1111 1111 1111"));
  assert.ok(!has("aadhaar_grouped", "2345 6789 0124-5 and 2345 6789 0124x"));
  assert.ok(has("phone_uk", "call 020 7946 0958"));
  assert.ok(has("phone_uk", "07911123456"));
  // Ten digits in spaced runs, none of them led by a 0.
  assert.ok(!has("phone_uk", "4111 1111 1111 1111"));
  assert.ok(!has("phone_uk", "12 34 56 78 90"));
  assert.ok(has("ipv6_full", "from 2a02:d7c1:ee9:25ff:407f:70f:4902:b313 ok"));
  assert.ok(has("ipv6_full", "a:b:c:d:e:f:1:2"));
  // Seven groups, a five-digit group, timestamps and JSON.
  assert.ok(!has("ipv6_full", "2a02:d7c1:ee9:25ff:407f:70f:4902"));
  assert.ok(!has("ipv6_full", "2a02:d7c1:ee9:25ff:407f:70f:4902:b3130"));
  assert.ok(
    !has("ipv6_full", '07:01:12 {"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7}'),
  );
  // The string form of the text finds colons the same way.
  for (const t of ["a:b:c:d:e:f:1:2", "2a02:d7c1:ee9:25ff:407f:70f:4902"]) {
    assert.equal(textTraits(bytes(t), t), textTraits(bytes(t)));
  }
});

Deno.test("findSensitive: on a long text the card pass reads only lines with a 13-digit chain, and finds what the whole-text pass finds", () => {
  let seed = 41;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const cards = [
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "4111111111111111",
    "3782 822463 10005",
    "5500 - 0000 - 0000 - 0004",
    "6011.0000.0000.0004",
    "4111_1111_1111_1111",
  ];
  const filler = [
    "2026-11-24 07:01:12 INFO handled 1532 requests",
    "id 1234 5678 9012",
    "4111 1111 1111",
    "",
    "x",
  ];
  let withCards = 0;
  for (let t = 0; t < 40; t++) {
    const lines: string[] = [];
    while (lines.join("\n").length < 6000) {
      const r = rnd(4);
      const card = cards[rnd(cards.length)];
      lines.push(
        r === 0
          ? card
          : r === 1
          ? `${filler[rnd(filler.length)]} ${card}`
          : r === 2
          ? `${card} and ${cards[rnd(cards.length)]}`
          : filler[rnd(filler.length)],
      );
    }
    const text = lines.join("\n");
    const gated = findSensitive(text);
    assert.deepEqual(gated, findSensitive(text, { ungated: true }));
    if (gated.some((f) => f.type === "credit_card")) withCards++;
  }
  assert.equal(withCards, 40);
});

Deno.test("non_ascii: set on every folded text, never on ASCII bytes", () => {
  assert.ok((foldedTraits("電話: 03-1234-5678") & TRAIT_BITS.non_ascii) !== 0);
  assert.ok((foldedTraits("Tél. 01") & TRAIT_BITS.non_ascii) !== 0);
  assert.equal(
    textTraits(new TextEncoder().encode("Tel: 0612345678")) &
      TRAIT_BITS.non_ascii,
    0,
  );
});
