import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

// Resolving what the shell resolves before judging (issue 9, design point 1).
const HIDDEN_WORDS: string[] = [
  "a=rm; $a -rf ~",
  "IFS=_; c=rm_-rf_$HOME; $c",
  "c='chmod -R 777 /'; $c",
  "{rm,-rf,~}",
  "$'\\x72m' -rf ~",
  "$'\\162m' -rf ~",
  "$(printf 'r%s' m) -rf ~",
  "`printf rm` -rf ~",
  "$(echo rm) -rf $(echo ~)",
  "$(base64 -d <<< cm0=) -rf ~",
  "cmd=$(echo cm0gLXJmIH4= | base64 -d); $cmd",
  "$(which rm) -rf ~",
  'rm -rf "${HOME:?}"',
  'rm -rf "${HOME%/}"',
  "rm -rf ${x:-~}",
  'x=$(echo ~); rm -rf "$x"',
  'rm -rf "$(dirname ~/x)"',
  'n=HOME; rm -rf "${!n}"',
  'set -- rm -rf ~; "$@"',
  'f() { rm -rf "$1"; }; f ~',
  'g() { "$@"; }; g rm -rf ~',
  'arr=(rm -rf ~); "${arr[@]}"',
  'a=(-rf ~); rm "${a[@]}"',
  "printf -v c 'rm'; $c -rf ~",
  "read -r c <<< rm; $c -rf ~",
  "cd ~ && rm -rf .",
  "mapfile -t a <<< 'rm -rf ~'; eval \"${a[0]}\"",
  'c=(rm -rf ~); "${c[@]:0:3}"',
  'rm -rf "$(eval echo ~)"',
  "u=$(whoami); rm -rf /home/$u",
  "$(:) rm -rf ~",
  "x=; $x rm -rf ~",
  'rm -rf "$(cd ~ && pwd)"',
  'rm -rf "$(realpath ~)"',
  'while read d; do rm -rf "$d"; done <<< ~',
  'echo ~ | while read d; do rm -rf "$d"; done',
  "cd; rm -rf *",
  "eval 'r''m -rf $HOME'",
  "X=$'rm\\x20-rf\\x20~'; eval \"$X\"",
];

const ROUTINE: string[] = [
  'x=dist; rm -rf "$x"',
  "rm -rf ./{dist,build,coverage}",
  "mkdir -p src/{components,hooks,utils}",
  'set -- a b c; echo "$@"',
  'f() { echo "$1"; }; f hi',
  'arr=(a b c); echo "${arr[@]}"',
  'IFS=, read -r a b <<< "1,2"; echo $a',
  "cmd=ls; $cmd -la",
  "echo $(printf 'r%s' m)",
  'h="${HOME:?}"; ls "$h/.config"',
  'f() { rm -rf "$1"; }; f build',
  'rm -rf "$(pwd)/dist"',
  'while read f; do gzip "$f"; done < list.txt',
  'echo dist | while read d; do rm -rf "$d"; done',
  '"$(:)" ls',
  'echo "$(whoami)"',
  'd=$(mktemp -d); rm -rf "$d"',
];

Deno.test("expand: hidden command words and targets are resolved and blocked", () => {
  for (const cmd of HIDDEN_WORDS) assert.ok(blocked(cmd).length > 0, cmd);
});

Deno.test("expand: routine look-alikes stay allowed", () => {
  for (const cmd of ROUTINE) assert.deepEqual(blocked(cmd), [], cmd);
});

Deno.test("expand: the guard's and the agents' folder variables resolve to their folders", () => {
  for (
    const cmd of [
      ': > "$AXONFLOW_HOME/audit.db"',
      'rm -rf "${AXONFLOW_HOME}"',
      "echo 'hooks = false' >> $CODEX_HOME/config.toml",
      "rm -f $CLAUDE_CONFIG_DIR/settings.json",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      'ls "$AXONFLOW_HOME"',
      "cat $CODEX_HOME/config.toml",
      'sqlite3 "$AXONFLOW_HOME/audit.db" "select count(*) from events"',
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("expand: IFS-joined arrays, read with its own IFS, namerefs, the account's home", () => {
  for (
    const cmd of [
      "parts=(r m ' -rf' ' ~'); eval \"$(IFS=; echo \"${parts[*]}\")\"",
      'IFS=; p=(r m); $(echo "${p[*]}") -rf ~',
      'IFS=: read a b <<< "rm:-rf"; $a $b ~',
      'IFS=, read -r c f <<< "rm,-fr"; $c $f /home/u',
      'typeset -n ref=HOME; rm -rf "$ref"',
      'declare -n t=HOME; find "$t" -delete',
      'rm -rf "$(getent passwd u | cut -d: -f6)"',
      'rm -rf "$(getent passwd $USER | cut -d: -f6)"/',
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      'a=(x y); IFS=,; echo "${a[*]}"',
      'files=(a.txt b.txt); rm -f "${files[@]}"',
      'IFS=, read -r x y <<< "a,b"; echo $x',
      "while IFS=: read -r user _ uid _; do echo $user; done < /etc/passwd",
      "declare -n r=HOME; echo $r",
      'rm -rf "$(getent passwd www-data | cut -d: -f6)/cache"',
      "getent passwd u | cut -d: -f6",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("expand: ~+ is the working folder, ~- and $OLDPWD the one before, cd - goes back", () => {
  for (
    const cmd of [
      "rm -rf ~+/..",
      'cd /tmp; cd ~; cd /tmp; rm -rf "$OLDPWD"',
      "cd ~ && cd /tmp && rm -rf ~-",
      "cd ~ && cd /tmp && cd - && rm -rf ./*",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "cd /tmp/x && cd - && rm -rf node_modules",
      "ls ~+/src",
      "cd build && cd - && ls",
      "rm -rf ~+/dist",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("expand: arrays given to declare/typeset/local, by index and by key", () => {
  for (
    const cmd of [
      'declare -A t=([k]=$HOME); rm -rf "${t[k]}"',
      "declare -A m=([a]=rm); ${m[a]} -rf ~",
      'typeset -a p=(rm -rf ~); "${p[@]}"',
      'a=([0]=/tmp [1]=$HOME); rm -rf "${a[1]}"',
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      'declare -A cfg=([out]=dist); rm -rf "./${cfg[out]}"',
      'declare -a xs=(a b); echo "${xs[1]}"',
      'local -a dirs=(build dist); rm -rf "${dirs[@]}"',
      "export PATH=$HOME/bin:$PATH",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
