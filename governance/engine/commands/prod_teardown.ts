/**
 * Teardown aimed at production: a cloud or cluster deletion (a stack, a
 * database, a cluster, a namespace, a Helm release, a Docker prune) whose
 * names, namespace, context or profile read as production (`prod`,
 * `production`, `prd`, `live`), or whose targets are whatever a listing
 * returns (`terminate-instances --instance-ids $(aws ec2 describe-instances
 * …)`, `droplet delete $(doctl compute droplet list …)`). The same deletion
 * of a dev or test resource only warns, as before.
 *
 * @module
 */

import { commandsIn } from "./ast_scan.ts";
import type { State, Unit } from "./unit.ts";

/** A word that names production. */
const PROD = /(?:^|[^a-z0-9])(?:prod|production|prd|live)(?:[^a-z0-9]|$)/i;

/** The first word of `words` that names production, or null. */
export function prodWord(words: readonly string[]): string | null {
  for (const w of words.slice(0, 256)) {
    if (w.length <= 256 && PROD.test(w)) return w;
  }
  return null;
}

/** Whether an argument's targets come from a listing by one of `clis` (`$(aws ec2 describe-instances …)`). */
export function fedByListing(u: Unit, clis: ReadonlySet<string>): boolean {
  for (const a of u.args.slice(0, 256)) {
    for (const s of a.subs.slice(0, 8)) {
      for (const c of commandsIn(s)) {
        if (
          clis.has(c.name) &&
          c.args.some((x) =>
            /^(list|ls|list-[\w-]{1,64}|describe-[\w-]{1,64}|get)$/.test(x)
          )
        ) return true;
      }
    }
  }
  return false;
}

/** Adds the production-teardown block for `line`, naming why it reads as production. */
export function addProdTeardown(
  st: State,
  line: string,
  why: string,
): void {
  st.out.matches.add(
    "prod_teardown",
    `${line} ${why}: a production outage and data that cannot be brought back`,
    "leave production to the people who run it; tear down a named dev or test resource instead, or ask the user",
  );
}

/** The reason a deletion reads as production or as wholesale, or null. */
export function prodReason(
  u: Unit,
  words: readonly string[],
  clis: ReadonlySet<string>,
): string | null {
  const p = prodWord(words);
  if (p) return `deletes resources named ${p.slice(0, 80)}`;
  if (fedByListing(u, clis)) {
    return "deletes every resource a listing returns";
  }
  return null;
}
