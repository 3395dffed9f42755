import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

const FIRES: [string, string][] = [
  [":(){ :|:& };:", "fork_bomb"],
  ["bomb(){ bomb|bomb& };bomb", "fork_bomb"],
  ["f() { f | f & }; f", "fork_bomb"],
  ["function x { x & x; }; x", "fork_bomb"],
  ["perl -e 'fork while fork'", "fork_bomb"],
  ["python3 -c 'import os\nwhile True: os.fork()'", "fork_bomb"],
  ["kill -9 -1", "kill_all_processes"],
  ["kill -KILL -1", "kill_all_processes"],
  ["kill -s KILL -1", "kill_all_processes"],
  ["kill -- -1", "kill_all_processes"],
  ["sudo kill -9 1", "kill_all_processes"],
  ["pkill -9 .", "kill_all_processes"],
  ["pkill -f '.*'", "kill_all_processes"],
  ["pkill -u u", "kill_all_processes"],
  ["killall5 -9", "kill_all_processes"],
  ["killall -9 -r '.*'", "kill_all_processes"],
  ["shutdown -h now", "shutdown"],
  ["sudo shutdown -r +1", "shutdown"],
  ["reboot", "shutdown"],
  ["halt", "shutdown"],
  ["poweroff", "shutdown"],
  ["init 0", "shutdown"],
  ["telinit 6", "shutdown"],
  ["systemctl poweroff", "shutdown"],
  ["sudo systemctl reboot", "shutdown"],
  ["history -c", "history_disable"],
  ["unset HISTFILE", "history_disable"],
  ["export HISTFILE=/dev/null", "history_disable"],
  ["HISTSIZE=0", "history_disable"],
  ["set +o history", "history_disable"],
  ["journalctl --vacuum-time=1s", "journal_vacuum"],
  ["crontab -r", "crontab_remove"],
  ["journalctl --vacuum-size=10M", "journal_vacuum"],
  ["journalctl --vacuum-files=1", "journal_vacuum"],
  ["echo b > /proc/sysrq-trigger", "sysrq_trigger"],
  ["iptables -F", "firewall_flush"],
  ["iptables --flush INPUT", "firewall_flush"],
  ["iptables -P INPUT ACCEPT && iptables -F", "firewall_flush"],
  ["ip6tables -F", "firewall_flush"],
  ["nft flush ruleset", "firewall_flush"],
  ["ufw disable", "firewall_flush"],
  ["sudo systemctl stop firewalld", "firewall_flush"],
  ["chmod -R 777 /", "chmod_recursive_system"],
  ["chmod -R 777 /*", "chmod_recursive_system"],
  ["chown -R nobody /etc", "chmod_recursive_system"],
  ["chown -R u:u /usr", "chmod_recursive_system"],
  ["chmod -R 700 ~", "chmod_recursive_system"],
  ["chgrp -R staff /var", "chmod_recursive_system"],
  ["find / -exec chmod 777 {} \\;", "chmod_recursive_system"],
  ["chmod 777 /etc/passwd", "chmod_world_writable_system"],
  ["chmod o+w /etc/sudoers", "chmod_world_writable_system"],
  ["chmod 666 /etc/hosts", "chmod_world_writable_system"],
  ["chmod u+s /bin/bash", "setuid_shell"],
  ["chmod 4755 /usr/bin/python3", "setuid_shell"],
  ["chmod +s /bin/sh", "setuid_shell"],
  ["dd if=/dev/zero of=/dev/sda bs=1M", "dd_device"],
  ["dd if=image.iso of=/dev/sdb", "dd_device"],
  ["sudo dd of=/dev/nvme0n1 if=/dev/urandom", "dd_device"],
  ["dd if=x of=/dev/mmcblk0", "dd_device"],
  ["dd if=x of=/dev/disk2", "dd_device"],
  ["dd if=x of=/dev/xvda", "dd_device"],
  ["dd if=x of=/dev/vdb", "dd_device"],
  ["dd if=x of=/dev/hda", "dd_device"],
  ["mkfs.ext4 /dev/sdb1", "mkfs"],
  ["mkfs -t xfs /dev/nvme1n1", "mkfs"],
  ["mke2fs /dev/sdc", "mkfs"],
  ["mkswap /dev/sda2", "mkfs"],
  ["diskutil eraseDisk JHFS+ X /dev/disk2", "mkfs"],
  ["wipefs -a /dev/sda", "disk_wipe"],
  ["sgdisk --zap-all /dev/sda", "disk_wipe"],
  ["blkdiscard /dev/nvme0n1", "disk_wipe"],
  ["parted /dev/sda mklabel gpt", "disk_wipe"],
  ["shred -n 3 /dev/sda", "shred_device"],
  ["shred -u /etc/passwd", "shred_device"],
  ["echo x > /dev/sda", "device_overwrite"],
  ["cat image.iso > /dev/sdb", "device_overwrite"],
  ["cp disk.img /dev/sdb", "device_overwrite"],
  ["pv disk.img | tee /dev/sdc", "device_overwrite"],
  ["echo x > /dev/mem", "memory_device_write"],
  ["truncate -s 0 /var/log/syslog", "log_wipe"],
  ["> /var/log/auth.log", "log_wipe"],
  ["cat /dev/null > /var/log/messages", "log_wipe"],
  ["shred -u /var/log/secure", "log_wipe"],
  ["> ~/.bash_history", "history_wipe"],
  ["cat /dev/null > ~/.zsh_history", "history_wipe"],
  ["ln -sf /dev/null ~/.bash_history", "history_wipe"],
  [
    "echo 'ssh-rsa AAAA attacker' >> ~/.ssh/authorized_keys",
    "authorized_keys_write",
  ],
  ["echo 'x ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers", "auth_file_write"],
  [
    "echo 'x ALL=(ALL) NOPASSWD:ALL' | sudo tee /etc/sudoers.d/x",
    "auth_file_write",
  ],
  ["echo 'r00t::0:0::/root:/bin/bash' >> /etc/passwd", "auth_file_write"],
  ["fdisk /dev/sda", "partition_edit"],
  ["auditctl -D", "audit_disable"],
  ["systemctl stop auditd", "audit_disable"],
  ["sudo auditctl -e 0", "audit_disable"],
  ["gh repo delete me/repo --yes", "repo_delete"],
  ["glab repo delete group/app --yes", "repo_delete"],
  ["gh api -X DELETE repos/acme/prod", "repo_delete"],
  ["gh api --method=DELETE /repos/acme/prod/", "repo_delete"],
  ["printf 'o\\nw\\n' | sudo fdisk /dev/sdb", "partition_edit"],
  ["echo ',,' | sudo sfdisk --force /dev/nvme0n1", "partition_edit"],
];

const WARNS: [string, string][] = [
  ["setenforce 0", "security_disable"],
  ["systemctl disable apparmor", "security_disable"],
  ["echo 127.0.0.1 x >> /etc/hosts", "system_path_write"],
  ["sed -i 's/a/b/' /etc/nginx/nginx.conf", "system_path_write"],
];

Deno.test("system: catastrophic actions fire", () => {
  for (const [cmd, policy] of FIRES) {
    assert.ok(
      fired(cmd).includes(policy),
      `${cmd} should fire ${policy}; got ${fired(cmd)}`,
    );
    assert.ok(blocked(cmd).length > 0, `${cmd} should block`);
  }
});

Deno.test("system: notable actions warn without blocking", () => {
  for (const [cmd, policy] of WARNS) {
    assert.ok(
      fired(cmd).includes(policy),
      `${cmd} should fire ${policy}; got ${fired(cmd)}`,
    );
    assert.deepEqual(blocked(cmd), [], `${cmd} must not block`);
  }
});

Deno.test("system: routine process, permission and disk work passes", () => {
  for (
    const cmd of [
      "kill -9 1234",
      "journalctl --vacuum-time=2weeks",
      "journalctl --vacuum-size=500M",
      "kill -l",
      "kill -1",
      "kill %1",
      "kill $(lsof -t -i:3000)",
      "pkill -f 'node server.js'",
      "killall node",
      "ps aux | grep node | awk '{print $2}' | xargs kill",
      "shutdown -c",
      "systemctl restart nginx",
      "systemctl status firewalld",
      "iptables -L",
      "iptables -A INPUT -p tcp --dport 22 -j ACCEPT",
      "ufw allow 22",
      "chmod -R 755 ./dist",
      "chmod +x scripts/build.sh",
      "chmod 644 *.txt",
      "chown -R $USER ~/.npm",
      "sudo chown -R u:u /home/u/proj",
      "chmod 600 ~/.ssh/id_rsa",
      "dd if=/dev/zero of=./disk.img bs=1M count=10",
      "dd if=/dev/sda of=backup.img",
      "mkfs.ext4 ./disk.img",
      "fdisk -l",
      "parted /dev/sda print",
      "lsblk",
      "shred -u secret.txt",
      "echo hi > /dev/null",
      "cmd 2>/dev/null",
      "echo x > /dev/stderr",
      "history | tail",
      "journalctl -u nginx --since today",
      "crontab -l",
      "gh repo view",
      "truncate -s 0 app.log",
      "> out.log",
      "docker rm -f abc",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("permissions: the home given to another owner blocks, the usual repair passes", () => {
  for (
    const cmd of [
      "sudo chown -R nobody:nogroup ~",
      "sudo chown -R root ~",
      "chown -R 0:0 /home/u",
      "sudo chown -hR www-data $HOME",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "sudo chown -R $USER:$USER ~",
      "sudo chown -R u:u ~",
      "sudo chown -R $(id -u):$(id -g) ~",
      "sudo chown -R 1000:1000 ~",
      "chown -R www-data:www-data ~/proj/public",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("system: setcap of a root-equivalent capability on a shell or interpreter blocks", () => {
  for (
    const cmd of [
      "sudo setcap cap_setuid+ep /usr/bin/python3",
      "setcap all+ep /bin/sh",
      "setcap cap_dac_read_search+ep ./bash",
    ]
  ) {
    assert.ok(blocked(cmd).includes("setuid_shell"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "sudo setcap cap_net_bind_service=+ep /usr/local/bin/caddy",
      "sudo setcap cap_net_raw+ep ./target/release/pinger",
      "getcap /usr/bin/ping",
      "sudo setcap -r /usr/bin/python3",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
