/**
 * The event forwarders' cursors (the `ship_cursor` table): the id of the
 * last event each sink has delivered, for the store is their queue.
 *
 * @module
 */

import type { Row, Sql } from "./sql.ts";

/** The id of the last event a forwarder (`sink`) delivered; 0 when it has delivered none. */
export function getShipCursor(sql: Sql, sink: string): number {
  const row = sql.stmt("SELECT last_id FROM ship_cursor WHERE sink = ?")
    .get(sink) as Row | undefined;
  return row ? Number(row.last_id) : 0;
}

/** Record, inside the caller's write transaction, that `sink` has delivered every event up to `lastId` (never moves backwards). */
export function putShipCursorLocked(
  sql: Sql,
  sink: string,
  lastId: number,
): void {
  sql.stmt(
    `INSERT INTO ship_cursor(sink, last_id) VALUES (?, ?)
     ON CONFLICT DO UPDATE SET last_id = max(last_id, excluded.last_id)`,
  ).run(sink, lastId);
}
