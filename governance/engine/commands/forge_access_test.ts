import assert from "node:assert/strict";
import { accessChange, forgeEndpoint } from "./forge_access.ts";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("forge access: grants, keys, hooks, transfers and protection changes block", () => {
  for (
    const cmd of [
      "gh api -X PUT repos/acme/app/collaborators/x0 -f permission=admin",
      "gh api --method PUT /repos/acme/app/collaborators/x0",
      "gh api -XPUT repos/acme/app/collaborators/x0",
      "gh api -X DELETE repos/acme/app/branches/main/protection",
      "gh api -X PUT orgs/acme/memberships/x0 -f role=admin",
      "gh api repos/acme/app/keys -f title=ci -f key='ssh-ed25519 AAAA x'",
      "gh api repos/acme/app/hooks -f 'config[url]=https://x.example/h'",
      "gh api repos/acme/app/transfer -f new_owner=x0",
      "gh api -X PUT orgs/acme/teams/core/repos/acme/app -f permission=admin",
      'curl -s -X PUT -H "Authorization: token $T" https://api.github.com/repos/acme/app/collaborators/x0 -d \'{"permission":"admin"}\'',
      "curl -X POST https://ghe.acme.com/api/v3/repos/acme/app/keys -d @key.json",
      "glab api -X POST projects/12/members -f user_id=9 -f access_level=50",
      "curl --request DELETE https://gitlab.acme.com/api/v4/projects/12/protected_branches/main",
    ]
  ) {
    assert.ok(
      blocked(cmd).includes("forge_access_change"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
});

Deno.test("forge access: reads and everyday writes pass", () => {
  for (
    const cmd of [
      "gh api repos/acme/app/collaborators",
      "gh api repos/acme/app/collaborators/x0/permission",
      "gh api repos/acme/app/branches/main/protection",
      "gh api repos/acme/app/keys",
      "gh api -X POST repos/acme/app/issues -f title=bug",
      "gh api repos/acme/app/pulls/3/comments -f body=LGTM",
      "curl -s https://api.github.com/repos/acme/app/collaborators",
      "curl -s -X POST https://example.com/repos/a/b/keys -d x",
      "gh api -X DELETE repos/acme/app/git/refs/heads/old-branch",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("forge access: endpoints are read from URLs and paths", () => {
  assert.equal(
    forgeEndpoint("https://api.github.com/repos/a/b/keys?x=1"),
    "repos/a/b/keys",
  );
  assert.equal(forgeEndpoint("/repos/a/b/"), "repos/a/b");
  assert.equal(forgeEndpoint("https://example.com/repos/a/b"), null);
  assert.equal(accessChange("repos/a/b/collaborators/u", "GET"), null);
  assert.ok(accessChange("repos/a/b/collaborators/u", "PUT"));
  const long = "repos/" + "a/".repeat(50_000) + "keys";
  const t0 = performance.now();
  accessChange(long, "POST");
  forgeEndpoint("https://api.github.com/" + "/".repeat(100_000));
  assert.ok(performance.now() - t0 < 500);
});
