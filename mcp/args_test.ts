import assert from "node:assert/strict";
import { parseToolArgs, ToolArgumentError } from "./args.ts";

Deno.test("parseToolArgs names the bad argument", () => {
  assert.throws(
    () => parseToolArgs("check_policy", { statement: "x" }),
    (e) => e instanceof ToolArgumentError && /connector_type/.test(e.message),
  );
  assert.throws(
    () => parseToolArgs("search_audit_events", { limit: 0 }),
    /limit/,
  );
  assert.throws(
    () => parseToolArgs("get_policy_stats", { from: "nope" }),
    /from must be an ISO 8601/,
  );
  assert.deepEqual(parseToolArgs("list_policies", undefined), {});
});
