import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

const FIRES: [string, string][] = [
  ["git bisect run sh -c 'rm -rf ~'", "rm_home"],
  ["git -C repo bisect run rm -rf /home/u", "rm_home"],
  ["git rebase -i --exec 'rm -rf ~/' HEAD~3", "rm_home"],
  ["git rebase -x 'rm -rf ~' main", "rm_home"],
  ["git rebase --exec='rm -rf ~' main", "rm_home"],
  ["git submodule foreach --recursive 'rm -rf ~ || true'", "rm_home"],
  ["git submodule --quiet foreach rm -rf ~", "rm_home"],
  ["git filter-branch --tree-filter 'rm -rf ~' HEAD", "rm_home"],
  ["git difftool --extcmd='rm -rf ~' HEAD", "rm_home"],
  ["hg --config hooks.pre-status='rm -rf ~' status", "rm_home"],
  ["hg --config 'alias.x=!rm -rf ~' x", "rm_home"],
  ["flock -x /tmp/l -c 'rm -rf ~'", "rm_home"],
  ["flock --command 'rm -rf ~' /tmp/l", "rm_home"],
  ["xterm -hold -e 'rm -rf ~'", "rm_home"],
  ["xterm -e rm -rf ~", "rm_home"],
  ["gnome-terminal -- bash -c 'rm -rf ~'", "rm_home"],
  ["xfce4-terminal --command='rm -rf ~'", "rm_home"],
  ["wezterm start -- rm -rf ~", "rm_home"],
  ["ansible localhost -m shell -a 'rm -rf ~'", "rm_home"],
  ["ansible all -a 'rm -rf /home/u'", "rm_home"],
  ["ansible all -m ansible.builtin.raw -a 'rm -rf ~'", "rm_home"],
  ["make -f - <<'M'\nx:\n\trm -rf $$HOME\nM", "rm_home"],
  ["/usr/bin/env -S bash -c 'rm -rf ~/'", "rm_home"],
  ["parallel {} ::: 'rm -rf ~'", "rm_home"],
  ["sudo -s -- 'rm -rf /home/u'", "rm_home"],
  ["cmake -E rm -rf /home/u", "rm_home"],
  ["cmake -E remove_directory ~", "rm_home"],
  ["capsh -- -c 'rm -rf ~'", "rm_home"],
  ["setpriv --reuid=1000 rm -rf ~", "rm_home"],
  ["schroot -c jammy -- rm -rf /home/u", "rm_home"],
  ["distrobox enter box -- rm -rf ~", "rm_home"],
  ["toolbox run rm -rf ~", "rm_home"],
  ["perf record -- rm -rf ~", "rm_home"],
  ["devcontainer exec --workspace-folder . rm -rf ~", "rm_home"],
  ["runuser -u u -- rm -rf /home/u", "rm_home"],
  ["salt '*' cmd.run 'rm -rf ~'", "rm_home"],
];

const ALLOWS = [
  "git bisect run npm test",
  "git rebase -i --exec 'deno test -A' origin/main",
  "git submodule foreach git pull origin main",
  "git filter-branch --msg-filter 'sed s/foo/bar/' HEAD~3..HEAD",
  "hg --config ui.username=me commit -m x",
  "flock /tmp/build.lock make -j4",
  "xterm -e htop",
  "gnome-terminal --tab",
  "kitty -c ~/.config/kitty/alt.conf",
  "ansible all -i inventory.ini -m ping",
  "ansible web -m ansible.builtin.copy -a 'src=a dest=/tmp/a'",
  "env -S 'NODE_ENV=test' node --version",
  "/usr/bin/env -S deno run --allow-read main.ts",
  "parallel {} ::: a.txt b.txt",
  "sudo -i",
  "make -f - <<'M'\nx:\n\techo hi\nM",
  "cmake -E rm -rf build",
  "cmake -S . -B build",
  "cmake -E env CC=clang make",
  "perf stat -- make",
  "distrobox enter box -- make test",
  "toolbox run -c fedora npm test",
];

Deno.test("given runs: the command a program is given is judged", () => {
  for (const [c, p] of FIRES) assert.ok(blocked(c).includes(p), c);
});

Deno.test("given runs: routine uses stay allowed", () => {
  for (const c of ALLOWS) assert.deepEqual(blocked(c), [], c);
});

Deno.test("given runs: 1 MB hostile option lists finish fast", () => {
  for (
    const c of [
      "git rebase " + "--exec x ".repeat(30_000),
      "git rebase --exec '" + "x".repeat(1e6) + "'",
      "hg --config hooks.a=" + "b".repeat(1e6),
      "xterm " + "-e".repeat(500_000),
      "ansible all " + "-m x ".repeat(40_000),
      "cmake -E rm " + "-rf ".repeat(40_000),
    ]
  ) {
    const t0 = performance.now();
    blocked(c);
    assert.ok(performance.now() - t0 < 1_000, c.slice(0, 20));
  }
});
