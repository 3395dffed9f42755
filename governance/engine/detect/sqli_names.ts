/**
 * Names the SQL checks judge by: tables of accounts and secrets, system
 * catalogues, columns that hold secrets, and staging tables. Names only,
 * shared by the SQL checks and the database-client guard
 * (`commands/sql.ts`).
 *
 * @module
 */

/** Tables of accounts and their credentials, and tables of secrets (tokens, keys, sessions); a prefix of up to three parts such as `app_`, `oauth_` or `front_desk_` is allowed. */
export const ACCOUNT_TABLE =
  /^(?:[a-z0-9]{1,20}_){0,3}(?:users?|admins?|administrators?|accounts?|members?|staff|logins?|credentials?|passwords?|operators?|employees?|customers?|moderators?|principals?|identities|tokens?|secrets?|sessions?|api_clients?|oauth_clients?)$|^(?:api_?|access_|ssh_|signing_)?keys$/;

/** System catalogues: what an injection reads to map the database (`information_schema.tables`, `pg_tables`, `sys.objects`, Oracle's `all_tables`). */
export const CATALOG_TABLE =
  /^(?:information_schema|pg_catalog|pg_(?:tables|views|class|namespace|proc|database|roles|user|shadow|authid|settings|attribute|stat_activity)|sqlite_(?:master|schema)|mysql|performance_schema|sys|master|sysobjects|syscolumns|sysdatabases|syslogins|all_(?:tables|tab_columns|users|objects)|user_(?:tables|tab_columns|objects|users)|dba_\w{2,30}|global_name|v\$\w{2,30})$/;

/** Columns that hold a secret: passwords and their hashes, keys (a device's pre-shared key, psk), tokens, one-time seeds, PINs, card and national numbers. */
export const SECRET_COLUMN =
  /^(?:pass|passwd|password|pwd|pw|passphrase|hash|salt|pin|otp|psk|ssn|cvv2?|cvc|pan)$|^\w{0,20}_(?:pass|passwd|password|pwd|pw|hash|digest|secret|token|key|pin|seed|salt)$|^(?:pass|passwd|password|pwd|pw)_?(?:hash|hashed|digest|enc|crypt|md5|sha\d{0,3})$|^(?:secret|token|totp|otp|api_?key|private_?key)(?:_?(?:key|value|hash|seed|secret))?$|^card_?(?:number|num|no)$/;

/** A name part (a table or its schema) that says it holds transient data: staging, scratch, temp, import, ETL landing. */
const SCRATCH_PART =
  /^(?:staging|stage|stg|scratch|tmp|temp|import|imports|etl|landing|load)(?:_|$)|_(?:staging|stage|stg|scratch|tmp|temp|import|imports|etl|landing|load)$/;

/** Whether a (possibly schema-qualified, quoted) table name is a staging or scratch table (`staging_orders`, `staging.import_owners`, `tmp_totals`). */
export function isScratchTable(name: string): boolean {
  const parts = name.replace(/["`[\]]/g, "").toLowerCase().split(".");
  return parts.some((p) => p.length > 0 && SCRATCH_PART.test(p));
}
