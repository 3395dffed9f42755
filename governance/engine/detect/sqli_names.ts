/**
 * Table names the SQL checks judge by: tables of accounts and secrets, and
 * system catalogues. Names only, shared by `sqli_union.ts` and
 * `sqli_subquery.ts`.
 *
 * @module
 */

/** Tables of accounts and their credentials, and tables of secrets (tokens, keys, sessions); a prefix such as `app_` or `oauth_` is allowed. */
export const ACCOUNT_TABLE =
  /^(?:[a-z0-9]{1,20}_)?(?:users?|admins?|administrators?|accounts?|members?|staff|logins?|credentials?|passwords?|operators?|employees?|customers?|moderators?|principals?|identities|tokens?|secrets?|sessions?|api_clients?|oauth_clients?)$|^(?:api_?|access_|ssh_|signing_)?keys$/;

/** System catalogues: what an injection reads to map the database (`information_schema.tables`, `pg_tables`, `sys.objects`, Oracle's `all_tables`). */
export const CATALOG_TABLE =
  /^(?:information_schema|pg_catalog|pg_(?:tables|views|class|namespace|proc|database|roles|user|shadow|authid|settings|attribute|stat_activity)|sqlite_(?:master|schema)|mysql|performance_schema|sys|master|sysobjects|syscolumns|sysdatabases|syslogins|all_(?:tables|tab_columns|users|objects)|user_(?:tables|tab_columns|objects|users)|dba_\w{2,30}|global_name|v\$\w{2,30})$/;
