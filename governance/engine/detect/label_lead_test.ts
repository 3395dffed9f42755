import assert from "node:assert/strict";
import { labelLead, leadHolds } from "./label_lead.ts";
import { LABEL_START } from "../policies/pii_glue.ts";
import { SENSITIVE_SPECS } from "./sensitive.ts";

Deno.test("labelLead reads the label start and refuses other shapes", () => {
  const lead = labelLead(`${LABEL_START}(?:dl|ssn)#?`, "yi");
  assert.ok(lead !== undefined);
  assert.ok(lead.ci);
  assert.ok(lead.words.includes("customer"));
  // A top-level alternation after the lead: the lead does not bind every match.
  assert.equal(labelLead(`${LABEL_START}dl|x`, "y"), undefined);
  assert.equal(labelLead(`${LABEL_START}(?:dl`, "y"), undefined);
  assert.equal(labelLead(`${LABEL_START}dl`, "yu"), undefined);
  assert.equal(labelLead(`(?<![A-Za-z])dl`, "y"), undefined);
  // Bars inside groups and classes, and escaped ones, are not top level.
  assert.ok(labelLead(`${LABEL_START}(?:a|b)[|]\\|c`, "y") !== undefined);
});

Deno.test("leadHolds agrees with the sticky regex of every label pattern", () => {
  const texts = [
    "handled dl: X1234567",
    "customerDL: A12345678",
    "CUSTOMERdl# B1234567",
    "xcustomerdl: 1",
    "dl: Z9",
    "ſdl: 1 ÅDL: 2 Kdl KDL",
    "guide uid: 1234 5678 9012",
    "employee_ssn: 123-45-6789, userSSN 123-45-6789",
    "ohssn 123-45-6789",
  ];
  let checked = 0;
  for (const spec of SENSITIVE_SPECS) {
    for (const flags of ["y", "yi"]) {
      const re = new RegExp(spec.pattern, flags);
      const lead = labelLead(re.source, re.flags);
      if (lead === undefined) continue;
      for (const t of texts) {
        for (let p = 0; p <= t.length; p++) {
          if (leadHolds(lead, t, p)) continue;
          re.lastIndex = p;
          assert.equal(re.exec(t), null, `${spec.id} ${flags} at ${p} of ${t}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 1000);
});
