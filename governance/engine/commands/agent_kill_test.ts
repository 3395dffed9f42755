import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

const FIRES = [
  "pkill codex",
  "pkill -9 -f claude",
  "killall -KILL codex",
  "sudo pkill -f 'node.*claude'",
  "pkill -f pre_tool_use",
  "kill -9 $PPID",
  "kill -STOP $PPID",
  'kill -KILL "$(ps -o ppid= -p $$)"',
  "kill -9 $(pgrep -f 'claude')",
  "kill $(pidof codex)",
  "pgrep -f codex | xargs kill -9",
  "ps aux | grep claude | awk '{print $2}' | xargs kill",
  "kill -TERM -- -$(ps -o pgid= $PPID | tr -d ' ')",
  "kill $(cat /proc/$$/stat | cut -d' ' -f4)",
  "xargs kill -9 < <(pgrep codex)",
  "ps -ef | awk '/[c]odex/{print $2}' | xargs -r kill",
];

const ALLOWS = [
  "kill -0 $PPID",
  "kill $(lsof -t -i :3000)",
  "pkill -f 'vite --port 5173'",
  "pkill -f codex-mock-server",
  "kill -INT %2",
  "kill $(cat .dev.pid)",
  "ps -o ppid= -p $$",
  "pgrep -f claude",
  "kill -l",
  "pkill -f 'node server.js'",
];

Deno.test("agent kill: stopping the agent, its parent or the guard is blocked", () => {
  for (const c of FIRES) {
    assert.ok(blocked(c).includes("kill_agent"), c);
  }
});

Deno.test("agent kill: stopping your own processes is allowed", () => {
  for (const c of ALLOWS) {
    assert.ok(!blocked(c).includes("kill_agent"), c);
  }
});

Deno.test("agent kill: a 1 MB hostile pattern finishes fast", () => {
  // One 1 MB word for the patterns, a long word list for the loops.
  for (
    const c of [
      `pkill -f '${"/".repeat(500_000)}${"codex".repeat(100_000)}'`,
      `kill -9 $(pgrep '${"[c]".repeat(330_000)}')`,
      `kill ${"$PPIDx".repeat(160_000)}`,
      `pgrep x | xargs kill ${"1 ".repeat(50_000)}`,
    ]
  ) {
    const t0 = performance.now();
    blocked(c);
    assert.ok(performance.now() - t0 < 5_000, c.slice(0, 20));
  }
});

Deno.test("agent kill: pids read in a loop or looked up as the parent", () => {
  for (
    const cmd of [
      "pgrep codex | while read p; do kill $p; done",
      "pidof claude | while read -r p; do kill -9 ${p}; done",
      "ps -o ppid= $$ | xargs kill -9",
      'ps -o ppid= $$ | while read p; do kill -9 "$p"; done',
    ]
  ) {
    assert.ok(blocked(cmd).includes("kill_agent"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "pgrep -f 'node server.js' | while read p; do kill $p; done",
      "lsof -ti :3000 | xargs kill",
      "ps -o pid= -p 123 | xargs kill",
      "pgrep -f webpack | xargs kill",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("agent memory: dumping or reading the agent's memory blocks", () => {
  for (
    const cmd of [
      "sudo gcore -o /tmp/core $PPID",
      'gdb -p $(pgrep -f claude) -batch -ex "gcore /tmp/c"',
      "dd if=/proc/$PPID/mem bs=1 skip=1000 count=100",
      "lldb -p $PPID",
    ]
  ) {
    assert.ok(
      blocked(cmd).includes("agent_memory_read"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  for (
    const cmd of [
      "gdb ./a.out core",
      "gcore 12345",
      "cat /proc/self/maps",
      "cat /proc/$PPID/maps",
      "gdb -p $(pgrep -f my-server)",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
