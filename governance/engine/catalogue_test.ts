import assert from "node:assert/strict";
import { BUILTIN_POLICIES, builtinPolicy } from "./catalogue.ts";
import {
  INJECTION_INFO,
  PII_INFO,
  SECRET_INFO,
  SQLI_INFO,
} from "./policies/summaries.ts";
import { PII_POLICIES } from "./policies/pii.ts";
import { SECRET_POLICIES } from "./policies/secrets.ts";
import { SQLI_POLICIES } from "./policies/sqli.ts";
import { INJECTION_POLICIES } from "./policies/injection.ts";
import { policyInfo } from "./policy_info.ts";
import { POLICY_KEYS, policyKey } from "./policy_keys.ts";

Deno.test("the generated policy summaries match the policy files (run `deno task build` when this fails)", () => {
  assert.deepEqual(SQLI_INFO, SQLI_POLICIES.map(policyInfo));
  assert.deepEqual(INJECTION_INFO, INJECTION_POLICIES.map(policyInfo));
  assert.deepEqual(PII_INFO, PII_POLICIES.map(policyInfo));
  assert.deepEqual(SECRET_INFO, SECRET_POLICIES.map(policyInfo));
});

Deno.test("the catalogue names every policy once, detection data stripped", () => {
  const ids = BUILTIN_POLICIES.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const p of BUILTIN_POLICIES) {
    assert.deepEqual(Object.keys(p).sort(), Object.keys(policyInfo(p)).sort());
  }
  assert.equal(builtinPolicy("sys_sqli_union_select")?.category, "sqli");
  assert.equal(builtinPolicy(INJECTION_POLICIES[0].id)?.category, "injection");
  assert.equal(builtinPolicy("no_such_policy"), undefined);
});

Deno.test("the policy keys judging reads are the catalogue's, in its order (run `deno task build` when this fails)", () => {
  assert.deepEqual(
    POLICY_KEYS.map((k) => [k.id, k.category, k.appliesTo, k.profile]),
    BUILTIN_POLICIES.map((p) => [p.id, p.category, p.appliesTo, p.profile]),
  );
  for (const p of BUILTIN_POLICIES) assert.equal(policyKey(p.id)?.id, p.id);
  assert.equal(policyKey("no_such_policy"), undefined);
});
