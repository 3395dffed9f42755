import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";
import { evaluate } from "../mod.ts";

const GONE = [
  "git ls-files | xargs rm -f",
  "git ls-files -z | xargs -0 rm -rf --",
  "git ls-files | tr '\\n' '\\0' | xargs -0 shred -u",
  "rm -f $(git ls-files)",
  "git -C /home/u/proj ls-files -z | xargs -0 rm -f",
  "git ls-files --cached . | xargs rm",
  "rm -rf * .[!.]*",
  "rm -rf ./* ./.??*",
  "rm -rf ./* && rm -rf .git",
  "ls -A | xargs rm -rf",
  "rsync -a --delete /tmp/empty/ ./",
  'rsync -a --delete "$(mktemp -d)/" /home/u/proj/',
  'git ls-files | while read f; do rm "$f"; done',
  'for f in $(git ls-files); do rm -f "$f"; done',
  "git ls-files -co --exclude-standard | xargs rm -f",
  'mapfile -t f < <(git ls-files); rm -f "${f[@]}"',
  "git ls-files | xargs git rm -f",
  "git ls-files | xargs -n1 -I{} sh -c 'rm -f \"{}\"'",
  'ls -A | while read -r f; do rm -rf "$f"; done',
  "git ls-tree -r --name-only HEAD | xargs rm -f",
];

const ROUTINE = [
  "git ls-files | xargs wc -l",
  "git ls-files '*.ts' | xargs deno fmt",
  "git ls-files --others --exclude-standard -z | xargs -0 rm -f",
  "git ls-files --deleted -z | xargs -0 git rm --cached",
  "git ls-files '*.orig' | xargs rm -f",
  "git ls-files | grep '\\.orig$' | xargs rm -f",
  "rm -rf *",
  "rm -rf .git",
  "cd build && rm -rf * .[!.]*",
  "ls -A | xargs -n1 du -sh",
  "rsync -a --delete build/ public/",
  "rsync -av --delete dist/ deploy@staging:/srv/www/",
  'git ls-files | while read f; do wc -l "$f"; done',
  "git ls-files '*.orig' | while read f; do rm \"$f\"; done",
  "git ls-files -o | xargs rm -f",
  'mapfile -t f < <(git ls-files "*.ts"); deno fmt "${f[@]}"',
  "git rm -r --cached .",
  "git checkout --orphan gh-pages && git rm -rf .",
  "git ls-files | xargs -I{} sh -c 'wc -l {}'",
];

Deno.test("workspace_gone: every tracked file, or the files and .git together, block", () => {
  for (const c of GONE) {
    assert.ok(blocked(c).includes("workspace_delete"), c);
  }
});

Deno.test("workspace_gone: a filtered listing, one half alone, or a subfolder pass", () => {
  for (const c of ROUTINE) assert.deepEqual(blocked(c), [], c);
});

Deno.test("workspace_gone: through evaluate(), with a reason and a suggestion", () => {
  const d = evaluate({
    toolName: "Bash",
    input: { command: "git ls-files | xargs rm -f" },
    home: "/home/dev",
    cwd: "/home/dev/project",
    profile: "standard",
  });
  assert.equal(d.allowed, false);
  assert.match(d.reason, /every file git tracks/);
});

Deno.test("workspace_gone: hostile ls and ls-files flags are judged quickly", () => {
  const t0 = performance.now();
  blocked("ls -" + "a".repeat(50_000) + "Z | xargs rm -rf");
  blocked("git ls-files " + "-z ".repeat(20_000) + "| xargs rm");
  assert.ok(performance.now() - t0 < 2_000);
});

Deno.test("workspace_gone: dotglob, negated find tests, substituted and array listings", () => {
  for (
    const c of [
      "shopt -s dotglob && rm -rf *",
      "GLOBIGNORE=.:..; rm -rf *",
      "(shopt -s dotglob; rm -rf -- *)",
      "find . -maxdepth 1 ! -name . -exec rm -rf {} +",
      "xargs rm -f < <(git ls-files)",
      "xargs -a <(git ls-files) rm -f",
      "rm -rf $(ls -a)",
      'set -- * .[!.]*; rm -rf "$@"',
      'a=(* .[!.]*); rm -rf "${a[@]}"',
    ]
  ) assert.ok(blocked(c).includes("workspace_delete"), c);
  for (
    const c of [
      "shopt -s dotglob; cd build && rm -rf *",
      "shopt -s globstar; rm -rf **/node_modules",
      "find . -type d ! -name '.git' -name node_modules -prune -exec rm -rf {} +",
      "xargs wc -l < <(git ls-files)",
      'files=(*.log); rm -f "${files[@]}"',
      'set -- *.log; rm -f "$@"',
    ]
  ) assert.deepEqual(blocked(c), [], c);
});

Deno.test("workspace_gone: every tracked file emptied, blanked or locked in place", () => {
  for (
    const c of [
      "git ls-files | xargs truncate -s 0",
      "git ls-files | xargs sed -i d",
      "git ls-files | xargs -I{} cp /dev/null {}",
      "git ls-files -z | xargs -0 chmod 000",
    ]
  ) assert.ok(blocked(c).includes("workspace_delete"), c);
  for (
    const c of [
      "git ls-files | xargs sed -i 's/foo/bar/g'",
      "git ls-files '*.py' | xargs sed -i 's/foo/bar/'",
      "git ls-files | xargs chmod 644",
      "git ls-files | xargs cp -t /tmp/backup",
      "truncate -s 0 logs/app.log",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});
