/**
 * Workspace registry files: parsed, kept per URI with their last good version, and merged over the built-in registry.
 * Pure apart from the state it holds; the server wires it to notifications and diagnostics.
 */
import { parseRegistryText, Registry, type RegistryProblem, type RegistrySource } from './registry';
import type { WorkspaceRegistryFile } from './protocol';

interface FileState {
  /** The last version that parsed and validated, still serving when the current text is broken. */
  good?: RegistrySource;
  problems: RegistryProblem[];
  text: string;
}

export class WorkspaceRegistries {
  private files = new Map<string, FileState>();
  private clientNotices: string[] = [];
  private current: Registry;
  private readonly builtinRegistry: Registry;

  constructor(private readonly builtin: RegistrySource[]) {
    this.builtinRegistry = new Registry(builtin);
    this.current = this.builtinRegistry;
  }

  get registry(): Registry {
    return this.current;
  }

  /**
   * Replaces the set of files; returns true when the merged registry changed. Atomic: the new state is built aside and
   * committed only when the merged registry builds, so a failure leaves files, notices and registry as they were.
   */
  update(files: WorkspaceRegistryFile[], notices: string[]): boolean {
    const next = new Map<string, FileState>();
    let changed = false;
    for (const f of files) {
      const before = next.get(f.uri) ?? this.files.get(f.uri);
      if (before && before.text === f.text) {
        next.set(f.uri, before);
        continue;
      }
      const parsed = parseRegistryText(f.text, f.uri);
      const problems = this.problemsOfParsed(f.uri, f.text, parsed);
      const good = parsed.data ? { data: parsed.data, origin: 'workspace' as const, file: f.uri } : before?.good;
      next.set(f.uri, { good, problems, text: f.text });
      if (parsed.data || !before) changed = true;
    }
    for (const uri of this.files.keys()) if (!next.has(uri)) changed = true;
    const registry = changed ? new Registry([...this.builtin, ...[...next.values()].flatMap((s) => (s.good ? [s.good] : []))]) : this.current;
    this.files = next;
    this.clientNotices = [...notices];
    this.current = registry;
    return changed;
  }

  /** Problems of a registry file's current text (as the user types), for diagnostics inside it. */
  check(uri: string, text: string): RegistryProblem[] {
    return this.problemsOfParsed(uri, text, parseRegistryText(text, uri));
  }

  private problemsOfParsed(uri: string, text: string, parsed: ReturnType<typeof parseRegistryText>): RegistryProblem[] {
    return [...parsed.problems, ...(parsed.data ? this.semanticProblems(uri, text, parsed.data) : [])];
  }

  /** Why something is not in the tree: broken files (with their last good version serving) and client notices. */
  notices(): string[] {
    const out = [...this.clientNotices];
    for (const [uri, state] of this.files) {
      const errors = state.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        const name = uri.slice(uri.lastIndexOf('/') + 1);
        out.push(`${name}: ${errors[0].message}${errors.length > 1 ? ` (+${errors.length - 1} more)` : ''}; ${state.good ? 'its last good version is in use' : 'not loaded'}.`);
      }
    }
    return out;
  }

  /** What a schema cannot say: codes that shadow a built-in one, and new vendors without a display name. */
  private semanticProblems(uri: string, text: string, data: RegistrySource['data']): RegistryProblem[] {
    const out: RegistryProblem[] = [];
    const builtin = this.builtinRegistry;
    const vendor = data.vendor.id;
    const known = builtin.vendors.has(vendor);
    const locate = (needle: string, from = 0) => {
      const at = text.indexOf(needle, from);
      return at >= 0 ? { offset: at, length: needle.length } : { offset: 0, length: 0 };
    };
    if (!known && !data.vendor.displayName) {
      out.push({ file: uri, message: `"${vendor}" is a new vendor: add a displayName so hovers and the tree can name it.`, path: ['vendor', 'id'], ...locate(`"${vendor}"`), severity: 'warning' });
    }
    let from = 0;
    data.entries.forEach((e, i) => {
      const range = locate(`"${e.code}"`, from);
      if (range.length) from = range.offset + range.length;
      if (known && builtin.entry(vendor, e.code)) {
        out.push({ file: uri, message: `${e.code} overrides the built-in ${builtin.vendors.get(vendor)!.displayName} entry.`, path: ['entries', i, 'code'], ...range, severity: 'information' });
      }
    });
    return out;
  }
}
