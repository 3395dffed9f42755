/**
 * Merge the plugin's hook groups into a hooks file (Codex `hooks.json`, or
 * Claude Code `settings.json` which holds the same `hooks` object) and take
 * them out again, keeping every other group, key and the file's formatting.
 *
 * Insertions are made so that removal is their exact inverse: a group is
 * appended after the last item of an existing array; a missing event array or
 * `hooks` object is created as a new member after the last member. Removing
 * what was inserted gives back the original bytes.
 *
 * @module
 */
import { canonicalJson } from "./trust.ts";
import {
  member,
  parseSpans,
  type SpanMember,
  type SpanNode,
} from "./json_spans.ts";

/** One matcher group as it appears in a hooks file. */
export interface HookGroup {
  matcher?: string;
  hooks: { type: "command"; command: string; timeout?: number }[];
}

/** The groups to install, per event (`PreToolUse`, `PostToolUse`). */
export type GroupsByEvent = Record<string, HookGroup[]>;

/** Tells our own groups (from any earlier install) apart from everyone else's. */
export type IsOurs = (group: unknown) => boolean;

/** The indentation unit the file uses (the leading whitespace of its first indented line), default two spaces. */
export function indentUnit(text: string): string {
  const m = /\n([ \t]{1,16})["{[]/.exec(text);
  return m ? m[1] : "  ";
}

function render(value: unknown, unit: string, depth: number): string {
  const pad = unit.repeat(depth);
  return JSON.stringify(value, null, unit).split("\n").join("\n" + pad);
}

/** Whitespace just before offset `at`. */
function wsBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && " \t\r\n".includes(text[i - 1])) i--;
  return text.slice(i, at);
}

function splice(text: string, from: number, to: number, insert = ""): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Depth of a node = number of enclosing containers (root is 0). */
function depthOf(root: SpanNode, target: SpanNode): number {
  const walk = (n: SpanNode, d: number): number => {
    if (n === target) return d;
    const kids = n.kind === "object"
      ? n.members.map((m) => m.value)
      : n.kind === "array"
      ? n.items
      : [];
    for (const k of kids) {
      const r = walk(k, d + 1);
      if (r >= 0) return r;
    }
    return -1;
  };
  return walk(root, 0);
}

function appendItem(
  text: string,
  root: SpanNode,
  arr: SpanNode,
  value: unknown,
): string {
  if (arr.kind !== "array") throw new Error("expected an array");
  const unit = indentUnit(text);
  const d = depthOf(root, arr);
  if (arr.items.length === 0) {
    return splice(text, arr.start + 1, arr.start + 1, render(value, unit, d));
  }
  const last = arr.items[arr.items.length - 1];
  const ws = wsBefore(text, last.start);
  return splice(
    text,
    last.end,
    last.end,
    "," + ws + render(value, unit, d + 1),
  );
}

function appendMember(
  text: string,
  root: SpanNode,
  obj: SpanNode,
  key: string,
  value: unknown,
): string {
  if (obj.kind !== "object") throw new Error("expected an object");
  const unit = indentUnit(text);
  const d = depthOf(root, obj);
  const pad = unit.repeat(d + 1);
  // A container we create always opens with a newline, so removal can tell it from one the user had.
  const body = Array.isArray(value)
    ? "[\n" + value.map((v) =>
      pad + unit + render(v, unit, d + 2)
    ).join(",\n") +
      "\n" + pad + "]"
    : render(value, unit, d + 1);
  const text2 = JSON.stringify(key) + ": " + body;
  if (obj.members.length === 0) {
    return splice(text, obj.start + 1, obj.start + 1, text2);
  }
  const last = obj.members[obj.members.length - 1];
  const ws = wsBefore(text, last.keyStart);
  return splice(text, last.value.end, last.value.end, "," + ws + text2);
}

function removeItem(text: string, arr: SpanNode, index: number): string {
  if (arr.kind !== "array") return text;
  const it = arr.items[index];
  if (index > 0) return splice(text, arr.items[index - 1].end, it.end);
  if (arr.items.length > 1) return splice(text, it.start, arr.items[1].start);
  return splice(text, it.start, it.end);
}

function removeMember(text: string, obj: SpanNode, m: SpanMember): string {
  if (obj.kind !== "object") return text;
  const idx = obj.members.indexOf(m);
  if (idx > 0) return splice(text, obj.members[idx - 1].value.end, m.value.end);
  if (obj.members.length > 1) {
    return splice(text, m.keyStart, obj.members[1].keyStart);
  }
  return splice(text, m.keyStart, m.value.end);
}

/** Parse the text (empty text counts as `{}`); throws a readable error when it is not a JSON object. */
function rootOf(text: string, label: string): SpanNode {
  let root: SpanNode;
  try {
    root = parseSpans(text);
  } catch (e) {
    throw new Error(
      `${label} is not valid JSON (${
        (e as Error).message
      }); fix or move it, then re-run`,
    );
  }
  if (root.kind !== "object") {
    throw new Error(`${label} must hold a JSON object`);
  }
  return root;
}

/** Our groups currently in the text, per event, in file order. */
export function ourGroups(text: string, isOurs: IsOurs): GroupsByEvent {
  const out: GroupsByEvent = {};
  if (text.trim() === "") return out;
  const hooks = JSON.parse(text)?.hooks;
  if (!hooks || typeof hooks !== "object") return out;
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    const mine = groups.filter(isOurs) as HookGroup[];
    if (mine.length) out[event] = mine;
  }
  return out;
}

/** Remove every group of ours (and containers created only for them). */
export function unmergeGroups(
  text: string,
  isOurs: IsOurs,
  label = "hooks file",
): string {
  if (text.trim() === "") return text;
  let out = text;
  for (;;) {
    const root = rootOf(out, label);
    const hooksM = member(root, "hooks");
    if (!hooksM || hooksM.value.kind !== "object") return out;
    const hooksObj = hooksM.value;
    let changed = false;
    for (const m of hooksObj.members) {
      if (m.value.kind !== "array") continue;
      const idx = m.value.items.findIndex((it) =>
        isOurs(JSON.parse(out.slice(it.start, it.end)))
      );
      if (idx < 0) continue;
      const arr = m.value;
      const createdByUs = arr.items.length === 1 &&
        wsBefore(out, arr.items[0].start).length > 0 &&
        out.slice(arr.start + 1, arr.items[0].start).startsWith("\n");
      out = createdByUs
        ? removeMember(out, hooksObj, m)
        : removeItem(out, arr, idx);
      changed = true;
      break;
    }
    if (changed) continue;
    // A `hooks` object we created and emptied: `{` + whitespace + `}` with a newline inside.
    if (
      hooksObj.members.length === 0 &&
      out.slice(hooksObj.start + 1, hooksObj.end - 1).includes("\n")
    ) {
      out = removeMember(out, root, hooksM);
    }
    return out;
  }
}

/** True when the text is an object with nothing in it (so a file we created can be deleted). */
export function isEmptyObject(text: string): boolean {
  if (text.trim() === "") return true;
  try {
    const v = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) &&
      Object.keys(v).length === 0;
  } catch {
    return false;
  }
}

/**
 * Put exactly `groups` in the file as our groups: unchanged text when they
 * are already there, else earlier groups of ours are removed and the new ones
 * appended to each event's array.
 */
export function mergeGroups(
  text: string,
  groups: GroupsByEvent,
  isOurs: IsOurs,
  label = "hooks file",
): string {
  if (text.trim() !== "") rootOf(text, label);
  const current = ourGroups(text, isOurs);
  if (canonicalJson(current) === canonicalJson(groups)) return text;
  if (text.trim() === "") {
    return JSON.stringify({ hooks: groups }, null, 2) + "\n";
  }
  let out = unmergeGroups(text, isOurs, label);
  // Only our groups were there (a file the installer created): write it anew
  // in the file's own indentation rather than splicing into an empty `{}`.
  if (Object.keys(current).length > 0 && isEmptyObject(out)) {
    return JSON.stringify({ hooks: groups }, null, indentUnit(text)) + "\n";
  }
  for (const [event, list] of Object.entries(groups)) {
    for (const group of list) {
      const root = rootOf(out, label);
      const hooksM = member(root, "hooks");
      if (!hooksM) {
        const rest = Object.fromEntries(
          Object.entries(groups).map(([e, l]) => [e, l]),
        );
        out = appendMemberObject(out, root, "hooks", rest);
        return out;
      }
      if (hooksM.value.kind !== "object") {
        throw new Error(`${label}: "hooks" must be an object`);
      }
      const evM = member(hooksM.value, event);
      if (!evM) out = appendMember(out, root, hooksM.value, event, [group]);
      else if (evM.value.kind === "array") {
        out = appendItem(out, root, evM.value, group);
      } else throw new Error(`${label}: "hooks.${event}" must be an array`);
    }
  }
  return out;
}

/** Append `"key": {...}` (an object we create, opening with a newline) to an object. */
function appendMemberObject(
  text: string,
  root: SpanNode,
  key: string,
  value: Record<string, unknown>,
): string {
  const unit = indentUnit(text);
  const d = depthOf(root, root);
  const pad = unit.repeat(d + 1);
  const inner = Object.entries(value).map(([k, v]) =>
    pad + unit + JSON.stringify(k) + ": [\n" +
    (v as unknown[]).map((g) => pad + unit + unit + render(g, unit, d + 3))
      .join(",\n") +
    "\n" + pad + unit + "]"
  ).join(",\n");
  const body = "{\n" + inner + "\n" + pad + "}";
  if (root.kind !== "object") throw new Error("expected an object");
  const entry = JSON.stringify(key) + ": " + body;
  if (root.members.length === 0) {
    return splice(text, root.start + 1, root.start + 1, entry);
  }
  const last = root.members[root.members.length - 1];
  return splice(
    text,
    last.value.end,
    last.value.end,
    "," + wsBefore(text, last.keyStart) + entry,
  );
}

/** Where our groups sit after merging: event → group indexes, for trust keys. */
export function ourGroupIndexes(
  text: string,
  isOurs: IsOurs,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (text.trim() === "") return out;
  const hooks = JSON.parse(text)?.hooks ?? {};
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((g, i) => {
      if (isOurs(g)) (out[event] ??= []).push(i);
    });
  }
  return out;
}
