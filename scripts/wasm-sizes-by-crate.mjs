// Sums twiggy's per-item sizes (CSV from `twiggy top --format csv`) by the crate each item's
// name starts with, largest first. Trait impls (`<a::T as b::Trait>::f`) count for the type's
// crate; data segments and unnamed items have rows of their own.
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2], "utf8").trim().split("\n").slice(1);
const total = new Map();
let all = 0;
for (const row of rows) {
  const fields = row.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, "").replace(/^"|"$/g, ""));
  const [name, size] = [fields[0], Number(fields[1])];
  // The names twiggy reads are stripped from the shipped wasm.
  if (!Number.isFinite(size) || /subsection$|^"?Σ|^"?\.\.\. and/.test(name)) continue;
  all += size;
  total.set(crateOf(name), (total.get(crateOf(name)) ?? 0) + size);
}

function crateOf(name) {
  if (/^data segment|^data\[/.test(name)) return "(data: strings, tables)";
  if (/^(code|elem|type|import|export|global|table|memory)\[/.test(name) || /^"?(wasm-bindgen|__wbindgen|__wbg)/.test(name)) {
    return "(wasm-bindgen glue and sections)";
  }
  // The first path that names a crate: `<F as leptos_router::X>::f` counts for leptos_router,
  // `<char>::f` for core. Crate hashes (`dlmalloc[0123abcd]`) are dropped.
  const clean = name.replace(/\[[0-9a-f]{8,}\]/g, "");
  const path = clean.match(/(?:^|[<&*\s(,])([a-z_][a-z0-9_]*)::/);
  if (path) return path[1];
  if (/^<(char|str|u8|u16|u32|u64|usize|i32|i64|f32|f64|bool)>/.test(clean)) return "core";
  return "(other)";
}

console.log("bytes      share  crate");
for (const [name, size] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${String(size).padStart(8)}  ${((100 * size) / all).toFixed(1).padStart(5)}%  ${name}`);
}
console.log(`${String(all).padStart(8)}  100.0%  total`);
