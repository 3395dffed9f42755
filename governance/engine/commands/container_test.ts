import assert from "node:assert/strict";
import { blocked, fired, run } from "./test_helpers.ts";

const ESCAPE = [
  "docker run -v /:/host alpine chroot /host",
  "docker run -it -v /:/host ubuntu bash",
  "docker run --rm -v /:/rootfs:ro alpine cat /rootfs/etc/shadow",
  "docker run -v=/:/mnt alpine",
  "docker run --volume /:/host alpine",
  "docker run --volume=/:/host alpine",
  "docker run --privileged -v /:/host alpine sh",
  "docker run --mount type=bind,source=/,target=/host alpine",
  "docker run --mount=type=bind,src=/,dst=/host alpine",
  "docker run -v /etc:/host-etc alpine",
  "docker run -v /root:/r alpine",
  "docker run -v //:/host alpine",
  "docker container run -v /:/host alpine",
  "docker create -v /:/host alpine",
  "podman run -v /:/host alpine",
  "sudo docker run -v /:/host alpine",
  "docker run --privileged --pid=host alpine nsenter -t 1 -m -u -n -i sh",
  "docker run --pid host --privileged -it alpine sh",
  "docker run -v /var/run/docker.sock:/var/run/docker.sock alpine",
  "docker run --privileged docker:dind",
  "podman run --cap-add=SYS_ADMIN -it fedora bash",
  "docker run --cap-add ALL ubuntu",
  "docker run --device /dev/sda alpine",
  "docker run --mount type=bind,source=/run/docker.sock,target=/s alpine",
  "nsenter -t 1 -m -u -i -n",
  "nsenter -t 1 -m -u -i -n sh",
  "sudo nsenter --target 1 --mount --uts --ipc --net --pid",
  "nsenter --target=1 --all",
  "nsenter -t1 -a bash",
  "nsenter -a -t 1",
  "nsenter -mt 1 sh",
];

const SAFE = [
  "docker run -v $(pwd):/app node npm test",
  'docker run -v "$PWD":/app -w /app node npm test',
  "docker run -v ./src:/app/src node",
  "docker run -v data:/var/lib/postgresql/data postgres",
  "docker run -v /etc/localtime:/etc/localtime:ro alpine",
  "docker run --pid=host alpine ps",
  "docker run -p 3000:3000 app",
  "docker run --cap-add=NET_ADMIN alpine ip link",
  "docker run --device=/dev/snd alpine",
  "docker ps -a",
  "docker compose up -d",
  "nsenter -t 1234 -n ip addr",
  "nsenter -t 1 -n ip addr",
  "nsenter --help",
];

Deno.test("containers: escapes to the host root block", () => {
  for (const cmd of ESCAPE) {
    assert.ok(
      blocked(cmd).includes("container_host_escape"),
      `${cmd} should block; got ${fired(cmd)}`,
    );
  }
});

Deno.test("containers: everyday docker runs pass", () => {
  for (const cmd of SAFE) {
    assert.ok(
      !fired(cmd).includes("container_host_escape"),
      `${cmd}: ${fired(cmd)}`,
    );
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("containers: reasons name the mount and a safer one", () => {
  const m = run("docker run -v /:/host alpine").matches[0];
  assert.equal(m.policyId, "sys_dangerous_container_host_escape");
  assert.equal(m.severity, "high");
  assert.match(m.reason, /host's root folder \//);
  assert.match(m.reason, /\/:\/host/);
  assert.match(m.suggestion ?? "", /project folder/);
  const n = run("nsenter -t 1 -m -u -i -n").matches[0];
  assert.match(n.reason, /pid 1/);
});

Deno.test("compose and cluster: a Compose file written on the line that gets the host, cluster-admin bindings", () => {
  for (
    const cmd of [
      "printf 'services:\\n  x:\\n    image: alpine\\n    privileged: true\\n    volumes: [\"/:/host\"]\\n' > c.yml && docker compose -f c.yml up",
      "printf 'services:\\n  x:\\n    image: alpine\\n    volumes:\\n      - /var/run/docker.sock:/var/run/docker.sock\\n' > docker-compose.yml && docker compose up -d",
      "printf 'services:\\n  x:\\n    image: alpine\\n    pid: host\\n' > compose.yaml && docker-compose up",
      "kubectl create clusterrolebinding x --clusterrole=cluster-admin --serviceaccount=default:default",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "printf 'services:\\n  web:\\n    image: nginx\\n    volumes:\\n      - ./site:/usr/share/nginx/html:ro\\n' > compose.yaml && docker compose up -d",
      "printf 'services:\\n  db:\\n    image: postgres\\n    volumes:\\n      - pgdata:/var/lib/postgresql/data\\n' > compose.yml && docker compose up",
      "docker compose up -d",
      "kubectl create rolebinding dev-view --clusterrole=view --user=dev -n dev",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
