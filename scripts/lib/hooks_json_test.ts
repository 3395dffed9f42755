import assert from "node:assert/strict";
import {
  type GroupsByEvent,
  indentUnit,
  isEmptyObject,
  mergeGroups,
  ourGroupIndexes,
  ourGroups,
  unmergeGroups,
} from "./hooks_json.ts";

const mine = (g: unknown) => JSON.stringify(g).includes("OURS");
const GROUPS = {
  PreToolUse: [{
    matcher: "Bash",
    hooks: [{ type: "command" as const, command: "OURS pre", timeout: 15 }],
  }],
  PostToolUse: [{
    matcher: "Bash",
    hooks: [{ type: "command" as const, command: "OURS post", timeout: 15 }],
  }],
};

const ORIGINALS = [
  '{\n  "hooks": {\n    "PreToolUse": [\n      {\n        "matcher": "Bash",\n        "hooks": [{"type": "command", "command": "other-tool check"}]\n      }\n    ]\n  }\n}\n',
  '{"hooks":{"PreToolUse":[{"hooks":[{"type":"command","command":"x"}]}],"Stop":[]}}',
  "{}\n",
  "{ }",
  '{\n    "model": "opus",\n    "permissions": {"allow": ["Bash(ls)"]}\n}\n',
  '{\n  "hooks": {}\n}\n',
  '{\n  "hooks": {\n    "PreToolUse": [],\n    "PostToolUse": [\n    ]\n  }\n}\n',
  '{\t"env": {"A": "1"},\n\t"hooks": {"SessionStart": [{"hooks": []}]}\n}',
];

for (const [i, original] of ORIGINALS.entries()) {
  Deno.test(`merge then unmerge gives back original #${i} byte for byte`, () => {
    const merged = mergeGroups(original, GROUPS, mine);
    const parsed = JSON.parse(merged);
    assert.deepEqual(ourGroups(merged, mine), GROUPS);
    assert.equal(parsed.hooks.PreToolUse.at(-1).hooks[0].command, "OURS pre");
    assert.equal(mergeGroups(merged, GROUPS, mine), merged, "idempotent");
    assert.equal(unmergeGroups(merged, mine), original);
    // other content survives the merge
    const before = JSON.parse(original);
    for (const k of Object.keys(before)) {
      if (k !== "hooks") assert.deepEqual(parsed[k], before[k]);
    }
    for (const [ev, list] of Object.entries(before.hooks ?? {})) {
      assert.deepEqual(parsed.hooks[ev].filter((g: unknown) => !mine(g)), list);
    }
  });
}

Deno.test("merge into an empty file creates a valid hooks.json, unmerge empties it", () => {
  const merged = mergeGroups("", GROUPS, mine);
  assert.deepEqual(JSON.parse(merged), { hooks: GROUPS });
  assert.ok(isEmptyObject(unmergeGroups(merged, mine)));
});

Deno.test("ourGroupIndexes follows other groups", () => {
  const merged = mergeGroups(ORIGINALS[0], GROUPS, mine);
  assert.deepEqual(ourGroupIndexes(merged, mine), {
    PreToolUse: [1],
    PostToolUse: [0],
  });
});

Deno.test("changed groups replace the old ones instead of adding", () => {
  const merged = mergeGroups(ORIGINALS[0], GROUPS, mine);
  const changed = structuredClone(GROUPS);
  changed.PreToolUse[0].hooks[0].command = "OURS pre v2";
  const again = mergeGroups(merged, changed, mine);
  const parsed = JSON.parse(again);
  assert.equal(parsed.hooks.PreToolUse.length, 2);
  assert.equal(parsed.hooks.PreToolUse[1].hooks[0].command, "OURS pre v2");
  assert.equal(unmergeGroups(again, mine), ORIGINALS[0]);
});

Deno.test("invalid JSON is reported, not overwritten", () => {
  assert.throws(
    () => mergeGroups("{ nope", GROUPS, mine, "hooks.json"),
    /hooks.json is not valid JSON/,
  );
  assert.throws(
    () => mergeGroups("[]", GROUPS, mine, "hooks.json"),
    /JSON object/,
  );
});

Deno.test("indentUnit reads the file's indentation; hostile input stays linear", () => {
  assert.equal(indentUnit('{\n    "a": 1\n}'), "    ");
  assert.equal(indentUnit('{\n\t"a": 1\n}'), "\t");
  assert.equal(indentUnit("{}"), "  ");
  for (
    const s of ["\n".repeat(1e6), "\n" + " ".repeat(1e6), "\n \n".repeat(3e5)]
  ) indentUnit(s);
});

Deno.test("mergeGroups: a file holding only our groups stays formatted when they change", () => {
  const ours = (cmd: string): GroupsByEvent => ({
    PreToolUse: [{
      matcher: "Bash",
      hooks: [{ type: "command", command: cmd, timeout: 15 }],
    }],
  });
  const isOurs = (g: unknown) =>
    JSON.stringify(g).includes("axonflow-test-hook");
  const first = mergeGroups("", ours("axonflow-test-hook a"), isOurs);
  const second = mergeGroups(first, ours("axonflow-test-hook b"), isOurs);
  assert.equal(
    second,
    JSON.stringify({ hooks: ours("axonflow-test-hook b") }, null, 2) + "\n",
  );
});
