/**
 * Retention: cutting the oldest events off the chain, with their roll-ups
 * and policy rows, and recording the hash at the cut as an anchor so that
 * the rest of the chain still verifies.
 *
 * @module
 */

import type { DatabaseSync } from "node:sqlite";
import type { Row } from "./sql.ts";

/**
 * Delete the events older than `cutoff` (ISO), as the longest prefix of the
 * chain that is entirely older (an old event after a newer one waits for the
 * next prune), inside the caller's write transaction. Returns how many were
 * removed, or undefined when nothing was cut (no anchor written).
 */
export function pruneLocked(
  db: DatabaseSync,
  cutoff: string,
): { removed: number } | undefined {
  const first = db.prepare("SELECT min(id) AS id FROM events")
    .get() as Row;
  if (first.id === null) return undefined;
  const young = db.prepare(
    "SELECT min(id) AS id FROM events WHERE time >= ?",
  ).get(cutoff) as Row;
  const cut = young.id === null
    ? Number(
      (db.prepare("SELECT max(id) AS id FROM events").get() as Row).id,
    )
    : Number(young.id) - 1;
  if (cut < Number(first.id)) return undefined;
  const at = db.prepare("SELECT hash FROM events WHERE id = ?").get(
    cut,
  ) as Row;
  db.prepare(
    `UPDATE stats_hourly SET n = stats_hourly.n - d.cnt, dur_sum = stats_hourly.dur_sum - d.ds, dur_n = stats_hourly.dur_n - d.dn
     FROM (SELECT substr(time, 1, 13) AS h, connector_type AS c, decision AS dc, severity AS sv,
                  verdict AS v, count(*) AS cnt, total(duration_ms) AS ds, count(duration_ms) AS dn
           FROM events WHERE id <= ? GROUP BY 1, 2, 3, 4, 5) AS d
     WHERE hour = d.h AND connector_type = d.c AND decision = d.dc AND severity = d.sv AND verdict = d.v`,
  ).run(cut);
  db.prepare(
    `UPDATE policy_hourly SET triggers = policy_hourly.triggers - d.t, blocks = policy_hourly.blocks - d.b
     FROM (SELECT substr(time, 1, 13) AS h, connector_type AS c, policy_id AS p,
                  count(*) AS t, total(decision = 'blocked') AS b
           FROM event_policies WHERE event_id <= ? GROUP BY 1, 2, 3) AS d
     WHERE hour = d.h AND connector_type = d.c AND policy_id = d.p`,
  ).run(cut);
  db.exec("DELETE FROM stats_hourly WHERE n <= 0");
  db.exec("DELETE FROM policy_hourly WHERE triggers <= 0");
  const removed = Number(
    db.prepare("DELETE FROM events WHERE id <= ?").run(cut).changes,
  );
  db.prepare("DELETE FROM event_policies WHERE event_id <= ?").run(
    cut,
  );
  db.prepare(
    "INSERT INTO anchors(cut_id, hash, time, removed) VALUES (?,?,?,?)",
  ).run(cut, String(at.hash), new Date().toISOString(), removed);
  return { removed };
}
