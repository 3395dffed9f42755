import assert from "node:assert/strict";
import {
  checkTaint,
  clearTaint,
  listTaints,
  MAX_SESSIONS,
  readTaint,
  sessionKey,
  setTaint,
  taintPath,
} from "./store.ts";

const seen = (tool = "Bash") => ({
  at: new Date().toISOString(),
  tool,
  source: "the command `cat page.html`",
  policies: ["sys_injection_override"],
});

Deno.test("taint lifetime: clean, set, counted, per session, cleared", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.equal(readTaint(dir, "a"), undefined);
    assert.equal(setTaint(dir, "a", seen()).first, true);
    const again = setTaint(dir, "a", seen("WebFetch"));
    assert.equal(again.first, false);
    assert.equal(again.state.count, 2);
    assert.equal(again.state.tool, "Bash", "the first source is kept");
    assert.equal(readTaint(dir, "b"), undefined, "other sessions stay clean");
    setTaint(dir, "b", seen());
    assert.equal(listTaints(dir).length, 2);
    assert.deepEqual(clearTaint(dir, "a").map((t) => t.sessionId), ["a"]);
    assert.equal(readTaint(dir, "a"), undefined);
    assert.ok(readTaint(dir, "b"));
    assert.equal(clearTaint(dir).length, 1);
    assert.equal(listTaints(dir).length, 0);
    const st = await Deno.stat(`${dir}/taint`);
    assert.equal(st.mode! & 0o777, 0o700);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("taint: a damaged or foreign file counts as tainted (fail closed), and can be cleared", async () => {
  const dir = await Deno.makeTempDir();
  try {
    setTaint(dir, "s", seen());
    await Deno.writeTextFile(taintPath(dir, "s"), "{not json");
    const t = readTaint(dir, "s");
    assert.ok(t?.damaged);
    await Deno.writeTextFile(
      taintPath(dir, "s"),
      JSON.stringify({ ...readTaint(dir, "zz"), version: 2 }),
    );
    assert.ok(readTaint(dir, "s")?.damaged);
    assert.equal(clearTaint(dir, "s").length, 1);
    assert.equal(readTaint(dir, "s"), undefined);
    assert.equal(typeof checkTaint([]), "string");
    assert.equal(typeof checkTaint({ version: 1, sessionId: 3 }), "string");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("taint: session keys are file-safe and distinct; the folder is bounded", async () => {
  assert.equal(sessionKey("019abc-DEF_1"), "019abc-DEF_1");
  assert.notEqual(sessionKey("../x"), sessionKey("__x"));
  assert.ok(!sessionKey("../../etc/passwd").includes("/"));
  const dir = await Deno.makeTempDir();
  try {
    for (let i = 0; i < MAX_SESSIONS + 10; i++) setTaint(dir, `s${i}`, seen());
    assert.ok([...Deno.readDirSync(`${dir}/taint`)].length <= MAX_SESSIONS);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
