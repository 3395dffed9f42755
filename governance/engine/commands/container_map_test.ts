import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

const ON_HOST: [string, string][] = [
  [
    "docker run --rm -v $HOME:/h alpine cat /h/.ssh/id_rsa",
    "ssh_private_key_read",
  ],
  [
    "podman run -v /home/u:/m:ro alpine cat /m/.aws/credentials",
    "cloud_credentials_read",
  ],
  [
    "docker run --mount type=bind,src=$HOME,dst=/x alpine cat /x/.netrc",
    "secrets_file_read",
  ],
  ["docker run -v ~:/w -w /w alpine cat .ssh/id_rsa", "ssh_private_key_read"],
  ["docker run -v ~:/h alpine rm -rf /h", "rm_home"],
  ["docker run -v ~:/data alpine sh -c 'rm -rf /data/*'", "rm_home"],
  [
    "docker container run -v $HOME:/home alpine find /home -delete",
    "find_delete_system",
  ],
  [
    "docker -H unix:///var/run/docker.sock run -v ~:/h alpine rm -rf /h",
    "rm_home",
  ],
  ["docker run -v ~:/h --entrypoint rm alpine -rf /h", "rm_home"],
  ["bwrap --bind ~ /h rm -rf /h", "rm_home"],
  ["bwrap --ro-bind / / cat /home/u/.ssh/id_rsa", "ssh_private_key_read"],
];

const INSIDE = [
  "docker run --rm -v $PWD:/w alpine rm -rf /w/node_modules",
  "docker run --rm -v $PWD:/w ubuntu sh -c 'rm -rf /var/lib/apt/lists/* && make -C /w'",
  "docker run --rm -v $PWD:/app -w /app node:20 npm test",
  "docker run --rm alpine rm -rf /",
  "docker run --rm -v $PWD:/src alpine cat /etc/shadow",
  "docker run --rm -v ~/.m2:/root/.m2 maven mvn -q package",
  "bwrap --ro-bind / / --tmpfs /tmp ls /",
  "bwrap --bind ./sandbox / rm -rf /",
];

Deno.test("container_map: the container's command is judged through its mounts", () => {
  for (const [c, want] of ON_HOST) {
    assert.ok(blocked(c).includes(want), `${c}: ${blocked(c)}`);
  }
});

Deno.test("container_map: paths inside the container stay harmless", () => {
  for (const c of INSIDE) assert.deepEqual(blocked(c), [], c);
});

Deno.test("container_map: a 100 KB container command is judged fast", () => {
  const t0 = performance.now();
  blocked("docker run -v ~:/h alpine sh -c '" + "/h/a ".repeat(20_000) + "'");
  blocked("docker run -v ~:/h alpine " + "/".repeat(100_000));
  assert.ok(performance.now() - t0 < 2_000);
});
