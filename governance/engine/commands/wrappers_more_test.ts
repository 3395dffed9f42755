import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("wrappers: screen, parallel and bind mounts run what they wrap", () => {
  for (
    const c of [
      "screen -dmS x rm -rf ~",
      "parallel rm -rf ::: ~",
      "parallel 'rm -rf {}' ::: ~",
      "ls / | parallel rm -rf /{}",
      "mount --bind /home/u /tmp/m && rm -rf /tmp/m/*",
      "sudo mount -o bind ~ /mnt/h && rm -rf /mnt/h",
      "bindfs ~ /tmp/b && rm -rf /tmp/b/",
    ]
  ) assert.ok(blocked(c).length > 0, c);
});

Deno.test("wrappers: routine screen, parallel and mounts pass", () => {
  for (
    const c of [
      "screen -S dev -dm npm run dev",
      "screen -r",
      "parallel gzip ::: *.log",
      "parallel -j4 echo {} ::: a b c",
      "sudo mount --bind ./data /mnt/data && rm -rf /mnt/data/tmp",
      "mount /dev/sdb1 /mnt/usb",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});

Deno.test("wrappers: toolchain and secret managers run the rest of the line", () => {
  for (
    const c of [
      "conda run -n base rm -rf ~",
      "op run -- rm -rf ~",
      "aws-vault exec prod -- rm -rf ~",
      "doppler run -- rm -rf ~",
      "mise exec node@20 -- rm -rf ~",
      "nix develop -c rm -rf ~",
      "nix-shell --run 'rm -rf ~'",
      "npx -c 'rm -rf ~'",
      "npm exec -c 'rm -rf ~'",
      "podman unshare rm -rf ~",
      "direnv exec . rm -rf ~",
      "nvm exec 20 rm -rf ~",
    ]
  ) assert.ok(blocked(c).includes("rm_home"), c);
  for (
    const c of [
      "conda run -n base python -m pytest",
      "op run --env-file .env -- npm start",
      "aws-vault exec dev -- aws s3 ls",
      "mise exec -- node -v",
      "nix develop -c cargo build",
      "nix-shell --run 'make test'",
      "npx -c 'eslint .'",
      "podman unshare ls ~/.local/share/containers",
      "nvm exec 20 npm test",
      "nix build .#pkg",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});

Deno.test("wrappers: a root shell opened without a command runs what stdin holds", () => {
  for (
    const cmd of [
      "sudo -s <<< 'rm -rf /'",
      "echo 'rm -rf /' | sudo -i",
      "sudo -is <<EOF\nrm -rf /home\nEOF",
      "sudo --login <<< 'mkfs.ext4 /dev/nvme0n1p2'",
      "doas -s <<< 'dd if=/dev/zero of=/dev/sda'",
      "su root <<< 'rm -rf /etc'",
      "printf 'wipefs -a /dev/sdb\\n' | su -",
      "runuser -u root <<< 'rm -rf /usr'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
});

Deno.test("wrappers: root shells and routine stdin pass", () => {
  for (
    const cmd of [
      "sudo -s",
      "sudo -i",
      "su -",
      "sudo -s <<< 'apt-get update'",
      "echo 'systemctl restart nginx' | sudo -i",
      "su postgres <<< 'psql -l'",
      "sudo -u postgres -i psql",
      "sudo -E npm install -g pnpm",
      "sudo -l",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("wrappers: file watchers, process runners and agents run the command they are given", () => {
  for (
    const cmd of [
      "ls | entr -s 'rm -rf ~'",
      "ls | entr rm -rf ~",
      "nodemon --exec 'rm -rf ~'",
      "npx nodemon -x 'rm -rf ~'",
      "watchexec -- rm -rf ~",
      "watchexec 'rm -rf ~'",
      "chokidar '**' -c 'rm -rf ~'",
      "npx concurrently 'rm -rf ~' 'npm start'",
      "make --eval='x: ; rm -rf ~' x",
      "ssh-agent sh -c 'rm -rf ~'",
      "dbus-launch sh -c 'rm -rf ~'",
      "toybox rm -rf ~",
      "awk 'BEGIN{\"rm -rf ~\" | getline}'",
      'awk \'BEGIN{print "x" | "rm -rf ~"}\'',
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "watchexec -e py 'pytest -q'",
      "npx concurrently -n api,web 'npm run api' 'npm run web'",
      "eval $(ssh-agent)",
      "ssh-agent -s",
      "awk '{print $1 | \"sort -u\"}' f",
      "nodemon --exec 'npm test'",
      "ls *.go | entr -r go run .",
      "make --eval='print-%: ; @echo $*' print-CC",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("wrappers: env --split-string=TEXT is a command line", () => {
  assert.ok(blocked("env --split-string='rm -rf ~'").length > 0);
  assert.deepEqual(
    blocked("env --split-string='node --max-old-space-size=4096' app.js"),
    [],
  );
});

Deno.test("wrappers: launchers, debuggers and benchmarkers run the program they are given", () => {
  for (
    const cmd of [
      "launchctl asuser 501 rm -rf /home/u",
      "machinectl shell root@ /bin/sh -c 'rm -rf /'",
      "proot -0 rm -rf ~",
      "gdb --args rm -rf ~",
      "lldb -- rm -rf ~",
      "hyperfine 'rm -rf ~'",
      "hyperfine -w 3 -p 'rm -rf ~' 'ls'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "hyperfine --warmup 3 'npm test' 'pnpm test'",
      "gdb -p 1234",
      "gdb --args ./a.out --verbose",
      "launchctl list",
      "machinectl list",
      "proot -r ./rootfs /bin/sh",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("shells with their own syntax (nu, elvish, xonsh, osh) run their -c text and stdin", () => {
  for (
    const cmd of [
      "nu -c 'rm -rf ~'",
      "nushell -c 'rm -r -f ~'",
      "elvish -c 'rm -rf ~'",
      "echo 'rm -rf ~' | nu",
      "osh -c 'rm -rf ~'",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "nu -c 'ls | where size > 1mb'",
      "xonsh -c 'ls'",
      "nu script.nu",
      "elvish -c 'echo hi'",
    ]
  ) assert.deepEqual(blocked(cmd), [], cmd);
});
