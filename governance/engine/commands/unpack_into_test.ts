import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

const FIRES = [
  "tar xf payload.tar --directory=$HOME/.claude",
  "tar -xf p.tar -C ~/.codex",
  "unzip -o hooks.zip -d ~/.codex",
  "unzip -o -d~/.claude hooks.zip",
  "cd ~/.claude && tar -xf /tmp/h.tar",
  "7z x -o$HOME/.codex -y bundle.7z",
  "cpio -idmv -D ~/.axonflow < /tmp/a.cpio",
  "tar -C / -xf /tmp/home.tar home/u/.claude/settings.json",
  "python3 -m zipfile -e /tmp/p.zip ~/.codex/",
  "python3 -m tarfile -e /tmp/p.tar ~/.claude",
  "rsync -a /tmp/evil/ ~/.claude/",
  "cp -r /tmp/evil/. ~/.codex/",
  "cp -r /tmp/evil/* ~/.codex/",
  "cp -r /tmp/hooks ~/.claude/",
  "cp -a /tmp/x/settings.json /tmp/x/hooks ~/.claude",
  "tar -xzf x.tgz -C .claude",
];

const ALLOWS = [
  "tar -xzf deps.tgz -C ./vendor",
  "unzip -o skill.zip -d ~/.claude/skills/pdf",
  "cp -r src/ dist/",
  "rsync -av ./dist/ server:/var/www/",
  "tar -tzf release.tgz",
  "tar -czf ../b.tgz .",
  "cp ~/.claude/settings.json /tmp/backup.json",
  "rsync -a ~/.claude/ backup/claude/",
  "cd ~/.claude && ls",
  "7z l bundle.7z",
  "python3 -m zipfile -l x.zip",
  "cp -r ./commands ~/.claude/",
  "cp -r agents ~/.claude",
  "rsync -a skills ~/.claude/",
];

Deno.test("unpack into: archives and folder copies into agent settings or guard folders are blocked", () => {
  for (const c of FIRES) assert.ok(blocked(c).includes("guard_tamper"), c);
});

Deno.test("unpack into: unpacking into the workspace stays allowed", () => {
  for (const c of ALLOWS) assert.deepEqual(blocked(c), [], c);
});

Deno.test("unpack into: 1 MB hostile argument lists finish fast", () => {
  for (
    const c of [
      "tar -x " + "-C a ".repeat(40_000),
      "cp -r " + "a ".repeat(60_000) + "~/.claude",
      "tar -xf x -C ~/" + "a/".repeat(5e5),
      "unzip x -d" + "~/.claude".repeat(1e5),
    ]
  ) {
    const t0 = performance.now();
    blocked(c);
    assert.ok(performance.now() - t0 < 5_000);
  }
});
