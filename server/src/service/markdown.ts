/**
 * Registry text is data: everything from a registry file goes through these helpers before it reaches markdown, so
 * a description cannot become a link, a command, HTML or a heading. Code spans in descriptions (`user_id`) are
 * kept as code spans, which cannot carry markup either.
 */

/** Longest text of one field that reaches a hover or tooltip. */
export const MAX_FIELD = 1000;

/** One line of registry text, control characters removed, at most `max` characters; as plain text needs it. */
export function bound(text: string, max = MAX_FIELD): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ');
  return clean.length > max ? clean.slice(0, max - 1) + '…' : clean;
}

/**
 * Escapes every character markdown (and the HTML VS Code allows in it) could read as markup. Text is one line after
 * bound(), so list and heading markers can only occur at its start. `:` is escaped so no URL or `command:` link can
 * form from bare text.
 */
export function escapeMarkdown(text: string, max = MAX_FIELD): string {
  return bound(text, max)
    .replace(/[\\`*_{}[\]()<>#|~&:!]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c))
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

/** A code span holding any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string, max = 200): string {
  const t = bound(text, max);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Registry prose with its `code spans` kept as code and everything else escaped. */
export function prose(text: string, max = MAX_FIELD): string {
  const t = bound(text, max);
  const parts = t.split(/(`[^`]+`)/);
  return parts.map((p, i) => (i % 2 === 1 ? codeSpan(p.slice(1, -1)) : escapeMarkdown(p, max))).join('');
}

/** The URL when it is http(s) and well formed, percent-encoded where markdown could break out of it. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url) || url.length > 2000) return undefined;
  let href: string;
  try {
    href = new URL(url).href;
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(new URL(href).protocol)) return undefined;
  return href.replace(/[()<>\s"'\\[\]]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** A link only for http(s) URLs, with the URL percent-encoded where markdown could break out of it. */
export function safeLink(label: string, url: string | undefined): string | undefined {
  const href = safeUrl(url);
  return href ? `[${escapeMarkdown(label, 200)}](${href})` : undefined;
}
