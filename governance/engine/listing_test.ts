import assert from "node:assert/strict";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import { enabledCount, enabledPolicies } from "./listing.ts";

Deno.test("enabledCount equals the length of enabledPolicies for every profile, direction and configuration", () => {
  const configs: EngineConfig[] = [
    DEFAULT_CONFIG,
    { ...DEFAULT_CONFIG, profile: "strict" },
    {
      ...DEFAULT_CONFIG,
      disabled: ["sys_dangerous_rm_home", "sys_pii_email", "no_such_id"],
    },
  ];
  for (const config of configs) {
    for (const direction of ["input", "output"] as const) {
      for (const profile of ["standard", "strict"] as const) {
        assert.equal(
          enabledCount(config, direction, profile),
          enabledPolicies(config, direction, profile).length,
          `${direction} ${profile} ${config.disabled.join(",")}`,
        );
      }
    }
  }
  assert.ok(
    enabledCount(DEFAULT_CONFIG, "input", "strict") >
      enabledCount(DEFAULT_CONFIG, "input", "standard"),
    "strict-only policies count only in strict",
  );
});
