import assert from "node:assert/strict";
import {
  abaValid,
  cpfValid,
  dniValid,
  ibanCheckDigits,
  ibanValid,
  luhnCheckDigit,
  luhnValid,
  mod97,
  nricCheckLetter,
  nricValid,
  panValid,
  shannonEntropy,
  sinValid,
  ssnValid,
  verhoeffCheckDigit,
  verhoeffValid,
} from "./checksums.ts";

Deno.test("luhn accepts known-good numbers and rejects a changed digit", () => {
  assert.equal(luhnValid("4111111111111111"), true);
  assert.equal(luhnValid("79927398713"), true);
  assert.equal(luhnValid("4111111111111112"), false);
  assert.equal(luhnValid("79927398710"), false);
  assert.equal(luhnValid("41x1"), false);
});

Deno.test("luhn check digit completes a payload", () => {
  for (
    const payload of ["411111111111111", "555555555555444", "37828224631000"]
  ) {
    const full = payload + luhnCheckDigit(payload);
    assert.equal(luhnValid(full), true, full);
  }
  assert.equal(luhnCheckDigit("7992739871"), "3");
});

Deno.test("verhoeff validates and generates check digits", () => {
  assert.equal(verhoeffValid("2363"), true);
  assert.equal(verhoeffValid("2364"), false);
  assert.equal(verhoeffCheckDigit("236"), "3");
  assert.equal(verhoeffCheckDigit("12345"), "1");
  for (const payload of ["23412341234", "98765432101", "50000000000"]) {
    const full = payload + verhoeffCheckDigit(payload);
    assert.equal(verhoeffValid(full), true, full);
    const wrong = payload + ((Number(full.at(-1)) + 1) % 10);
    assert.equal(verhoeffValid(wrong), false, wrong);
  }
});

Deno.test("iban mod-97 with country lengths", () => {
  assert.equal(ibanValid("GB82WEST12345698765432"), true);
  assert.equal(ibanValid("GB82 WEST 1234 5698 7654 32"), true);
  assert.equal(ibanValid("DE89370400440532013000"), true);
  assert.equal(ibanValid("DE89370400440532013001"), false);
  assert.equal(ibanValid("GB82WEST1234569876543"), false, "short for GB");
  assert.equal(ibanValid("ZZ82WEST12345698765432"), false, "unknown country");
  const bban = "NWBK60161331926819";
  const iban = "GB" + ibanCheckDigits("GB", bban) + bban;
  assert.equal(iban, "GB29NWBK60161331926819");
  assert.equal(ibanValid(iban), true);
  assert.equal(mod97("ab"), -1);
});

Deno.test("nric check letters for S, T, F, G and M series", () => {
  assert.equal(nricCheckLetter("S", "1234567"), "D");
  assert.equal(nricCheckLetter("T", "1234567"), "J");
  assert.equal(nricCheckLetter("F", "1234567"), "N");
  assert.equal(nricCheckLetter("G", "1234567"), "X");
  assert.equal(nricValid("M1234567K"), true);
  assert.equal(nricValid("M1234567L"), false);
  assert.equal(nricValid("S1234567D"), true);
  assert.equal(nricValid("s1234567d"), true);
  assert.equal(nricValid("S1234567A"), false);
  assert.equal(nricValid("X1234567D"), false);
});

Deno.test("ssn rules", () => {
  assert.equal(ssnValid("536225491"), true);
  assert.equal(ssnValid("000225491"), false);
  assert.equal(ssnValid("666225491"), false);
  assert.equal(ssnValid("912225491"), false);
  assert.equal(ssnValid("536005491"), false);
  assert.equal(ssnValid("536220000"), false);
  assert.equal(ssnValid("078051120"), false);
  assert.equal(ssnValid("219099999"), false);
  assert.equal(ssnValid("111111111"), false);
  assert.equal(ssnValid("53622549"), false);
});

Deno.test("pan structure", () => {
  assert.equal(panValid("ABCPE1234F"), true);
  assert.equal(panValid("ABCZE1234F"), false);
  assert.equal(panValid("ABCPE12345"), false);
});

Deno.test("aba routing checksum", () => {
  assert.equal(abaValid("011000015"), true);
  assert.equal(abaValid("021000021"), true);
  assert.equal(abaValid("021000022"), false);
  assert.equal(abaValid("991000021"), false, "bad prefix");
});

Deno.test("shannon entropy", () => {
  assert.equal(shannonEntropy(""), 0);
  assert.equal(shannonEntropy("aaaa"), 0);
  assert.equal(shannonEntropy("ab"), 1);
  assert.ok(shannonEntropy("q8Zr2LmX9vT4kP0w") > 3.5);
});

Deno.test("shannonEntropy: table terms give the formula's exact numbers", () => {
  const reference = (s: string): number => {
    const counts = new Map<number, number>();
    for (let i = 0; i < s.length; i++) {
      counts.set(s.charCodeAt(i), (counts.get(s.charCodeAt(i)) ?? 0) + 1);
    }
    // The same order of terms as the scanner: first occurrence order.
    let h = 0;
    const seen = new Set<number>();
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (seen.has(c)) continue;
      seen.add(c);
      const p = counts.get(c)! / s.length;
      h -= p * Math.log2(p);
    }
    return h;
  };
  let seed = 3;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const alphabet = "aaAb01_-xyzQ/+=é";
  for (let t = 0; t < 500; t++) {
    let s = "";
    for (let k = 1 + rnd(90); k > 0; k--) s += alphabet[rnd(alphabet.length)];
    assert.equal(shannonEntropy(s), reference(s));
  }
  assert.equal(shannonEntropy("abcdefgh"), 3);
});

Deno.test("CPF, SIN and DNI/NIE check digits", () => {
  // Documentation shapes: CPF 529.982.247-25, SIN 046 454 286, DNI 12345678Z, NIE X1234567L.
  assert.ok(cpfValid("529.982.247-25"));
  assert.ok(cpfValid("52998224725"));
  assert.ok(!cpfValid("529.982.247-26"));
  assert.ok(!cpfValid("111.111.111-11"));
  assert.ok(!sinValid("046 454 286")); // starts with 0: not issued
  assert.ok(sinValid("130 692 544"));
  assert.ok(!sinValid("130 692 545"));
  assert.ok(dniValid("12345678Z"));
  assert.ok(!dniValid("12345678A"));
  assert.ok(dniValid("X1234567L"));
  assert.ok(dniValid("Y1234567X"));
  assert.ok(!dniValid("1234567L"));
});
