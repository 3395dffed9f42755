import assert from "node:assert/strict";
import { evaluate } from "./evaluate_all.ts";

const base = { cwd: "/home/u/p", home: "/home/u" };
const startupEnv = {
  BASH_ENV: "/home/u/.bash_env",
  ENV: "/home/u/.shinit",
  ZDOTDIR: "/home/u/.config/zd",
};

function blocked(toolName: string, input: unknown, withEnv: boolean): boolean {
  return !evaluate({
    ...base,
    toolName,
    input,
    ...(withEnv ? { startupEnv } : {}),
  }).allowed;
}

Deno.test("startupEnv: the files BASH_ENV, ENV and ZDOTDIR name are start-up files", () => {
  const attacks: [string, unknown][] = [
    ["Bash", { command: "echo 'exit 0' >> \"$BASH_ENV\"" }],
    ["Bash", { command: "echo 'exit 0' >> ~/.bash_env" }],
    ["Bash", { command: "printf 'deno() { :; }\\n' >> $ENV" }],
    ["Bash", { command: "echo 'exit 0' > \"$ZDOTDIR/.zshenv\"" }],
    ["Write", { file_path: "/home/u/.bash_env", content: "exit 0\n" }],
    ["apply_patch", {
      command:
        "*** Begin Patch\n *** Add File: /home/u/.config/zd/.zshenv\n+exit 0\n*** End Patch",
    }],
  ];
  for (const [tool, input] of attacks) {
    assert.equal(blocked(tool, input, true), true, JSON.stringify(input));
  }
  // without the variables those files are ordinary
  assert.equal(blocked("Write", attacks[4][1], false), false);
  // routine edits of the same files stay allowed
  assert.equal(
    blocked("Bash", {
      command: 'echo \'export PATH="$HOME/.cargo/bin:$PATH"\' >> "$BASH_ENV"',
    }, true),
    false,
  );
  assert.equal(blocked("Bash", { command: 'cat "$BASH_ENV"' }, true), false);
});

Deno.test("an apply_patch heredoc sent as a shell command is judged like the patch itself", () => {
  const patch =
    "*** Begin Patch\n *** Add File: /home/u/.zshenv\n+exit 0\n*** End Patch";
  assert.equal(blocked("apply_patch", { command: patch }, false), true);
  assert.equal(
    blocked("Bash", { command: `apply_patch <<'EOF'\n${patch}\nEOF` }, false),
    true,
  );
  assert.equal(
    blocked("Bash", {
      command:
        "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: notes.md\n+hello\n*** End Patch\nEOF",
    }, false),
    false,
  );
});
