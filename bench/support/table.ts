/** Markdown tables for benchmark reports. */

export type Cell = string | number | boolean;

function cell(value: Cell): string {
  if (typeof value === "boolean") return value ? "PASS" : "FAIL";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return value.replace(/\|/g, "\\|");
}

/** A GitHub-flavoured markdown table (booleans print as PASS / FAIL). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  for (const row of rows) {
    if (row.length !== headers.length)
      throw new Error(`a table row has ${row.length} cells, the header ${headers.length}`);
  }
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => " --- ").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(" | ")} |`);
  return lines.join("\n");
}

/** Formats seconds with one decimal, e.g. `1.5 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function verdict(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}
