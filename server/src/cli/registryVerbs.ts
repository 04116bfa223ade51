/** `explain CODE` (the hover, for a terminal) and `list` (the registry as text, JSON or CSV). */
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { entryMarkdown } from '../service/hover';
import { vendorEnabled, type Settings } from '../settings';
import { terminalSafe } from './report';
import { markdownToTerminal } from './terminal';
import { UsageError } from './workspace';

export interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
}

export function checkVendor(registry: Registry, vendor: string | undefined): void {
  if (vendor !== undefined && !registry.vendors.has(vendor)) {
    throw new UsageError(`unknown vendor "${vendor}"; vendors: ${[...registry.vendors.keys()].join(', ')}`);
  }
}

/** The entries `explain` shows for `code`: every enabled vendor's, or `vendor`'s only (shared with the MCP server). */
export function explainEntries(registry: Registry, settings: Settings, code: string, vendor: string | undefined): readonly Entry[] {
  checkVendor(registry, vendor);
  return registry.lookup(code).filter((e) => (vendor ? e.vendor === vendor : vendorEnabled(settings, e.vendor)));
}

/** Prints every entry for `code` (of `vendor` when given); 1 when there is none. */
export function explain(registry: Registry, settings: Settings, code: string, vendor: string | undefined, out: Out, err: Out): number {
  const entries = explainEntries(registry, settings, code, vendor);
  if (!entries.length) {
    err.write(`${code}: no ${vendor ? `${registry.displayName(vendor)} ` : ''}entry in the registry\n`);
    return 1;
  }
  const colour = !!out.isTTY && !process.env.NO_COLOR;
  out.write(entries.map((e) => markdownToTerminal(entryMarkdown(e, registry), colour)).join(`${'─'.repeat(40)}\n`));
  return 0;
}

const COLUMNS = ['vendor', 'code', 'name', 'title', 'category', 'httpStatus', 'description', 'docsUrl', 'origin'] as const;

/** An entry as `list` writes it (JSON and CSV rows; the MCP server's list_codes too). */
export function row(e: Entry): Record<(typeof COLUMNS)[number], string> {
  return {
    vendor: e.vendor,
    code: e.code,
    name: e.name ?? '',
    title: e.title,
    category: e.category,
    httpStatus: e.httpStatus === undefined ? '' : String(e.httpStatus),
    description: e.description ?? '',
    docsUrl: e.docsUrl ?? '',
    origin: e.origin,
  };
}

/** RFC 4180: quote fields with commas, quotes or line breaks; double the quotes. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}


/** Prints the registry (one vendor's part when given). */
export function list(registry: Registry, settings: Settings, vendor: string | undefined, format: 'text' | 'json' | 'csv', out: Out): number {
  checkVendor(registry, vendor);
  const vendors = [...registry.vendors.values()].filter((v) => (vendor ? v.id === vendor : vendorEnabled(settings, v.id)));
  const rows = vendors.flatMap((v) => v.entries.map(row));
  if (format === 'json') out.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'csv') out.write([COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n');
  else {
    for (const v of vendors) {
      out.write(`${terminalSafe(v.displayName)} (${v.id}): ${v.entries.length} codes\n`);
      const width = Math.max(...v.entries.map((e) => e.code.length));
      for (const e of v.entries) {
        const name = e.name && e.name !== e.code && e.name !== e.title ? `${e.name}  ` : '';
        out.write(`  ${terminalSafe(e.code).padEnd(width)}  ${terminalSafe(name)}${terminalSafe(e.title)}\n`);
      }
    }
  }
  return 0;
}
