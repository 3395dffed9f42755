/**
 * Key-value and search stores emptied in one call: `etcdctl del "" --prefix`
 * (every key), `consul kv delete -recurse` of the root, and an HTTP DELETE
 * of every Elasticsearch / OpenSearch index (`curl -X DELETE host:9200/_all`,
 * `…/*`). A local server (localhost) only warns, like a local database reset.
 *
 * @module
 */

import type { State, Unit } from "./unit.ts";

const LOCAL =
  /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|::1)(:\d{1,5})?$/i;

function add(st: State, local: boolean, reason: string): void {
  if (local) {
    st.out.matches.add(
      "db_reset_local",
      `${reason} (on a local server)`,
    );
    return;
  }
  st.out.matches.add(
    "store_wipe",
    reason,
    "delete specific keys or indices by name, after listing what is there",
  );
}

/** Hosts named by `--endpoints=…`, `-http-addr=…`, or a URL. */
function hostsOf(t: readonly string[], opt: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length && i < 128; i++) {
    const eq = t[i].indexOf("=");
    const v = opt.test(t[i])
      ? t[i + 1] ?? ""
      : eq > 0 && opt.test(t[i].slice(0, eq))
      ? t[i].slice(eq + 1)
      : null;
    if (v === null) continue;
    for (const part of v.split(",").slice(0, 16)) {
      const h = /^(?:[a-z]{2,8}:\/\/)?([^/]{1,255})/i.exec(part)?.[1];
      if (h) out.push(h);
    }
  }
  return out;
}

/** etcdctl, consul and HTTP clients that empty a whole store. */
export function analyzeStoreWipe(u: Unit, st: State): void {
  const t = u.args.map((a) => a.text);
  if (u.name === "etcdctl") {
    const k = t.findIndex((x) => x === "del" || x === "delete");
    if (k < 0) return;
    const keys = t.slice(k + 1).filter((x) => !x.startsWith("-"));
    const prefix = t.includes("--prefix");
    const fromKey = t.includes("--from-key");
    const root = keys.length === 0 || keys[0] === "" || keys[0] === "/" ||
      keys[0] === "\0";
    if ((prefix || fromKey) && root) {
      const hosts = hostsOf(t, /^--endpoints$/);
      add(
        st,
        hosts.length > 0 && hosts.every((h) => LOCAL.test(h)),
        `etcdctl del ${
          keys[0] === undefined || keys[0] === "" ? "''" : keys[0]
        } ${
          prefix ? "--prefix" : "--from-key"
        } deletes every key in the cluster's store`,
      );
    }
    return;
  }
  if (u.name === "consul") {
    if (t[0] !== "kv" || t[1] !== "delete" || !t.includes("-recurse")) return;
    const key = t.slice(2).filter((x) => !x.startsWith("-"))[0] ?? "";
    if (key === "" || key === "/") {
      const hosts = hostsOf(t, /^-http-addr$/);
      add(
        st,
        hosts.length > 0 && hosts.every((h) => LOCAL.test(h)),
        "consul kv delete -recurse of the root deletes every key",
      );
    }
    return;
  }
  // curl -X DELETE https://es:9200/_all, http DELETE es:9200/*
  let method = "";
  for (let i = 0; i < t.length && i < 128; i++) {
    if (/^(-X|--request)$/.test(t[i])) method = (t[i + 1] ?? "").toUpperCase();
    const g = /^(?:-X|--request=)([A-Za-z]{3,7})$/.exec(t[i]);
    if (g) method = g[1].toUpperCase();
  }
  if (u.name === "http" || u.name === "xh" || u.name === "https") {
    if (/^delete$/i.test(t.find((x) => !x.startsWith("-")) ?? "")) {
      method = "DELETE";
    }
  }
  if (method !== "DELETE") return;
  for (const x of t.slice(0, 64)) {
    const m =
      /^(?:https?:\/\/)?([^/\s]{1,255})\/(_all|\*|_data_stream\/\*|\*,-?\.\*)\/?(?:\?.{0,256})?$/i
        .exec(x);
    if (m) {
      add(
        st,
        LOCAL.test(m[1]),
        `${u.name} DELETE ${m[1]}/${
          m[2]
        } deletes every index of the search cluster`,
      );
      return;
    }
  }
}
