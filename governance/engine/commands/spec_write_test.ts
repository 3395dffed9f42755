import assert from "node:assert/strict";
import { evaluate } from "../evaluate_all.ts";
import { blocked } from "./test_helpers.ts";

const HOME = "/home/u";
const allowed = (toolName: string, input: Record<string, unknown>) =>
  evaluate({ toolName, input, home: HOME, cwd: HOME + "/p" }).allowed;
const write = (path: string, content: string) =>
  allowed("Write", { file_path: path, content });

Deno.test("spec write: compose files and manifests that hand over the host block", () => {
  for (
    const [path, content] of [
      [
        "/home/u/p/docker-compose.yml",
        "services:\n  a:\n    image: alpine\n    volumes:\n      - /:/host\n",
      ],
      [
        "/home/u/p/compose.yaml",
        "services:\n  ci:\n    image: docker:cli\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n",
      ],
      [
        "/home/u/p/deploy/compose.override.yml",
        "services:\n  w:\n    volumes:\n      - type: bind\n        source: /\n        target: /host\n",
      ],
      [
        "/home/u/p/docker-compose.dev.yml",
        'services:\n  w:\n    volumes:\n      - "~:/root/home"\n',
      ],
      [
        "/home/u/p/compose.yml",
        "services:\n  x:\n    image: alpine\n    privileged: true\n    pid: host\n",
      ],
      [
        "/home/u/p/k8s/pod.yaml",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: d\n    image: ubuntu\n  volumes:\n  - name: root\n    hostPath:\n      path: /\n",
      ],
      [
        "/home/u/p/k8s/debug.yaml",
        "kind: Pod\nspec:\n  hostPID: true\n  containers:\n  - name: d\n    securityContext: {privileged: true}\n",
      ],
      [
        "/home/u/p/k8s/ds.json",
        '{"kind": "DaemonSet", "spec": {"template": {"spec": {"volumes": [{"name": "h", "hostPath": {"path": "/etc"}}]}}}}',
      ],
    ]
  ) assert.equal(write(path, content), false, path + "\n" + content);
  assert.equal(
    allowed("Edit", {
      file_path: "/home/u/p/docker-compose.yml",
      old_string: "    image: node:20\n",
      new_string: "    image: node:20\n    volumes:\n      - /:/hostfs\n",
    }),
    false,
  );
});

Deno.test("spec write: ordinary compose files and manifests pass", () => {
  for (
    const [path, content] of [
      [
        "/home/u/p/docker-compose.yml",
        'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d\n    ports:\n      - "5432:5432"\nvolumes:\n  pgdata: {}\n',
      ],
      [
        "/home/u/p/compose.yaml",
        "services:\n  dind:\n    image: docker:dind\n    privileged: true\n",
      ],
      [
        "/home/u/p/compose.yaml",
        "services:\n  app:\n    volumes:\n      - /var/log/app:/logs\n      - type: bind\n        source: ./src\n        target: /app/src\n",
      ],
      [
        "/home/u/p/k8s/deploy.yaml",
        "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        volumeMounts:\n        - name: cfg\n          mountPath: /etc/app\n      volumes:\n      - name: cfg\n        configMap: {name: app}\n",
      ],
      [
        "/home/u/p/k8s/logs.yaml",
        "kind: DaemonSet\nspec:\n  template:\n    spec:\n      volumes:\n      - name: logs\n        hostPath:\n          path: /var/log/containers\n",
      ],
      // Not a container spec: a path list in some other YAML.
      ["/home/u/p/config.yaml", "paths:\n  - /:/host\nsource: /\n"],
    ]
  ) assert.equal(write(path, content), true, path + "\n" + content);
});

Deno.test("spec write: MCP container and manifest calls are judged as docker run / kubectl apply", () => {
  assert.equal(
    allowed("mcp__docker__create_container", {
      image: "alpine",
      host_config: { binds: ["/:/host:rw"], privileged: true },
    }),
    false,
  );
  assert.equal(
    allowed("mcp__docker__run", {
      image: "ubuntu",
      volumes: { "/var/run/docker.sock": { bind: "/var/run/docker.sock" } },
    }),
    false,
  );
  assert.equal(
    allowed("mcp__k8s__apply_manifest", {
      yaml:
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: d\n    securityContext:\n      privileged: true\n",
    }),
    false,
  );
  assert.equal(
    allowed("mcp__docker__create_container", {
      image: "postgres:16",
      host_config: { binds: ["/home/u/p/data:/var/lib/postgresql/data"] },
    }),
    true,
  );
  assert.equal(
    allowed("mcp__k8s__apply_manifest", {
      yaml: "kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n",
    }),
    true,
  );
});

Deno.test("spec write: ctr host mounts, every CRD deleted, every prod workload scaled to zero", () => {
  for (
    const cmd of [
      "ctr run --rm --privileged --mount type=bind,src=/,dst=/host,options=rbind:rw docker.io/library/alpine:latest x sh",
      "kubectl delete crd --all",
      "kubectl delete pv --all",
      "kubectl delete customresourcedefinitions.apiextensions.k8s.io --all",
      "kubectl scale deployment --all --replicas=0 -n production",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "ctr run --rm docker.io/library/alpine:latest x echo hi",
      "kubectl delete crd widgets.example.com",
      "kubectl delete pv pv-scratch-01",
      "kubectl scale deployment/api --replicas=0 -n staging",
      "kubectl scale deployment --all --replicas=0 -n dev-alice",
    ]
  ) assert.equal(blocked(cmd).length, 0, cmd);
});

Deno.test("spec write: long hostile compose text is judged in linear time", () => {
  const text = "services:\n" + "      - /".repeat(50_000) + "\n" +
    " ".repeat(60) + "- " + "/a".repeat(50_000);
  const t0 = performance.now();
  write("/home/u/p/compose.yaml", text);
  assert.ok(performance.now() - t0 < 3000);
});
