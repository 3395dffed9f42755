import assert from "node:assert/strict";
import { settle } from "./run.ts";

const deadline = () => ({ stdout: "deadline", stderr: [] });
const crash = (e: unknown) => ({
  stdout: `crash ${(e as Error).message}`,
  stderr: [],
});

Deno.test("settle returns the work's outcome", async () => {
  const out = await settle({
    work: () => Promise.resolve({ stdout: "ok", stderr: [] }),
    deadlineMs: 1000,
    onDeadline: deadline,
    onCrash: crash,
  });
  assert.equal(out.stdout, "ok");
});

Deno.test("settle turns a throw into the crash outcome", async () => {
  const out = await settle({
    work: () => Promise.reject(new Error("boom")),
    deadlineMs: 1000,
    onDeadline: deadline,
    onCrash: crash,
  });
  assert.equal(out.stdout, "crash boom");
});

Deno.test("settle returns the deadline outcome and aborts the work's signal", async () => {
  let aborted = false;
  const out = await settle({
    work: (signal) =>
      new Promise((resolve) => {
        signal.addEventListener("abort", () => {
          aborted = true;
          resolve({ stdout: "late", stderr: [] });
        });
      }),
    deadlineMs: 20,
    onDeadline: deadline,
    onCrash: crash,
  });
  assert.equal(out.stdout, "deadline");
  assert.equal(aborted, true);
});

Deno.test("settle survives a throwing crash handler", async () => {
  const out = await settle({
    work: () => Promise.reject(new Error("a")),
    deadlineMs: 1000,
    onDeadline: deadline,
    onCrash: () => {
      throw new Error("b");
    },
  });
  assert.equal(out.stdout, "");
  assert.match(out.stderr[0], /internal error/);
});
