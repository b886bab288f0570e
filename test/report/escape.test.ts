import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeTerminal, jsonForScript } from '../../src/report/index.js';

describe('escaping text from data', () => {
  it('escapes HTML for content and attributes', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
  });

  it('escapes Markdown so that a symbol cannot split a table cell or add markup', () => {
    const escaped = escapeMarkdown('*x*|<b>');
    expect(escaped).toBe('\\*x\\*\\|&lt;b&gt;');
    // Every pipe left is escaped, so a table row keeps its cell count.
    expect(escaped.replace(/\\\|/g, '')).not.toContain('|');
    expect(escapeMarkdown('[link](http://x) `code` _u_ ~s~ a\\b')).toBe('\\[link\\](http://x) \\`code\\` \\_u\\_ \\~s\\~ a\\\\b');
    expect(escapeMarkdown('two\nlines\r\n here')).toBe('two lines here');
  });

  it('keeps JSON inside a script element from closing it', () => {
    const text = jsonForScript({ description: 'x </script><script>alert(1)</script> & \u2028' });
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(JSON.parse(text)).toEqual({ description: 'x </script><script>alert(1)</script> & \u2028' });
  });

  it('replaces terminal control characters', () => {
    expect(escapeTerminal('WETH\u001b[31m red\u0007\u009b')).toBe('WETH?[31m red??');
  });
});
