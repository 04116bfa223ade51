/**
 * Suppressions: the `errorCodes.ignore` setting (codes or rule ids) and inline directives in comments —
 * `error-codes-disable-next-line [rule|code …]`, `error-codes-disable-line […]`, `error-codes-disable-file […]`.
 * doValidation applies them, so the editor, the CLI, the Action and the pre-commit hook drop the same findings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageRow, type LanguageKind } from './languages';

const DIRECTIVE = 'error-codes-disable';

/**
 * Comment openers a directive may follow: each language's row (languages.ts, `directiveComments`). JSON has no
 * comments (JSONC's are not read either, so a file means the same to every JSON reader); a log is what a program
 * wrote, and a logged request must not be able to switch checks off: both use the `errorCodes.ignore` setting or the
 * CLI's `--ignore` globs instead.
 */
function openersOf(kind: LanguageKind): readonly string[] {
  return languageRow(kind).directiveComments ?? [];
}

/** The line comment the "Ignore … on this line" quick fix writes; undefined where directives are not read. */
export function lineCommentOf(kind: LanguageKind): string | undefined {
  return openersOf(kind).length ? languageRow(kind).lineComment : undefined;
}

/** Whether an ignore list (the setting, or a directive's list; empty means every rule) names the rule or the code. */
export function ignores(list: readonly string[] | undefined, rule: string, code?: string): boolean {
  if (!list) return false;
  return list.includes(rule) || (code !== undefined && list.includes(code));
}

// After the directive: its kind, then optionally rule ids or codes (spaces or commas), then optionally `-- reason`;
// the comment ends the line. A quote anywhere after it means the "comment" was inside a string: no directive.
const REST = /^-(next-line|line|file)(?:[ \t]+([A-Za-z0-9_, \t-]*?))?(?:[ \t]+--[ \t][^'"`\r\n]*)?[ \t]*(?:\*\/)?[ \t]*$/;

interface Directive {
  /** Rule ids or codes; empty: every rule. */
  only: string[];
}

/** What is suppressed in one document version. */
export class Suppressions {
  private readonly file: Directive[] = [];
  private readonly byLine = new Map<number, Directive[]>();
  /** Line → the column where a directive's comment starts: findings inside the directive itself are no findings. */
  private readonly commentAt = new Map<number, number>();

  private constructor(private readonly ignore: readonly string[]) {}

  /** The document's directives (for its language) and the ignore setting. */
  static of(document: TextDocument, kind: LanguageKind, ignore: readonly string[]): Suppressions {
    const s = new Suppressions(ignore);
    const openers = openersOf(kind);
    if (!openers.length) return s;
    const text = document.getText();
    for (let at = text.indexOf(DIRECTIVE); at >= 0; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) {
      const { line } = document.positionAt(at);
      const lineStart = document.offsetAt({ line, character: 0 });
      const opener = /(\/\/|#|\/\*)[ \t]*$/.exec(text.slice(lineStart, at));
      if (!opener || !openers.includes(opener[1])) continue;
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;
      const m = REST.exec(text.slice(at + DIRECTIVE.length, lineEnd).replace(/\r$/, ''));
      if (!m) continue;
      const directive: Directive = { only: (m[2] ?? '').split(/[\s,]+/).filter(Boolean) };
      s.commentAt.set(line, Math.min(opener.index, s.commentAt.get(line) ?? Infinity));
      if (m[1] === 'file') s.file.push(directive);
      else s.add(line + (m[1] === 'next-line' ? 1 : 0), directive);
    }
    return s;
  }

  private add(line: number, d: Directive): void {
    const list = this.byLine.get(line);
    if (list) list.push(d);
    else this.byLine.set(line, [d]);
  }

  /** Whether a finding of `rule` about `code`, starting at line:character (0-based), is suppressed. */
  covers(line: number, character: number, rule: string, code?: string): boolean {
    if (ignores(this.ignore, rule, code)) return true;
    if ((this.commentAt.get(line) ?? Infinity) <= character) return true;
    const applies = (d: Directive) => !d.only.length || ignores(d.only, rule, code);
    return this.file.some(applies) || (this.byLine.get(line)?.some(applies) ?? false);
  }
}
