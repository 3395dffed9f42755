import assert from "node:assert/strict";
import { mrzValid } from "./mrz.ts";
import { findSensitive } from "./sensitive.ts";
import { redact } from "../redact.ts";

const ICAO = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

Deno.test("mrz: the ICAO specimen's line 2 passes, one changed digit fails", () => {
  assert.ok(mrzValid(ICAO));
  assert.ok(!mrzValid(ICAO.replace("7408122", "7408132")));
  assert.ok(!mrzValid(ICAO.slice(0, 43) + "1"));
  assert.ok(!mrzValid("<".repeat(44)));
});

Deno.test("mrz: both lines of a passport's zone are redacted", () => {
  const text = "Scanned:\nP<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" +
    ICAO + "\nok";
  const out = redact(text, findSensitive(text));
  assert.ok(!out.includes("L898902C3") && !out.includes("ERIKSSON"), out);
  assert.ok(out.startsWith("Scanned:") && out.endsWith("ok"), out);
});

Deno.test("mrz: code with << and a 44-character run that fails the checks stays", () => {
  for (
    const t of [
      'std::cout << "total" << std::endl;',
      "cat <<EOF\nABCDEFGHI0UTO0000000X0000000<<<<<<<<<<<<<<00\nEOF",
    ]
  ) assert.equal(redact(t, findSensitive(t)), t);
});

Deno.test("mrz: a long line of << and capitals is scanned in linear time", () => {
  const t0 = performance.now();
  findSensitive("P<" + "A<".repeat(50_000));
  findSensitive(("<<" + "A1".repeat(30) + "\n").repeat(1_500));
  assert.ok(performance.now() - t0 < 5_000);
});
