/**
 * Escaping for text that comes from data (symbols, protocol names, account ids, scenario names and
 * descriptions, snapshot labels). Imported snapshots and scenario files are user input: a token
 * symbol is whatever its contract says, so every such string passes through one of these before
 * it reaches a page.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);

/**
 * Escapes text for inline Markdown (a table cell, a heading, a list item, a paragraph): HTML-
 * significant characters become entities (so `<b>` shows as text rather than markup, and
 * `<img src=x` never appears verbatim), inline Markdown punctuation is backslash-escaped (`|`
 * included, which would split a table cell), and line breaks become spaces because a newline
 * would end a table row or a list item. Block markers (`#`, `-`, `1.`) only act at a line's
 * start, so the Markdown writer never starts a line with data text: it always follows a label,
 * a heading marker or a cell separator.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

/**
 * JSON for a `<script type="application/json">` element: `<` becomes `\u003c` so that no string
 * inside (a description holding `</script>`, say) can close the element; `>` and `&` likewise,
 * and U+2028/U+2029, which older parsers treat as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text for a terminal: control characters (C0, DEL, C1) become "?", so a symbol holding an ANSI
 * escape sequence cannot recolour, move the cursor or retitle the window of whoever reads it.
 */
export const escapeTerminal = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
