import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("accounts: root accounts, password changes and admin groups block", () => {
  for (
    const cmd of [
      "sudo useradd -o -u 0 -g 0 -M -N toor",
      "useradd --uid 0 --non-unique backup2",
      "usermod -u 0 -o agent",
      "echo 'root:hunter2' | sudo chpasswd",
      "sudo passwd -d root",
      "echo pw | passwd --stdin root",
      "sudo usermod -aG sudo agent",
      "usermod -a -G wheel agent",
      "usermod --groups admin,users agent",
      "sudo adduser agent sudo",
      "gpasswd -a agent wheel",
    ]
  ) {
    assert.ok(
      blocked(cmd).includes("account_backdoor"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
});

Deno.test("accounts: everyday account work passes", () => {
  for (
    const cmd of [
      "id -u",
      "groups",
      "sudo usermod -aG docker $USER",
      "sudo useradd -m -s /bin/bash ci",
      "passwd",
      "adduser --disabled-password deploy",
      "getent passwd root",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("accounts: a setuid copy of a shell blocks", () => {
  for (
    const cmd of [
      "cp /bin/bash /tmp/x; chmod u+s /tmp/x",
      "cp /bin/sh ./s && chmod 4755 ./s",
      "sudo install -m 4755 /bin/sh /usr/local/bin/rootsh",
    ]
  ) assert.ok(blocked(cmd).includes("setuid_shell"), `${cmd}: ${fired(cmd)}`);
  assert.deepEqual(blocked("cp build/app /tmp/app; chmod u+x /tmp/app"), []);
  assert.deepEqual(blocked("install -m 0755 bin/tool ~/.local/bin/tool"), []);
});

Deno.test("accounts: bulk and platform account tools", () => {
  for (
    const cmd of [
      "sudo newusers < users.txt",
      "sudo dscl . -create /Users/x UniqueID 0",
      "sudo dseditgroup -o edit -a agent -t user admin",
      "pw useradd toor -u 0 -o",
      "history -d 120",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  assert.deepEqual(blocked("dscl . -read /Users/dev"), []);
});

Deno.test("accounts: opening the SSH server to root by password blocks; hardening it passes", () => {
  for (
    const c of [
      "sudo sed -i 's/^#\\?PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config",
      "echo 'PermitRootLogin yes' | sudo tee -a /etc/ssh/sshd_config",
      "printf 'PermitEmptyPasswords yes\\n' | sudo tee /etc/ssh/sshd_config.d/10-x.conf",
    ]
  ) assert.ok(blocked(c).includes("account_backdoor"), c);
  for (
    const c of [
      "sudo sed -i 's/PermitRootLogin yes/PermitRootLogin no/' /etc/ssh/sshd_config",
      "grep PermitRootLogin /etc/ssh/sshd_config",
      "echo 'PermitRootLogin yes' >> notes.md",
    ]
  ) assert.ok(!blocked(c).includes("account_backdoor"), c);
});
