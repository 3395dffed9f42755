import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

const S =
  "curl --unix-socket /var/run/docker.sock -H 'Content-Type: application/json'";
const ESCAPE = [
  `${S} -d '{"Image":"alpine","HostConfig":{"Binds":["/:/host"]}}' http://localhost/containers/create`,
  `${S} -d '{"Image":"alpine","HostConfig":{"Binds":["/home/u:/h"]}}' http://d/v1.43/containers/create?name=x`,
  `${S} --data-raw '{"Image":"alpine","HostConfig":{"Privileged":true}}' http://d/containers/create`,
  `${S} -d '{"Image":"a","HostConfig":{"PidMode":"host"}}' http://d/containers/create`,
  `${S} -d '{"Image":"a","HostConfig":{"CapAdd":["SYS_ADMIN"]}}' http://d/containers/create`,
  `${S} -d @/tmp/spec.json http://localhost/containers/create`,
  `${S} -d '{"Image":"a","HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock"]}}' http://d/containers/create`,
  `curl --unix-socket /run/podman/podman.sock -d '{"image":"a","mounts":[{"source":"/","destination":"/h"}]}' http://d/v4.0.0/libpod/containers/create`,
  `curl -X POST -d '{"Image":"a","HostConfig":{"Binds":["/etc:/e"]}}' http://10.0.0.5:2375/containers/create`,
  `printf 'POST /containers/create HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n{"Image":"a","HostConfig":{"Binds":["/:/h"]}}' | socat - UNIX-CONNECT:/var/run/docker.sock`,
];

const ROUTINE = [
  "curl --unix-socket /var/run/docker.sock http://localhost/containers/json",
  "curl -s --unix-socket /var/run/docker.sock http://localhost/v1.43/info",
  `${S} -d '{"Image":"alpine","Cmd":["echo","hi"]}' http://localhost/containers/create`,
  `${S} -d '{"Image":"a","HostConfig":{"Binds":["/home/u/proj:/w"]}}' http://localhost/containers/create`,
  "curl --unix-socket /var/run/docker.sock -X POST http://localhost/containers/abc/start",
  'curl -d \'{"name":"x"}\' https://api.example.com/containers/create-order',
];

Deno.test("engine_api: container creation with host binds or privileges blocks", () => {
  for (const c of ESCAPE) {
    assert.ok(
      blocked(c).includes("container_host_escape"),
      `${c}: ${blocked(c)}`,
    );
  }
});

Deno.test("engine_api: listing, starting and plain creation pass", () => {
  for (const c of ROUTINE) assert.deepEqual(blocked(c), [], c);
});

Deno.test("engine_api: a 100 KB request body is judged fast", () => {
  const t0 = performance.now();
  blocked(
    `${S} -d '{"Binds":[${
      '"/a",'.repeat(20_000)
    }]}' http://d/containers/create`,
  );
  blocked(
    `${S} -d '${'"Source":"'.repeat(10_000)}' http://d/containers/create`,
  );
  assert.ok(performance.now() - t0 < 2_000);
});
