import assert from "node:assert/strict";
import {
  blockBody,
  DISABLED_PREFIX,
  parseHeader,
  removeBlock,
  scanTables,
  simpleValues,
  tablesAt,
  tomlKey,
  tomlString,
  trustedHashes,
  upsertBlock,
} from "./toml_edit.ts";

const BODY =
  '[mcp_servers.axonflow]\ncommand = "deno"\n\n[hooks.state."/h/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:ab"\n';
const OWNS = [["mcp_servers", "axonflow"], [
  "hooks",
  "state",
  "/h/hooks.json:pre_tool_use:0:0",
]];

const ORIGINALS = [
  "",
  'model = "o3"\n',
  'model = "o3"',
  "# only a comment\n\n\n",
  '# top\nmodel = "o3" # trailing\n\n[mcp_servers.other]\ncommand = "x"\nargs = [ "a",  "b" ]\n\n# between\n[features]\nplugins = false\n',
  'x = """\n[mcp_servers.axonflow]\n"""\n',
];

Deno.test("parseHeader reads bare, quoted and literal keys", () => {
  assert.deepEqual(parseHeader('[hooks.state."/a b:c"]  # c\n'), {
    path: ["hooks", "state", "/a b:c"],
    array: false,
  });
  assert.deepEqual(parseHeader("[[ x . 'y' ]]"), {
    path: ["x", "y"],
    array: true,
  });
  assert.deepEqual(parseHeader('["a\\"b"]'), { path: ['a"b'], array: false });
  assert.equal(parseHeader("key = [1, 2]"), undefined);
  assert.equal(parseHeader("[a] b"), undefined);
  assert.equal(parseHeader('  ["open'), undefined);
});

Deno.test("scanTables skips headers inside multi-line strings", () => {
  const t = scanTables('a = 1\nx = """\n[not]\n"""\n[real]\nb = 2\n');
  assert.deepEqual(t.map((x) => x.path), [["real"]]);
});

for (const [i, original] of ORIGINALS.entries()) {
  Deno.test(`upsertBlock then removeBlock gives back original #${i} byte for byte`, () => {
    const installed = upsertBlock(original, BODY, OWNS);
    assert.notEqual(installed, original);
    assert.equal(blockBody(installed), BODY);
    assert.equal(upsertBlock(installed, BODY, OWNS), installed, "idempotent");
    assert.equal(removeBlock(installed), original);
    assert.equal(tablesAt(installed, ["mcp_servers", "axonflow"]).length, 1);
  });
}

Deno.test("upsertBlock keeps the original text as a prefix", () => {
  const original = ORIGINALS[4];
  assert.ok(upsertBlock(original, BODY, OWNS).startsWith(original));
});

Deno.test("upsertBlock replaces the block in place when the body changes", () => {
  const once = upsertBlock(ORIGINALS[4] + "[after]\nz = 1\n", BODY, OWNS);
  const moved = once.replace("[after]\nz = 1\n", "") + "[after]\nz = 1\n";
  const twice = upsertBlock(moved, BODY.replace('"deno"', '"/bin/deno"'), OWNS);
  assert.ok(twice.includes('command = "/bin/deno"'));
  assert.ok(twice.endsWith("[after]\nz = 1\n"));
  assert.equal(twice.split(">>> axonflow-governance").length, 2);
});

Deno.test("a clashing table elsewhere is commented out and restored", () => {
  const original =
    '[mcp_servers.axonflow]\ncommand = "bash"\nargs = ["old"]\n\n[mcp_servers.axonflow.env]\nX = "1"\n\n[other]\na = 1\n';
  const installed = upsertBlock(original, BODY, OWNS);
  assert.ok(installed.startsWith(`${DISABLED_PREFIX}[mcp_servers.axonflow]\n`));
  assert.ok(
    installed.includes(`${DISABLED_PREFIX}[mcp_servers.axonflow.env]\n`),
  );
  assert.ok(installed.includes("\n[other]\na = 1\n"));
  assert.equal(tablesAt(installed, ["mcp_servers", "axonflow"]).length, 1);
  assert.equal(removeBlock(installed), original);
});

Deno.test("trustedHashes and simpleValues read what the block wrote", () => {
  const text = upsertBlock("", BODY, OWNS);
  assert.equal(
    trustedHashes(text).get("/h/hooks.json:pre_tool_use:0:0"),
    "sha256:ab",
  );
  const t = tablesAt(text, ["mcp_servers", "axonflow"])[0];
  assert.equal(simpleValues(text, t).command, "deno");
});

Deno.test("tomlString and tomlKey quote what needs quoting", () => {
  assert.equal(tomlString('a"b\\c\n'), '"a\\"b\\\\c\\n"');
  assert.equal(tomlKey("plain_key-1"), "plain_key-1");
  assert.equal(
    tomlKey("/p/hooks.json:pre_tool_use:0:0"),
    '"/p/hooks.json:pre_tool_use:0:0"',
  );
});

Deno.test("hostile 1 MB inputs are handled in linear time", () => {
  for (
    const s of [
      "a".repeat(1e6),
      "[".repeat(1e6),
      " ".repeat(1e6) + "x",
      '["' + "\\".repeat(1e6),
      "[a.".repeat(3e5),
      '"""\n'.repeat(2.5e5),
    ]
  ) {
    tomlKey(s);
    parseHeader(s);
    scanTables(s);
    removeBlock(s);
    simpleValues("[t]\nk = " + s + "\n", {
      path: ["t"],
      array: false,
      start: 0,
      end: s.length + 9,
    });
  }
  assert.ok(true);
});
