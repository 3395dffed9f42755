import assert from "node:assert/strict";
import { findSensitive } from "../detect/sensitive.ts";
import { redact } from "../redact.ts";

const red = (t: string) => redact(t, findSensitive(t));

Deno.test("UK postcodes after a town and CJK street addresses", () => {
  for (
    const [t, v] of [
      ["Flat 16, 72 Kingsway, London SE15 6NW", "SE15 6NW"],
      ["14 Park Row, Leeds, LS1 5HD", "LS1 5HD"],
      ["住所: 東京都新宿区西新宿2-8-1", "西新宿2-8-1"],
      ["地址：北京市朝阳区建国路88号", "建国路88号"],
      ["주소: 서울시 강남구 테헤란로 152", "테헤란로 152"],
    ]
  ) assert.ok(!red(t).includes(v), t);
});

Deno.test("postcode look-alikes and CJK prose stay", () => {
  for (
    const t of [
      "set CB1 2AB in the test fixture",
      "model SE15 6NWX",
      "東京都の人口は約1400万人です",
      "请在北京市的办公室开会",
    ]
  ) assert.equal(red(t), t);
});

Deno.test("regional address patterns are linear on long hostile text", () => {
  const t0 = performance.now();
  findSensitive("London A1 1AA ".repeat(8_000));
  findSensitive("東京都" + "新".repeat(50_000) + "区1-1");
  findSensitive("北京市".repeat(30_000));
  assert.ok(performance.now() - t0 < 5_000);
});
