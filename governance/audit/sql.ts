/**
 * The store's handle on its SQLite file: the database and a cache of
 * prepared statements, shared by the modules that read and write it.
 *
 * @module
 */

import {
  type DatabaseSync,
  type SQLInputValue,
  type StatementSync,
} from "node:sqlite";

/** One result row, by column name. */
export type Row = Record<string, SQLInputValue>;

/** A database and its prepared statements, cached per SQL text. */
export class Sql {
  private readonly statements = new Map<string, StatementSync>();

  /** Wrap an open database. */
  constructor(
    /** The open database. */
    readonly db: DatabaseSync,
  ) {}

  /** A prepared statement, cached per SQL text. */
  stmt(sql: string): StatementSync {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }
}
