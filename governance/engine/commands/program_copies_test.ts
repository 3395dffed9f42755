import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("program copies: a copied or linked program runs as itself", () => {
  for (
    const cmd of [
      "cp /bin/rm ./tidy && ./tidy -rf ~",
      'ln -s "$(command -v rm)" ./x && ./x -rf /home/u',
      "ln -s `which rm` /tmp/c; /tmp/c -rf ~",
      "install -m 755 /bin/rm /tmp/tidy; /tmp/tidy -rf /home/u",
      "cp /usr/bin/dd ./copy && ./copy if=/dev/zero of=/dev/sda",
    ]
  ) {
    assert.notDeepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "cp /bin/ls ./l && ./l -la",
      "cp /bin/rm ./tidy && ./tidy -f build.log",
      "ln -s $(command -v python3) .venv/bin/python && .venv/bin/python -m pytest",
      "cp scripts/rm.sh ./x && ./x",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});
