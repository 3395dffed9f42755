import assert from "node:assert/strict";
import { parseScript, wordText } from "../shell/parse.ts";
import { expandBraces, expandWord } from "./expand.ts";
import { MatchSet } from "./match.ts";
import { commandName, litArg, normalizeText, type State } from "./unit.ts";
import { unwrap } from "./wrappers.ts";

function words(src: string) {
  const c = parseScript(src).items[0].pipeline.commands[0];
  assert.equal(c.kind, "simple");
  return c.kind === "simple" ? c.words : [];
}

function state(env: Record<string, string[]> = {}): State {
  const ctx = { cwd: "/w", home: "/home/u", profile: "standard" as const };
  return {
    ctx,
    cwd: "/w",
    env: new Map(Object.entries(env)),
    positional: null,
    arrays: new Map(),
    funcs: new Map(),
    depth: 0,
    out: {
      matches: new MatchSet(ctx),
      sql: [],
      fileWrites: [],
      downloads: new Set(),
      clones: new Set(),
      sensitive: new Map(),
      fetchedVars: new Map(),
      readFrom: new Map(),
      dumpVars: new Map(),
      budget: 10,
      unseen: false,
      shell: () => {},
      flat: () => {},
      unit: () => {},
      hidden: () => {},
    },
  };
}

Deno.test("unwrap peels wrappers down to the real command", () => {
  const cases: [
    string,
    string[],
    Partial<{ sudo: boolean; query: boolean; xargs: boolean }>,
  ][] = [
    ["sudo -u root -E rm -rf x", ["rm", "-rf", "x"], { sudo: true }],
    ["env -i A=1 B=2 git status", ["git", "status"], {}],
    ["timeout -s KILL 5 make", ["make"], {}],
    ["nice -n 19 ionice -c 3 tar c .", ["tar", "c", "."], {}],
    ["command -v git", ["command", "-v", "git"], { query: true }],
    ["xargs -0 -I{} rm {}", ["rm", "{}"], { xargs: true }],
    ["xargs", ["echo"], { xargs: true }],
    ["sudo -l", ["sudo", "-l"], { query: true }],
    ["env", ["env"], {}],
    ["uv run --with x pytest", ["pytest"], {}],
    ["bundle exec rake", ["rake"], {}],
  ];
  for (const [src, argv, flags] of cases) {
    const u = unwrap(words(src).map((w) => litArg(wordText(w))));
    if (!flags.query) assert.deepEqual(u.args.map((a) => a.text), argv, src);
    for (const [k, v] of Object.entries(flags)) {
      assert.equal(u[k as keyof typeof u], v, `${src} ${k}`);
    }
  }
  assert.equal(
    unwrap(words("env -C / ls").map((w) => litArg(wordText(w)))).chdir,
    "/",
  );
  assert.equal(
    unwrap(words("watch 'rm -rf x'").map((w) => litArg(wordText(w)))).script,
    "rm -rf x",
  );
});

Deno.test("expandWord knows HOME, TMPDIR, assignments and defaults", () => {
  const st = state({ X: ["/etc"], D: ["a", "b"] });
  const e = (src: string) => expandWord(words("cmd " + src)[1], st);
  assert.equal(e("$HOME/x").text, "/home/u/x");
  assert.equal(e("~/x").text, "/home/u/x");
  assert.equal(e("~bob").text, "/home/bob");
  assert.equal(e("${TMPDIR}/b").text, "/tmp/b");
  assert.equal(e("${NOPE:-/fallback}").text, "/fallback");
  assert.equal(e("$X").text, "/etc");
  assert.deepEqual(e("$D/x").alts, ["a/x", "b/x"]);
  const u = e("/$NOPE/x");
  assert.equal(u.known, false);
  assert.equal(u.prefix, "/");
  assert.equal(e("'*'").glob, false);
  assert.equal(e("*").glob, true);
  assert.equal(e("$(ls)").subs.length, 1);
  assert.deepEqual(e("/{etc,usr}").alts, ["/etc", "/usr"]);
  assert.deepEqual(expandBraces("a{b,c}d"), ["abd", "acd"]);
  assert.deepEqual(expandBraces("{".repeat(1e5)), ["{".repeat(1e5)]);
});

Deno.test("command names are normalised", () => {
  assert.equal(commandName("/usr/bin/RM"), "rm");
  assert.equal(commandName("ｒｍ"), "rm");
  assert.equal(commandName("r\u200bm"), "rm");
  assert.equal(commandName("\u0433m"), "rm");
  assert.equal(commandName("C:\\tools\\curl.exe"), "curl");
  assert.equal(normalizeText("plain"), "plain");
  assert.equal(typeof normalizeText("\u200b".repeat(1e6)), "string");
});
