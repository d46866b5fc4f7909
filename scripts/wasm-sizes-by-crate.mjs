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
  if (!Number.isFinite(size)) continue;
  all += size;
  total.set(crateOf(name), (total.get(crateOf(name)) ?? 0) + size);
}

function crateOf(name) {
  if (/^data\[/.test(name)) return "(data segments)";
  if (/^(code|elem|type|import|export|global|table|memory)\[/.test(name) || /^"?(wasm-bindgen|__wbindgen|__wbg)/.test(name)) {
    return "(wasm-bindgen glue and sections)";
  }
  const bare = name.replace(/^[<&*\s]+/, "").replace(/^(mut|dyn|const)\s+/, "").replace(/^[<&*\s]+/, "");
  const head = bare.split("::")[0];
  return /^[a-z_][a-z0-9_]*$/.test(head) ? head : "(other)";
}

console.log("bytes      share  crate");
for (const [name, size] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${String(size).padStart(8)}  ${((100 * size) / all).toFixed(1).padStart(5)}%  ${name}`);
}
console.log(`${String(all).padStart(8)}  100.0%  total`);
