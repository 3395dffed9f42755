import assert from "node:assert/strict";
import { AUDIT_FILE, auditPath, dirOf } from "./paths.ts";

Deno.test("auditPath joins the data directory and the file name once", () => {
  assert.equal(auditPath("/srv/data"), `/srv/data/${AUDIT_FILE}`);
  assert.equal(auditPath("/srv/data/"), `/srv/data/${AUDIT_FILE}`);
  assert.equal(auditPath("rel"), `rel/${AUDIT_FILE}`);
});

Deno.test("dirOf: the folder of a path, '.' for a bare name, '/' at the root", () => {
  assert.equal(dirOf("/srv/data/audit.db"), "/srv/data");
  assert.equal(dirOf("/audit.db"), "/");
  assert.equal(dirOf("audit.db"), ".");
  assert.equal(dirOf("a/b"), "a");
});
