/**
 * The workspace's own .git deleted by a find whose name filter picks it
 * (`find . -name .git -prune -exec rm -rf {} +`), and the nested-checkout
 * clean-ups that pass.
 */
import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("find deleting .git folders from the workspace or above deletes its own .git", () => {
  for (
    const cmd of [
      "find . -name .git -prune -exec rm -rf {} +",
      "find . -name .git -type d -exec rm -rf {} \\;",
      "find . -name .git -delete",
      "find ~/proj -name .git -type d -exec rm -rf {} +",
    ]
  ) {
    assert.ok(
      blocked(cmd).includes("rm_git_dir_listed"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  for (
    const cmd of [
      "find . -mindepth 2 -name .git -prune -exec rm -rf {} +",
      "find vendor -name .git -prune -exec rm -rf {} +",
      "find . -name '*.pyc' -delete",
      "find . -name .git -type d",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("a find that keeps .git out of what it deletes passes", () => {
  for (
    const cmd of [
      "find . -type d ! -name '.git' -name node_modules -prune -exec rm -rf {} +",
      "find . -not -name .git -name '*.tmp' -delete",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
