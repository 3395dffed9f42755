import assert from "node:assert/strict";
import { evaluate } from "./evaluate_all.ts";
import { type AllowRule, decisionContext, narrowestRule } from "./allow.ts";
import { parsePolicyFile } from "./user_policies.ts";
import { DEFAULT_CONFIG, type EngineConfig } from "./config.ts";
import type { ToolCall } from "./types.ts";

const HOME = "/home/u";
const APP = "/home/u/app";

function shell(command: string, cwd = APP, now?: number): ToolCall {
  return { toolName: "Bash", input: { command }, cwd, home: HOME, now };
}

function withRules(...allow: AllowRule[]): EngineConfig {
  return { ...DEFAULT_CONFIG, allow };
}

/** The rule `axonflow allow` would write for a blocked call. */
function ruleFor(call: ToolCall, id = "allow_test"): AllowRule {
  const d = evaluate(call);
  assert.equal(d.allowed, false, "the call is blocked before the exception");
  return narrowestRule(id, decisionContext(call, d.matches), call.input);
}

Deno.test("one DROP TABLE fires two policies; the narrowest rule lists both and allows exactly that call", () => {
  const call = shell("psql -h db.internal -c 'DROP TABLE legacy_orders'");
  const rule = ruleFor(call);
  assert.deepEqual([...rule.policies].sort(), [
    "sys_dangerous_sql_drop",
    "sys_sqli_drop_table",
  ]);
  assert.equal(
    rule.command,
    "psql -h db.internal -c 'DROP TABLE legacy_orders'",
  );
  assert.equal(rule.project, APP);
  const d = evaluate(call, withRules(rule));
  assert.equal(d.allowed, true, d.reason);
  assert.match(d.reason, /Allowed by your exception allow_test/);
  assert.ok(d.matches.every((m) => m.allowedBy === "allow_test"));
});

/**
 * Calls an exception must NOT let through (written before the rule code):
 * the same policy on another target, chained commands, another project with
 * a common prefix, a parent folder, an expired rule, a policy the rule does
 * not name, and a different tool.
 */
Deno.test("an exception never reaches further than the call it was written for", () => {
  const allowed = shell("psql -h db.internal -c 'DROP TABLE legacy_orders'");
  const rule = ruleFor(allowed);
  const config = withRules({ ...rule, expires: Date.parse("2030-01-01") });
  const overreach: ToolCall[] = [
    shell("psql -h db.internal -c 'DROP TABLE users'"),
    shell(
      "psql -h db.internal -c 'DROP TABLE legacy_orders; DROP TABLE users'",
    ),
    shell(
      "psql -h db.internal -c 'DROP TABLE legacy_orders' && psql -h db.internal -c 'DROP TABLE users'",
    ),
    shell("psql -h db.internal -c 'DROP TABLE legacy_orders'; rm -rf ~"),
    shell("psql -h db.internal -c 'DROP TABLE legacy_orders'", "/home/u/app2"),
    shell("psql -h db.internal -c 'DROP TABLE legacy_orders'", "/home/u"),
    shell(
      "psql -h db.internal -c 'DROP TABLE legacy_orders'",
      APP,
      Date.parse("2031-01-01"),
    ),
    shell("psql -h db.internal  -c 'DROP TABLE legacy_orders' # "),
    {
      toolName: "mcp__postgres__query",
      input: { sql: "DROP TABLE users" },
      cwd: APP,
      home: HOME,
    },
    shell("mysql -h db.internal -e 'DROP TABLE orders'"),
    shell("sqlite3 prod.db 'DROP TABLE accounts'"),
  ];
  let stillBlocked = 0;
  for (const c of overreach) {
    if (!evaluate(c, config).allowed) stillBlocked++;
    else assert.fail(`over-reach: ${JSON.stringify(c)}`);
  }
  assert.equal(stillBlocked, overreach.length);
  // inside the project (a sub folder) the exact call is still allowed
  assert.equal(
    evaluate(
      shell("psql -h db.internal -c 'DROP TABLE legacy_orders'", `${APP}/db`),
      config,
    )
      .allowed,
    true,
  );
});

Deno.test("commandPrefix rules need every simple command to start with the prefix", () => {
  const config = withRules({
    id: "allow_dev_db",
    policies: ["sys_dangerous_sql_drop", "sys_sqli_drop_table"],
    commandPrefix: "psql -h dev-db",
  });
  assert.equal(
    evaluate(shell("psql -h dev-db -c 'DROP TABLE t'"), config).allowed,
    true,
  );
  assert.equal(
    evaluate(
      shell("psql -h dev-db -c 'select 1'; psql -h prod -c 'DROP TABLE t'"),
      config,
    ).allowed,
    false,
  );
  assert.equal(
    evaluate(shell("psql -h prod -c 'DROP TABLE t'"), config).allowed,
    false,
  );
});

Deno.test("a rule relaxes only the policies it names", () => {
  const config = withRules({
    id: "allow_rm",
    policies: ["sys_dangerous_sql_drop"],
    pattern: ".*",
  });
  const d = evaluate(shell("rm -rf ~"), config);
  assert.equal(d.allowed, false);
  assert.equal(d.matches[0].allowedBy, undefined);
});

Deno.test("path rules: the exact file, or a folder ending in /", () => {
  const write = (path: string): ToolCall => ({
    toolName: "Write",
    input: {
      file_path: path,
      content: "AWS_ACCESS_KEY_ID=AKIAQ3ZJ7XK2M4N5P6RW\n",
    },
    cwd: APP,
    home: HOME,
  });
  const rule = ruleFor(write(`${APP}/fixtures/fake.env`));
  assert.equal(rule.path, `${APP}/fixtures/fake.env`);
  assert.equal(rule.command, undefined);
  const config = withRules(rule);
  assert.equal(
    evaluate(write(`${APP}/fixtures/fake.env`), config).allowed,
    true,
  );
  assert.equal(
    evaluate(write(`${APP}/fixtures/real.env`), config).allowed,
    false,
  );
  const folder = withRules({ ...rule, path: `${APP}/fixtures/` });
  assert.equal(
    evaluate(write(`${APP}/fixtures/other.env`), folder).allowed,
    true,
  );
  assert.equal(
    evaluate(write(`${APP}/fixtures2/x.env`), folder).allowed,
    false,
  );
});

Deno.test("a redacted value in the command becomes a run of token characters that cannot carry a command", () => {
  const ctx = decisionContext(shell("x"), [{
    policyId: "sys_dangerous_rm_home",
    policyName: "n",
    category: "dangerous",
    severity: "critical",
    action: "block",
    reason: "r",
  }]);
  const rule = narrowestRule("allow_r", ctx, {
    command: "deploy --token [REDACTED:github_token] now",
  });
  assert.equal(rule.command, undefined);
  assert.equal(rule.pattern, "^deploy --token [A-Za-z0-9+/=_.:@-]+ now$");
  const { config, errors } = parsePolicyFile(JSON.stringify({ allow: [rule] }));
  assert.deepEqual(errors, [], "the rule passes the policy file checks");
  const re = new RegExp(config.allow?.[0].pattern ?? "", "i");
  assert.ok(re.test("deploy --token ghp_abcDEF123/+= now"));
  for (
    const hole of ["$(rm${IFS}-rf${IFS}~)", "x;rm", "`id`", "a|sh", "'x'"]
  ) assert.ok(!re.test(`deploy --token ${hole} now`), hole);
});

Deno.test("policies.json allow rules: parsed with line-numbered errors; a rule needs a scope", () => {
  const { config, errors } = parsePolicyFile(JSON.stringify(
    {
      allow: [
        {
          id: "allow_scratch",
          policies: ["sys_dangerous_sql_drop"],
          command: "psql -h db.internal -c 'DROP TABLE scratch'",
          project: APP,
          expires: "2030-01-01",
        },
        { id: "allow_everything", policies: ["sys_dangerous_rm_home"] },
        { id: "allow_bad", policies: ["sys_nope"], command: "x" },
        { id: "allow_rel", policies: ["sys_dangerous_rm_home"], path: "rel" },
        {
          id: "allow_when",
          policies: ["sys_dangerous_rm_home"],
          command: "x",
          expires: "soon",
        },
      ],
    },
    null,
    2,
  ));
  assert.equal(config.allow?.length, 1);
  assert.equal(config.allow?.[0].expires, Date.parse("2030-01-01"));
  const text = errors.map((e) => `${e.line}: ${e.message}`).join("\n");
  assert.match(text, /allow_everything: an allow rule needs a command/);
  assert.match(text, /no policy has the id "sys_nope"/);
  assert.match(text, /allow_rel: path must be an absolute path/);
  assert.match(text, /allow_when: expires must be an ISO date/);
  assert.ok(errors.every((e) => e.line > 1));
});
