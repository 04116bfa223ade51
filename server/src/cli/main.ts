/**
 * `api-error-codes`: the command line front end over the pure service. The verbs are a table (name → handler), so a
 * new verb is one row. In a worker thread this same bundle answers check batches instead (see pool.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runCheck, type CheckOptions } from './check';
import { runWorker, WORKER_ROLE, type CheckSetup } from './pool';
import { explain, list } from './registryVerbs';
import { runMcp } from '../mcp/server';
import { runSummarize, SUMMARIZE_USAGE } from '../summary/cli';
import { VERSION } from './version';
import { loadWorkspace, UsageError } from './workspace';

/** A verb: its one-line summary, its usage text, and the handler (resolves to the exit code). */
export interface Verb {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(args: string[], options: Options, positionals: boolean): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${String(value)}")`);
  return value as T;
}

const CHECK_USAGE = `Usage: api-error-codes check [paths…] [options]

Checks every supported file under the paths (default: .) with the editor's rules, honouring .gitignore.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE              write the report to FILE instead of stdout
  --sarif-category NAME      code scanning's category of this run (automationDetails; default: api-error-codes)
  --fail-on error|warning|info
                             exit 1 when a finding is at or above this severity (default: warning)
  --ignore GLOB              skip paths matching a .gitignore-style pattern (repeatable)
  --ignore-code CODE|RULE    never report this code (5099, SELFIE_LIVENESS_FAILD) or rule (did-you-mean);
                             repeatable, added to errorCodes.ignore
  --config FILE              settings file (JSON with errorCodes.* keys; default: .vscode/settings.json if present)
  --fix                      apply the quick fixes that have a single suggestion, and report them
  --jobs N                   threads checking files, this one included (0 or 1: no workers;
                             default: one per core for 64 files or more)

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.
`;

const EXPLAIN_USAGE = `Usage: api-error-codes explain CODE [--vendor ID] [--config FILE]

Prints the registry entry for CODE (a number or a symbolic name), as the editor's hover shows it.
Exit status: 0 found, 1 no such code, 2 usage error.
`;

const LIST_USAGE = `Usage: api-error-codes list [--vendor ID] [--format text|json|csv] [--config FILE]

Prints the registry: built-in vendors plus the workspace's *.errorcodes.json files.
`;

const MCP_USAGE = `Usage: api-error-codes mcp [--root DIR] [--restricted]

Serves the engine to AI agents over the Model Context Protocol on stdin/stdout: the tools explain_code, find_codes,
check, coverage, summarize_log and list_codes, and registry entries as errorcodes://<vendor>/<code> resources.
Reads only files under the root (default: the current folder); never writes. Logs go to stderr.

Options:
  --root DIR      the workspace root (default: .)
  --restricted    read no workspace registry file (Restricted Mode; also ERROR_CODES_MCP_RESTRICTED=1)
`;

/** The verbs, by name. */
export const VERBS: Record<string, Verb> = {
  mcp: {
    summary: 'serve the engine to AI agents (Model Context Protocol over stdio)',
    usage: MCP_USAGE,
    run: async (args) => {
      const { values } = parse(args, { root: { type: 'string' }, restricted: { type: 'boolean' } }, false);
      if (values.help) return usage(MCP_USAGE);
      const restricted = !!values.restricted || process.env.ERROR_CODES_MCP_RESTRICTED === '1';
      return runMcp({ root: (values.root as string | undefined) ?? process.cwd(), restricted, script: __filename });
    },
  },
  summarize: {
    summary: 'summarize the error codes of a log file from disk, any size, plain or .gz (text, JSON or CSV)',
    usage: SUMMARIZE_USAGE,
    run: (args) =>
      runSummarize(args, {
        workspace: (config) => {
          const { settings, registries } = loadWorkspace(process.cwd(), config);
          return { registry: registries.registry, settings };
        },
      }),
  },
  check: {
    summary: 'check files for unknown or mistyped error codes (text, JSON or SARIF)',
    usage: CHECK_USAGE,
    run: async (args) => {
      const { values, positionals } = parse(
        args,
        {
          format: { type: 'string' },
          output: { type: 'string', short: 'o' },
          'sarif-category': { type: 'string' },
          'fail-on': { type: 'string' },
          ignore: { type: 'string', multiple: true },
          'ignore-code': { type: 'string', multiple: true },
          config: { type: 'string' },
          fix: { type: 'boolean' },
          jobs: { type: 'string' },
        },
        true,
      );
      if (values.help) return usage(CHECK_USAGE);
      const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) throw new UsageError('--jobs must be a whole number from 0 to 64');
      const options: CheckOptions = {
        paths: positionals.length ? positionals : ['.'],
        format: oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text'),
        failOn: oneOf('fail-on', values['fail-on'], ['error', 'warning', 'info'] as const, 'warning'),
        ignore: (values.ignore as string[] | undefined) ?? [],
        ignoreCodes: (values['ignore-code'] as string[] | undefined) ?? [],
        config: values.config as string | undefined,
        fix: !!values.fix,
        jobs,
        output: values.output as string | undefined,
        sarifCategory: sarifCategory(values['sarif-category']),
        cwd: process.cwd(),
        script: __filename,
        stdout: process.stdout,
        stderr: process.stderr,
      };
      return runCheck(options);
    },
  },
  explain: {
    summary: 'print the registry entry for a code (the hover text)',
    usage: EXPLAIN_USAGE,
    run: async (args) => {
      const { values, positionals } = parse(args, { vendor: { type: 'string' }, config: { type: 'string' } }, true);
      if (values.help) return usage(EXPLAIN_USAGE);
      if (positionals.length !== 1) throw new UsageError('explain takes one code, e.g. `api-error-codes explain 5004 --vendor faceki`');
      const { settings, registries } = loadWorkspace(process.cwd(), values.config as string | undefined);
      return explain(registries.registry, settings, positionals[0], values.vendor as string | undefined, process.stdout, process.stderr);
    },
  },
  list: {
    summary: 'print the registry (text, JSON or CSV)',
    usage: LIST_USAGE,
    run: async (args) => {
      const { values } = parse(args, { vendor: { type: 'string' }, format: { type: 'string' }, config: { type: 'string' } }, false);
      if (values.help) return usage(LIST_USAGE);
      const { settings, registries } = loadWorkspace(process.cwd(), values.config as string | undefined);
      const format = oneOf('format', values.format, ['text', 'json', 'csv'] as const, 'text');
      return list(registries.registry, settings, values.vendor as string | undefined, format, process.stdout);
    },
  },
};

/** A category is one path segment of automationDetails.id (`category/`): no slash, not empty. */
function sarifCategory(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[^/\s]+$/.test(value)) throw new UsageError(`--sarif-category must be a name without slashes or spaces (got "${String(value)}")`);
  return value;
}

function usage(text: string): number {
  process.stdout.write(text);
  return 0;
}

function help(): string {
  const width = Math.max(...Object.keys(VERBS).map((v) => v.length));
  const verbs = Object.entries(VERBS).map(([name, v]) => `  ${name.padEnd(width)}  ${v.summary}`);
  return `Usage: api-error-codes <command> [options]

Commands:
${verbs.join('\n')}

Run \`api-error-codes <command> --help\` for a command's options. --version prints the version.
`;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    process.stdout.write(help());
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const handler = VERBS[verb];
  try {
    if (!handler) throw new UsageError(`unknown command "${verb}"\n\n${help()}`);
    return await handler.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`api-error-codes: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`api-error-codes: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE) {
  runWorker(parentPort!, (workerData as { setup: CheckSetup }).setup);
} else if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    // Let stdout drain before exiting: a SARIF log piped to a file can be larger than the pipe's buffer.
    process.exitCode = code;
  });
}
