import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

const FIRES: [string, string][] = [
  [
    'curl -X DELETE -H "Authorization: Bearer $CF_API_TOKEN" https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353',
    "cloud_bulk_delete",
  ],
  [
    'curl -s -X DELETE "https://api.cloudflare.com/client/v4/zones/$ZONE_ID" -H "Authorization: Bearer $T"',
    "cloud_bulk_delete",
  ],
  [
    "curl -sS --request DELETE https://api.cloudflare.com/client/v4/zones/abc123/",
    "cloud_bulk_delete",
  ],
  [
    "curl -XDELETE 'https://management.azure.com/subscriptions/0000/resourcegroups/rg-prod?api-version=2021-04-01'",
    "cloud_bulk_delete",
  ],
  [
    "curl -X DELETE https://cloudresourcemanager.googleapis.com/v1/projects/acme-prod",
    "cloud_bulk_delete",
  ],
  [
    "curl -X DELETE https://api.cloudflare.com/client/v4/zones/abc/logpush/jobs/42",
    "cloud_audit_disable",
  ],
  [
    "http DELETE https://api.cloudflare.com/client/v4/accounts/a1/logpush/jobs/7",
    "cloud_audit_disable",
  ],
];

const PASSES = [
  "curl -X DELETE https://api.cloudflare.com/client/v4/zones/abc/dns_records/rec1",
  'curl -X DELETE "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/dns_records/$REC"',
  "curl https://api.cloudflare.com/client/v4/zones/abc",
  "curl -X GET https://api.cloudflare.com/client/v4/zones/abc/logpush/jobs",
  "curl -X POST https://api.cloudflare.com/client/v4/zones/abc/purge_cache -d '{\"purge_everything\":true}'",
  "curl -X DELETE http://localhost:8080/api/items/3",
];

Deno.test("hosted api: deleting a zone, group, project or log export blocks", () => {
  for (const [cmd, name] of FIRES) {
    assert.ok(fired(cmd).includes(name), `${cmd} should fire ${name}`);
    assert.ok(blocked(cmd).length > 0, `${cmd} should block`);
  }
});

Deno.test("hosted api: single records and reads pass", () => {
  for (const cmd of PASSES) {
    assert.equal(blocked(cmd).length, 0, `${cmd} should pass`);
  }
});

Deno.test("hosted api: a long hostile URL is judged in linear time", () => {
  const url = "https://api.cloudflare.com/client/v4/zones/" +
    "a".repeat(200_000);
  const t0 = performance.now();
  fired(`curl -X DELETE ${url}`);
  assert.ok(performance.now() - t0 < 2000);
});
