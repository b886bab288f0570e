/**
 * The HTML report's stylesheet, inlined in a `<style>` element: the page loads nothing, so it reads
 * the same offline, attached to an e-mail or archived next to its data. System fonts only.
 */
export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #5b6168; --line: #d8dce1; --soft: #f5f6f8; --accent: #9b1c1c; --head: #eef0f3; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 56px; }
h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-top: 16px; border-top: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 24px 0 6px; }
p { margin: 6px 0 10px; max-width: 80ch; }
.lede { color: var(--muted); margin: 0 0 18px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; padding: 14px 18px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
.meta dt { color: var(--muted); font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 4px; padding: 0; list-style: none; }
.figures li { min-width: 150px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.figures .label { display: block; color: var(--muted); font-size: 12px; }
.figures .value { display: block; font-size: 19px; font-weight: 650; font-variant-numeric: tabular-nums; }
.figures .bad .value { color: var(--accent); }
.table-wrap { overflow-x: auto; margin: 10px 0 16px; }
table { border-collapse: collapse; width: auto; min-width: min(640px, 100%); font-size: 13px; }
caption { caption-side: top; text-align: left; font-weight: 600; color: var(--muted); padding: 0 0 6px; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--head); border-bottom: 2px solid #b9bec5; font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfc; }
tfoot td { font-weight: 650; border-top: 2px solid #b9bec5; border-bottom: none; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
.warnings { margin: 6px 0 12px; padding: 10px 14px 10px 32px; background: #fff8e6; border: 1px solid #f0d48a; border-radius: 6px; }
.no-warnings { color: var(--muted); }
figure { margin: 18px 0 26px; padding: 14px; border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { margin-top: 8px; color: var(--muted); font-size: 12.5px; }
nav ol { margin: 6px 0 0; padding-left: 20px; columns: 2; }
footer { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media print { main { max-width: none; padding: 0; } h2 { break-before: page; } figure, table { break-inside: avoid; } }
`;
