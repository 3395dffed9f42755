import assert from "node:assert/strict";
import { blocked } from "./test_helpers.ts";

Deno.test("wrappers: screen, parallel and bind mounts run what they wrap", () => {
  for (
    const c of [
      "screen -dmS x rm -rf ~",
      "parallel rm -rf ::: ~",
      "parallel 'rm -rf {}' ::: ~",
      "ls / | parallel rm -rf /{}",
      "mount --bind /home/u /tmp/m && rm -rf /tmp/m/*",
      "sudo mount -o bind ~ /mnt/h && rm -rf /mnt/h",
      "bindfs ~ /tmp/b && rm -rf /tmp/b/",
    ]
  ) assert.ok(blocked(c).length > 0, c);
});

Deno.test("wrappers: routine screen, parallel and mounts pass", () => {
  for (
    const c of [
      "screen -S dev -dm npm run dev",
      "screen -r",
      "parallel gzip ::: *.log",
      "parallel -j4 echo {} ::: a b c",
      "sudo mount --bind ./data /mnt/data && rm -rf /mnt/data/tmp",
      "mount /dev/sdb1 /mnt/usb",
    ]
  ) assert.deepEqual(blocked(c), [], c);
});
