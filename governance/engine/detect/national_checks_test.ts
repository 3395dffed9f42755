import assert from "node:assert/strict";
import {
  auTfnValid,
  beNnValid,
  clRutValid,
  dkCprValid,
  fiHetuValid,
  hrOibValid,
  iePpsValid,
  ilIdValid,
  noFnrValid,
  ptNifValid,
  roCnpValid,
  trTcknValid,
} from "./national_checks.ts";

/** [validator, valid values, invalid values (one digit or letter changed, bad dates, fillers)]. */
const CASES: [(v: string) => boolean, string[], string[]][] = [
  [dkCprValid, ["121077-8825", "2706742630"], [
    "321077-8825",
    "121377-8825",
    "000000-0000",
  ]],
  [fiHetuValid, ["131052-308T", "080403A0326", "070290-451W"], [
    "131052-308U",
    "311352-308T",
    "131052Z308T",
  ]],
  [ptNifValid, ["162713282", "268022143", "123456789", "451234561"], [
    "162713283",
    "462713282",
    "503004642",
    "111111111",
  ]],
  [beNnValid, ["80.04.15-051.43", "78050524319", "93051822361"], [
    "80.04.15-051.44",
    "80.14.15-051.43",
    "00000000000",
  ]],
  [iePpsValid, ["5697271RW", "4597555CA", "1234567T"], [
    "5697271SW",
    "1234567U",
    "0000000W",
  ]],
  [clRutValid, ["12.345.678-5", "7.991.346-4", "17278947-1", "17.867.868-K"], [
    "12.345.678-6",
    "12.345.678-K",
    "11.111.111-1",
  ]],
  [ilIdValid, ["938379609", "890003593", "000000018"], [
    "938379608",
    "123456789",
    "000000000",
  ]],
  [auTfnValid, ["123 456 782", "772 574 106", "165631467"], [
    "123 456 783",
    "772574107",
    "000000000",
  ]],
  [noFnrValid, ["20037560929", "19029694039"], [
    "20037560928",
    "32037560929",
    "11111111111",
  ]],
  [trTcknValid, ["10000000146", "48532675594", "86855877004"], [
    "10000000147",
    "08532675594",
    "11111111111",
  ]],
  [hrOibValid, ["73019642612", "26043678252"], [
    "73019642613",
    "26043678253",
    "00000000000",
  ]],
  [roCnpValid, ["1670814088268", "1650504023975"], [
    "1670814088269",
    "1671314088268",
    "0670814088268",
  ]],
];

Deno.test("national check-digit validators: published rules accept valid numbers", () => {
  for (const [f, good] of CASES) {
    for (const v of good) assert.ok(f(v), `${f.name} ${v}`);
  }
});

Deno.test("national check-digit validators reject a changed digit, a bad date and fillers", () => {
  for (const [f, , bad] of CASES) {
    for (const v of bad) assert.ok(!f(v), `${f.name} ${v}`);
  }
});

Deno.test("national check-digit validators are quick on long input", () => {
  const long = "1".repeat(100_000);
  const t0 = performance.now();
  for (const [f] of CASES) f(long);
  assert.ok(performance.now() - t0 < 1_000);
});
