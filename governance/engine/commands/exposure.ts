/**
 * Opening this machine to others: reverse SSH tunnels (`ssh -R`) and file
 * servers bound to every interface over the home folder or `/`.
 *
 * @module
 */

import { isHome, resolvePath } from "./paths.ts";
import type { State, Unit } from "./unit.ts";

/** ssh -R / -R… / -o RemoteForward=…: a port on the remote side that leads back here. */
export function analyzeTunnel(u: Unit, st: State): void {
  if (u.name !== "ssh" && u.name !== "autossh") return;
  const t = u.args.map((a) => a.text);
  for (let i = 0; i < t.length; i++) {
    const x = t[i];
    if (!x.startsWith("-")) break;
    const spec = x === "-R"
      ? t[i + 1] ?? ""
      : /^-[a-zA-Z]{0,8}R$/.test(x)
      ? t[i + 1] ?? ""
      : /^-[a-zA-Z]{0,8}R./.test(x)
      ? x.slice(x.indexOf("R") + 1)
      : x === "-o" && /^RemoteForward[ =]/i.test(t[i + 1] ?? "")
      ? (t[i + 1] ?? "").slice(14)
      : null;
    if (spec !== null) {
      st.out.matches.add(
        "reverse_tunnel",
        `${u.name} -R ${spec} opens a port on the remote host that leads back into this machine`,
        "use ssh -L (a local forward) or ask the user to open the tunnel",
      );
      return;
    }
    if (/^-[bcDEeFIiJLlmMOopQSWw]$/.test(x)) i++;
  }
}

/** ngrok / cloudflared / localtunnel publishing SSH or a raw TCP port of this machine to the internet. */
export function analyzePublicTunnel(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  let what: string | null = null;
  if (u.name === "ngrok") {
    const mode = t.find((x) => /^(tcp|tls|http|https)$/.test(x));
    const port = t[t.indexOf(mode ?? "") + 1] ?? "";
    if (mode === "tcp" || mode === "tls") what = `a raw ${mode} port (${port})`;
    else if (/(^|:)(22|2222|3389|5900|5432|3306|6379)$/.test(port)) {
      what = `port ${port}`;
    }
  } else if (u.name === "cloudflared") {
    const url = t[t.indexOf("--url") + 1] ?? t.find((x) =>
      x.startsWith("--url=")
    )?.slice(6) ?? "";
    if (
      t.includes("tunnel") && /^(ssh|tcp|rdp):\/\/|:(22|3389|5900)$/.test(url)
    ) what = url;
  } else if (u.name === "lt" || u.name === "localtunnel") {
    const port = t[t.indexOf("--port") + 1] ?? "";
    if (/^(22|3389|5900)$/.test(port)) what = `port ${port}`;
  }
  if (what) {
    st.out.matches.add(
      "reverse_tunnel",
      `${u.name} publishes ${what} of this machine to the internet: anyone with the address reaches it`,
      "expose only a development web server (ngrok http 3000), or ask the user",
    );
  }
}

/** python -m http.server / php -S / ruby -run -e httpd bound to every interface over home or /. */
export function analyzeFileServer(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  let bind: string | null = null;
  let dir: string | null = null;
  let serving = false;
  if (/^python[0-9.]{0,6}$/.test(u.name)) {
    const mi = t.indexOf("-m");
    if (
      mi < 0 ||
      !/^(http\.server|SimpleHTTPServer|uploadserver)$/.test(t[mi + 1] ?? "")
    ) return;
    serving = true;
    bind = "0.0.0.0"; // http.server binds every interface by default.
    for (let i = mi + 2; i < t.length; i++) {
      if (t[i] === "--bind" || t[i] === "-b") bind = t[++i] ?? bind;
      else if (t[i].startsWith("--bind=")) bind = t[i].slice(7);
      else if (t[i] === "--directory" || t[i] === "-d") dir = t[++i] ?? dir;
      else if (t[i].startsWith("--directory=")) dir = t[i].slice(12);
    }
  } else if (/^php[0-9.]{0,6}$/.test(u.name)) {
    const si = t.indexOf("-S");
    if (si < 0) return;
    serving = true;
    bind = (t[si + 1] ?? "").replace(/:\d{1,5}$/, "");
    const ti = t.indexOf("-t");
    if (ti >= 0) dir = t[ti + 1] ?? null;
  }
  if (!serving || bind === null) return;
  if (!/^(0\.0\.0\.0|::|\[::\]|\*|)$/.test(bind)) return;
  const p = dir === null ? st.cwd : resolvePath(dir, st.cwd, st.ctx.home);
  if (p === null) return;
  if (p === "/" || isHome(p, st.ctx.home)) {
    st.out.matches.add(
      "home_served",
      `${u.name} serves ${p} to every network interface: SSH keys, cloud credentials and every private file become downloadable`,
      "serve only a build folder (--directory dist) and bind to 127.0.0.1",
    );
  }
}

/**
 * Services that hand out code execution to whoever reaches the port: the
 * Docker engine API on a TCP address without TLS (`dockerd -H
 * tcp://0.0.0.0:2375`), a Jupyter server on every interface with its token
 * and password switched off. Loopback addresses and TLS pass.
 */
export function analyzeOpenExecService(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  const joined = t.join(" ");
  if (u.name === "dockerd") {
    const tls = t.some((x) => /^--tlsverify/.test(x));
    const open = t.some((x, i) => {
      const v = /^(-H|--host)$/.test(x)
        ? t[i + 1] ?? ""
        : /^--host=/.test(x)
        ? x.slice(7)
        : /^-Htcp:/.test(x)
        ? x.slice(2)
        : "";
      return /^tcp:\/\//i.test(v) &&
        !/^tcp:\/\/(127\.|localhost|\[::1\])/i.test(v);
    });
    if (open && !tls) {
      st.out.matches.add(
        "container_host_escape",
        `dockerd ${
          joined.slice(0, 120)
        } serves the Docker API on the network without TLS: anyone who reaches it is root on this machine`,
        "keep the engine on its Unix socket, or use TLS client certificates",
      );
    }
    return;
  }
  // jupyter notebook|lab|server --ip=0.0.0.0 --NotebookApp.token='' …
  const everyIf = t.some((x, i) =>
    /^--ip=(0\.0\.0\.0|\*|::)$/.test(x) ||
    x === "--ip" && /^(0\.0\.0\.0|\*|::)$/.test(t[i + 1] ?? "")
  );
  const noAuth = t.some((x) =>
    /^--(NotebookApp|ServerApp|IdentityProvider)\.(token|password)=(''|""|)$/
      .test(x)
  );
  if (everyIf && noAuth) {
    st.out.matches.add(
      "home_served",
      `${u.name} ${
        joined.slice(0, 120)
      } serves a code-running notebook on every interface with no token: anyone on the network runs commands here`,
      "bind it to 127.0.0.1 and keep the token",
    );
  }
}
