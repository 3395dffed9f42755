import assert from "node:assert/strict";
import { maskSql } from "./sqli_lex.ts";
import { charHits } from "./sqli_chars.ts";
import { statementTokens } from "./sqli_struct.ts";

const kinds = (sql: string): string[] =>
  charHits(statementTokens(maskSql(sql).text)).map((h) => h.kind);

Deno.test("secret characters: one character of a secret column cut out", () => {
  for (
    const t of [
      "SELECT * FROM appointments ORDER BY (SELECT 1 FROM staff_accounts WHERE login = 'admin' AND substr(pass_hash, 1, 1) = 'f')",
      "SELECT id FROM staff WHERE login = 'a' AND MID(s.api_token, 7, 1) = 'x'",
      "SELECT * FROM t WHERE id = 1 AND ascii(totp_secret) > 70",
      "SELECT * FROM t WHERE id = 1 AND substring(pwd from 3 for 1) = 'k'",
      `SELECT * FROM t WHERE id = 1 AND left("pin", 1) = '4'`,
      "SELECT CASE WHEN SUBSTRING(password, 2, 1) = 'b' THEN 1 ELSE 0 END FROM logins WHERE id = 1",
    ]
  ) assert.deepEqual(kinds(t), ["secret_char"], t);
  // Negatives: a hash format prefix, card network and last four, names, whole secrets.
  for (
    const t of [
      "SELECT count(*) FROM staff_accounts WHERE left(pass_hash, 4) = '$2a$'",
      "SELECT substring(pass_hash, 1, 7) AS algo, count(*) FROM staff_accounts GROUP BY 1",
      "SELECT substr(card_number, 1, 1) AS network, count(*) FROM cards GROUP BY 1",
      "SELECT right(card_number, 4) FROM cards WHERE id = 3",
      "SELECT substr(last_name, 1, 1) AS initial FROM patients",
      "SELECT ascii(left(last_name, 1)) FROM patients",
      "SELECT id FROM staff_accounts WHERE pass_hash = $1",
      "SELECT length(api_token) FROM integrations",
    ]
  ) assert.deepEqual(kinds(t), [], t);
});
