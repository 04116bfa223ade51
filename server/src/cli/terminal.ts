/**
 * The hover's markdown rendered for a terminal: parsed by markdown-it (so every escape the hover adds is undone by a
 * real parser, not by pattern), then bold/italic/code as ANSI styles when `colour`, links as `text <url>`. Registry
 * text reaches here through the hover's escaping, which has already removed control characters.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt({ html: false, linkify: false });

function inline(tokens: Token[], colour: boolean): string {
  const style = (on: number, off: number) => (colour ? [`\u001b[${on}m`, `\u001b[${off}m`] : ['', '']);
  const [boldOn, boldOff] = style(1, 22);
  const [emOn, emOff] = style(3, 23);
  const [codeOn, codeOff] = style(36, 39);
  let out = '';
  const links: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += t.content;
        break;
      case 'code_inline':
        out += codeOn + t.content + codeOff;
        break;
      case 'strong_open':
        out += boldOn;
        break;
      case 'strong_close':
        out += boldOff;
        break;
      case 'em_open':
        out += emOn;
        break;
      case 'em_close':
        out += emOff;
        break;
      case 'link_open':
        links.push(String(t.attrGet('href') ?? ''));
        break;
      case 'link_close':
        out += ` <${links.pop()}>`;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      default:
        out += t.content;
    }
  }
  return out;
}

/** Markdown (a hover) as terminal text. */
export function markdownToTerminal(markdown: string, colour: boolean): string {
  const blocks: string[] = [];
  let prefix = '';
  for (const t of md.parse(markdown, {})) {
    if (t.type === 'inline') blocks.push(prefix + inline(t.children ?? [], colour));
    else if (t.type === 'list_item_open') prefix = '  - ';
    else if (t.type === 'list_item_close') prefix = '';
    else if (t.type === 'hr') blocks.push('─'.repeat(40));
  }
  // List items sit on consecutive lines; other blocks are separated by a blank line.
  let out = '';
  blocks.forEach((b, i) => {
    if (i) out += b.startsWith('  - ') && blocks[i - 1].startsWith('  - ') ? '\n' : '\n\n';
    out += b;
  });
  return out + '\n';
}
