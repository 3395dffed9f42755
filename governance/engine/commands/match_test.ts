import assert from "node:assert/strict";
import { DANGEROUS_POLICIES } from "../policies/dangerous.ts";
import { makeMatch, MatchSet, policyActive } from "./match.ts";

Deno.test("catalogue: ids, categories and fields are well formed", () => {
  assert.ok(DANGEROUS_POLICIES.length >= 60);
  const ids = new Set<string>();
  for (const p of DANGEROUS_POLICIES) {
    assert.match(p.id, /^sys_dangerous_[a-z0-9_]+$/);
    assert.ok(!ids.has(p.id), `duplicate ${p.id}`);
    ids.add(p.id);
    assert.equal(p.category, "dangerous");
    assert.equal(p.appliesTo, "input");
    assert.ok(["critical", "high", "medium", "low"].includes(p.severity));
    assert.ok(["block", "warn", "log"].includes(p.action));
    assert.ok(p.name.length > 3 && p.description.length > 20, p.id);
    if (p.profile !== undefined) assert.equal(p.profile, "strict");
  }
  const strict = DANGEROUS_POLICIES.filter((p) => p.profile === "strict");
  assert.ok(strict.length >= 10);
  for (const p of DANGEROUS_POLICIES.filter((x) => x.severity === "critical")) {
    assert.equal(p.action, "block", p.id);
  }
});

Deno.test("matches carry the policy's fields; strict-only ones respect the profile", () => {
  const m = makeMatch("rm_root", "why", "instead");
  assert.deepEqual(m, {
    policyId: "sys_dangerous_rm_root",
    policyName: "Delete the root folder",
    category: "dangerous",
    severity: "critical",
    action: "block",
    reason: "why",
    suggestion: "instead",
  });
  assert.equal(makeMatch("rm_root", "why").suggestion, undefined);
  assert.throws(() => makeMatch("no_such_policy", "x"));
  const std = { cwd: "/w", home: "/h", profile: "standard" as const };
  const strict = { ...std, profile: "strict" as const };
  assert.equal(policyActive("git_reset_hard", std), false);
  assert.equal(policyActive("git_reset_hard", strict), true);
  assert.equal(policyActive("rm_root", std), true);
  const set = new MatchSet(std);
  set.add("rm_root", "first");
  set.add("rm_root", "second");
  set.add("git_reset_hard", "strict only");
  assert.deepEqual(set.list().map((x) => x.reason), ["first"]);
  assert.ok(set.has("rm_root"));
  assert.ok(!set.has("git_reset_hard"));
});
