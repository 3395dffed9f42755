import assert from "node:assert/strict";
import type { Command, Script, SimpleCommand } from "./ast.ts";
import { decodeAnsiC } from "./ansi_c.ts";
import { parseScript, wordText } from "./parse.ts";

function simple(s: Script, item = 0, cmd = 0): SimpleCommand {
  const c: Command = s.items[item].pipeline.commands[cmd];
  assert.equal(c.kind, "simple");
  return c as SimpleCommand;
}

function argv(src: string): string[] {
  return simple(parseScript(src)).words.map(wordText);
}

Deno.test("words: quotes, escapes and concatenation", () => {
  assert.deepEqual(argv(`r""m -rf /`), ["rm", "-rf", "/"]);
  assert.deepEqual(argv(`'r'm -rf /`), ["rm", "-rf", "/"]);
  assert.deepEqual(argv(`\\rm -rf /`), ["rm", "-rf", "/"]);
  assert.deepEqual(argv(`echo "a b" 'c d' e\\ f`), [
    "echo",
    "a b",
    "c d",
    "e f",
  ]);
  assert.deepEqual(argv(`echo "x\\"y"`), ["echo", 'x"y']);
  assert.deepEqual(argv(`echo 'hello''world'`), ["echo", "helloworld"]);
  assert.deepEqual(argv(`echo hello \\\nworld`), ["echo", "hello", "world"]);
  assert.deepEqual(argv(`  git   reset   --hard  `), [
    "git",
    "reset",
    "--hard",
  ]);
});

Deno.test("ANSI-C quoting decodes escapes", () => {
  assert.deepEqual(argv(`$'\\x72m' -rf /`), ["rm", "-rf", "/"]);
  assert.deepEqual(argv(`$'\\162\\155' x`), ["rm", "x"]);
  assert.deepEqual(argv(`$'\\u0072m' x`), ["rm", "x"]);
  assert.equal(decodeAnsiC("a\\nb\\tc"), "a\nb\tc");
  assert.equal(decodeAnsiC("\\x4"), "\x04");
  assert.equal(decodeAnsiC("\\q"), "\\q");
  assert.equal(decodeAnsiC("\\cA"), "\x01");
  assert.equal(decodeAnsiC("trailing\\"), "trailing\\");
});

Deno.test("operators split pipelines and lists", () => {
  const s = parseScript("a && b || c; d | e & f\ng");
  assert.equal(s.items.length, 6);
  assert.deepEqual(s.items.map((i) => i.op), ["&&", "||", ";", "&", "", ""]);
  assert.equal(s.items[3].pipeline.commands.length, 2);
  assert.equal(parseScript("a |& b").items[0].pipeline.commands.length, 2);
});

Deno.test("subshells, groups and functions", () => {
  const s = parseScript("(cd / && rm -rf *); { a; b; }");
  assert.equal(s.items[0].pipeline.commands[0].kind, "subshell");
  assert.equal(s.items[1].pipeline.commands[0].kind, "group");
  const f = parseScript(":(){ :|:& };:").items[0].pipeline.commands[0];
  assert.equal(f.kind, "func");
  if (f.kind === "func") assert.equal(f.name, ":");
  const g =
    parseScript("function foo { echo hi; }").items[0].pipeline.commands[0];
  assert.equal(g.kind, "func");
});

Deno.test("expansions are kept as parts", () => {
  const w = simple(
    parseScript(
      `rm -rf "$HOME" \${TMPDIR:-/tmp}/x ~/y ~bob $(date) \`id\` $((1+2))`,
    ),
  ).words;
  assert.equal(w[2].parts[0].kind, "var");
  const v = w[3].parts[0];
  assert.equal(v.kind, "var");
  if (v.kind === "var") {
    assert.equal(v.name, "TMPDIR");
    assert.equal(v.op, ":-");
    assert.equal(v.arg, "/tmp");
  }
  assert.equal(w[4].parts[0].kind, "tilde");
  const t = w[5].parts[0];
  assert.ok(t.kind === "tilde" && t.user === "bob");
  assert.equal(w[6].parts[0].kind, "sub");
  assert.equal(w[7].parts[0].kind, "sub");
  assert.equal(w[8].parts[0].kind, "arith");
});

Deno.test("process substitution and redirections", () => {
  const c = simple(parseScript("bash <(curl -s x) > out 2>&1 < in &>> log"));
  const p = c.words[1].parts[0];
  assert.ok(p.kind === "sub" && p.form === "<");
  assert.deepEqual(c.redirects.map((r) => r.op), [">", ">&", "<", "&>>"]);
  assert.equal(c.redirects[1].fd, 2);
});

Deno.test("here-documents: plain, quoted, tab-stripped, here-strings", () => {
  const a = simple(parseScript("cat <<EOF > f\nline $(id)\nEOF\necho after"));
  assert.equal(a.redirects[0].heredoc?.body, "line $(id)");
  assert.equal(a.redirects[0].heredoc?.quoted, false);
  assert.equal(a.redirects[0].heredoc?.subs.length, 1);
  const s = parseScript("cat <<'EOF'\nrm -rf $HOME\nEOF\necho after");
  assert.equal(simple(s).redirects[0].heredoc?.quoted, true);
  assert.equal(simple(s, 1).words.map(wordText).join(" "), "echo after");
  const t = simple(parseScript("cat <<-M\n\tx\n\tM"));
  assert.equal(t.redirects[0].heredoc?.body, "x");
  const h = simple(parseScript("bash <<<'rm -rf /'"));
  assert.equal(h.redirects[0].op, "<<<");
  assert.equal(wordText(h.redirects[0].target), "rm -rf /");
  const pipe = parseScript("cat <<EOF | sh\nrm -rf /\nEOF");
  assert.equal(pipe.items[0].pipeline.commands.length, 2);
});

Deno.test("assignments and comments", () => {
  const c = simple(parseScript("A=1 B='x y' cmd arg # comment"));
  assert.deepEqual(c.assigns.map((a) => a.name), ["A", "B"]);
  assert.deepEqual(c.words.map(wordText), ["cmd", "arg"]);
  const arr = simple(parseScript("X=(a b c)"));
  assert.equal(arr.assigns[0].name, "X");
});

Deno.test("reserved words are skipped so bodies are parsed", () => {
  const s = parseScript("if command -v git >/dev/null; then rm -rf /; fi");
  const names = s.items.map((i) => {
    const c = i.pipeline.commands[0];
    return c && c.kind === "simple" ? wordText(c.words[0]) : "";
  });
  assert.ok(names.includes("rm"));
  const f = parseScript("for d in a b; do rm -rf $d; done");
  assert.ok(f.items.some((i) => {
    const c = i.pipeline.commands[0];
    return c.kind === "simple" && wordText(c.words[0]) === "rm";
  }));
});

Deno.test("garbage never throws", () => {
  for (
    const src of [
      `"unterminated`,
      `'open`,
      "$(",
      "`",
      "((((",
      "))))",
      "<<",
      "${",
      "a |",
      "&&",
      ";;",
      "\\",
      "{ a",
      "} }",
      "$'\\x",
      "x=(",
      "cat <<",
      "f() {",
    ]
  ) {
    assert.equal(typeof parseScript(src), "object");
  }
});

Deno.test("1 MB adversarial inputs parse (linear time)", () => {
  const inputs = [
    "a".repeat(1e6),
    "(".repeat(1e6),
    "$(".repeat(5e5),
    "`".repeat(1e6),
    '"'.repeat(1e6),
    "'".repeat(1e6),
    "\\".repeat(1e6),
    "<<EOF ".repeat(1.5e5),
    "cat <<a\n".repeat(1.2e5),
    "${".repeat(5e5),
    "a;".repeat(5e5),
    "a|".repeat(5e5),
    "{ ".repeat(5e5),
    "$'\\x".repeat(2e5),
    "x=".repeat(5e5),
    "\n".repeat(1e6),
    "# ".repeat(5e5),
    "$((".repeat(3e5),
    "<(".repeat(5e5),
  ];
  for (const src of inputs) {
    const s = parseScript(src);
    assert.ok(Array.isArray(s.items));
  }
});

Deno.test("every element of a pipeline counts toward the command limit; the rest is opaque", () => {
  const s = parseScript("a|".repeat(500_000) + " rm -rf ~");
  const parsed = s.items.reduce((n, it) => n + it.pipeline.commands.length, 0);
  assert.ok(parsed <= 5_001, String(parsed));
  assert.ok(s.opaque?.endsWith("rm -rf ~"));
  // Short pipelines are whole.
  const t = parseScript("cat a | grep b | wc -l");
  assert.equal(t.items[0].pipeline.commands.length, 3);
  assert.equal(t.opaque, undefined);
});

Deno.test("bash 5.3 `${ cmd; }` and `${| cmd; }` are command substitutions; `${x}` stays a variable", () => {
  for (
    const src of [
      "echo ${ rm -rf ~; }",
      "echo ${|rm -rf ~; }",
      'echo "${ rm -rf ~; }"',
    ]
  ) {
    const w = simple(parseScript(src)).words[1];
    const sub = w.parts.find((p) => p.kind === "sub");
    assert.ok(sub && sub.kind === "sub", src);
    const inner = sub.script.items[0].pipeline.commands[0] as SimpleCommand;
    assert.deepEqual(inner.words.map(wordText), ["rm", "-rf", "~"], src);
  }
  const v = simple(parseScript("echo ${HOME}/x")).words[1];
  assert.ok(v.parts.every((p) => p.kind !== "sub"));
});
