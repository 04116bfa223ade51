/**
 * VS Code's `files.exclude` and `search.exclude` as a walk's exclude test. Their values are glob → `true` | `false` |
 * `{ when: "$(basename).ts" }` (excluded when a sibling of that name exists), globs relative to the workspace folder;
 * `picomatch` reads the globs (VS Code's own dialect: `**`, `{a,b}`, `[…]`).
 */
import * as path from 'node:path';
import picomatch from 'picomatch';

/** A settings value of the `files.exclude` shape, as received (untrusted). */
export type ExcludeSetting = unknown;

interface Rule {
  match: (rel: string) => boolean;
  /** For `{ when }` rules: the sibling name that must exist, from the file's base name. */
  when?: string;
}

function rulesOf(setting: ExcludeSetting): Rule[] {
  if (!setting || typeof setting !== 'object' || Array.isArray(setting)) return [];
  const rules: Rule[] = [];
  for (const [glob, value] of Object.entries(setting as Record<string, unknown>)) {
    if (!glob || glob.length > 1000) continue;
    let when: string | undefined;
    if (value === true) when = undefined;
    else if (value && typeof value === 'object' && typeof (value as { when?: unknown }).when === 'string') when = (value as { when: string }).when;
    else continue;
    // A leading "./" or "/" means the folder's root, as in VS Code.
    const pattern = glob.replace(/^\.?\//, '');
    try {
      const matcher = picomatch(pattern, { dot: true });
      rules.push({ match: (rel) => matcher(rel), when });
    } catch {
      // An unreadable glob excludes nothing.
    }
  }
  return rules;
}

/**
 * The exclude test for a folder: a path is skipped when any rule of any setting matches its path relative to the
 * folder (for `when` rules: and the named sibling exists).
 */
export function excludeTest(root: string, ...settings: ExcludeSetting[]): ((abs: string, isDir: boolean, siblings: ReadonlySet<string>) => boolean) | undefined {
  const rules = settings.flatMap(rulesOf);
  if (!rules.length) return undefined;
  return (abs, _isDir, siblings) => {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) return false;
    for (const rule of rules) {
      if (!rule.match(rel)) continue;
      if (rule.when === undefined) return true;
      const base = path.basename(abs);
      const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
      if (siblings.has(rule.when.replace(/\$\(basename\)/g, stem))) return true;
    }
    return false;
  };
}
