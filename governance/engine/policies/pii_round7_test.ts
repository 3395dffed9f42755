import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";

const values = (t: string) =>
  findSensitive(t).map((f) => t.slice(f.start, f.end));

Deno.test("round 7 labels: address keys, sort code with account, aligned listings, camelCase id keys", () => {
  const cases: [string, string][] = [
    [
      '{"home_address": "3403 W Belmont Ave, Boise, ID 83702"}',
      "3403 W Belmont Ave, Boise, ID 83702",
    ],
    ["shipping_address=12 Oak Street, Dayton OH", "12 Oak Street, Dayton OH"],
    ["Sort code / account: 12-85-79 43460461", "12-85-79 43460461"],
    ["tfn:         118 121 602", "118 121 602"],
    ["<idNumber>7104165335087</idNumber>", "7104165335087"],
    ["3403 W Belmont Ave", "3403 W Belmont Ave"],
    ["samordningsnummer: 001178-3768", "001178-3768"],
  ];
  for (const [t, v] of cases) assert.deepEqual(values(t), [v], t);
  // The name line above the address is read as its owner's (round 27).
  assert.deepEqual(
    values("SHIP TO:\nINES RINALDI\n4214 S Lakeview Ter\nUSPS"),
    ["INES RINALDI", "4214 S Lakeview Ter"],
  );
});

Deno.test("round 7 labels: machine address keys and other prefixes stay clean", () => {
  for (
    const t of [
      "peer_address: node-3 port 8080 zone a",
      "x_address: 12 foo bar",
      "ip_address: 10.0.0.1 eth0 up",
      "sort code format: 00-00-00",
      "Thread 2 Event Loop started",
      "room 12 N Plaza",
      "Range 657781-9879 to 001178-3768 reserved for part numbers.",
    ]
  ) assert.deepEqual(values(t), [], t);
});

Deno.test("round 7 glue is linear on long blank runs", () => {
  const t0 = performance.now();
  findSensitive("cpr:" + " \t".repeat(50_000) + "1");
  findSensitive(("tfn:" + " ".repeat(24)).repeat(4_000));
  assert.ok(performance.now() - t0 < 5_000);
});
