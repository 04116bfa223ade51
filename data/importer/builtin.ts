/**
 * Builds the built-in registry (data/registry/*.json) from the vendor pages in data/sources, as described by
 * data/sources/sources.json. Pure apart from reading the files it is pointed at; the CLI writes or checks the result.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import statusCodes from 'statuses/codes.json';
import type { EntryData, RegistryFile } from '../../server/src/registryTypes';
import { importMarkdown, type ImportReport } from './markdownImport';

interface SourceSpec {
  file: string;
  title: string;
  provenance: string;
}

interface VendorSpec {
  id: string;
  displayName: string;
  description?: string;
  docsUrl?: string;
  codeDocsUrl?: string;
  hints: { keys: string[]; strings: string[] };
  categoryFixes?: Record<string, string>;
  categoryRanges?: { from: number; to: number; category: string }[];
  categoryFromHttpStatus?: boolean;
  standardHttp?: boolean;
  sources: SourceSpec[];
}

export interface BuildResult {
  files: Map<string, string>;
  reports: { vendor: string; file: string; report: ImportReport }[];
}

const HTTP_CLASSES: Record<string, string> = {
  '1': '1xx Informational',
  '2': '2xx Success',
  '3': '3xx Redirection',
  '4': '4xx Client Error',
  '5': '5xx Server Error',
};

/**
 * Codes in the `statuses` data that the IANA registry does not hold: 509 is an Apache extension.
 * (418 stays: the registry reserves it and servers do send it.)
 */
const NOT_IANA = new Set(['509']);

/** Reason phrases RFC 9110 changed; the registry keeps the widely used phrase and notes the current one. */
const RFC9110_RENAMES: Record<string, string> = {
  '413': 'Content Too Large',
  '422': 'Unprocessable Content',
};

function httpClass(status: number): string {
  return HTTP_CLASSES[String(status)[0]] ?? 'Other';
}

function categoryFor(spec: VendorSpec, entry: EntryData, pageCategory: string | undefined, notes: string[]): string {
  if (spec.categoryRanges) {
    const n = Number(entry.code);
    const range = spec.categoryRanges.find((r) => n >= r.from && n <= r.to);
    if (range) return range.category;
  }
  if (spec.categoryFromHttpStatus) {
    const status = entry.httpStatus ?? Number(entry.code);
    if (Number.isInteger(status)) return httpClass(status);
  }
  if (pageCategory && spec.categoryFixes?.[pageCategory]) {
    notes.push(`The source spells the category "${pageCategory}".`);
    return spec.categoryFixes[pageCategory];
  }
  return pageCategory ?? 'Uncategorised';
}

/** Merges one vendor's pages into its registry file. Later pages refine earlier ones; sources accumulate. */
export function buildVendor(spec: VendorSpec, root: string, reports: BuildResult['reports']): RegistryFile {
  const entries = new Map<string, EntryData>();
  const pageTitle = new Map<string, string>();
  for (const source of spec.sources) {
    const text = fs.readFileSync(path.join(root, 'data', 'sources', source.file), 'utf8');
    const report = importMarkdown(text);
    reports.push({ vendor: spec.id, file: source.file, report });
    const sourceRef = `data/sources/${source.file}`;
    for (const found of report.entries) {
      const notes = [...(found.notes ?? [])];
      const entry: EntryData = {
        code: found.code,
        ...(found.name && found.name !== found.code ? { name: found.name } : {}),
        title: found.title,
        description: found.description,
        category: '',
        ...(found.httpStatus !== undefined ? { httpStatus: found.httpStatus } : {}),
      };
      entry.category = categoryFor(spec, entry, found.category, notes);
      const before = entries.get(found.code);
      if (before) {
        if (before.description !== entry.description) {
          notes.push(`Earlier source said: "${before.description}".`);
        }
        entry.sources = [...(before.sources ?? []), sourceRef];
        const merged = [...new Set([...(before.notes ?? []), ...notes])];
        if (merged.length) entry.notes = merged;
      } else {
        entry.sources = [sourceRef];
        if (notes.length) entry.notes = notes;
      }
      pageTitle.set(found.code, found.title);
      entries.set(found.code, entry);
    }
  }

  if (spec.standardHttp) {
    const descriptions = JSON.parse(
      fs.readFileSync(path.join(root, 'data', 'sources', 'http-descriptions.json'), 'utf8'),
    ) as Record<string, string>;
    for (const [code, phrase] of Object.entries(statusCodes as Record<string, string>)) {
      if (NOT_IANA.has(code)) continue;
      const status = Number(code);
      const existing = entries.get(code);
      const notes = [...(existing?.notes ?? [])];
      if (existing && existing.title !== phrase) {
        notes.push(`The source page labels ${code} "${existing.title}"; the standard reason phrase is "${phrase}".`);
      }
      if (RFC9110_RENAMES[code]) notes.push(`RFC 9110 names it "${RFC9110_RENAMES[code]}".`);
      const entry: EntryData = {
        code,
        title: phrase,
        description: existing?.description ?? descriptions[code] ?? phrase,
        category: httpClass(status),
        httpStatus: status,
        sources: existing?.sources ?? ['statuses (IANA HTTP Status Code Registry)'],
        ...(notes.length ? { notes } : {}),
      };
      entries.set(code, entry);
    }
    for (const code of entries.keys()) {
      if (!(code in statusCodes)) throw new Error(`${spec.id}: page code ${code} is not a registered HTTP status`);
    }
    // The unofficial tier: statuses widely used software sends on purpose, from a facts file of our own words.
    const unofficial = JSON.parse(fs.readFileSync(path.join(root, 'data', 'sources', 'http-unofficial.json'), 'utf8')) as {
      statuses: { code: string; usedBy: string; title: string; description: string; source: string }[];
    };
    for (const u of unofficial.statuses) {
      const registered = entries.get(u.code);
      if (registered && !registered.unofficial) throw new Error(`http-unofficial.json: ${u.code} is a registered HTTP status`);
      entries.set(u.code, {
        code: u.code,
        title: u.title,
        description: u.description,
        category: httpClass(Number(u.code)),
        httpStatus: Number(u.code),
        sources: ['http-unofficial.json'],
        unofficial: { usedBy: u.usedBy, source: u.source },
      });
    }
  }

  const list = [...entries.values()];
  if (spec.standardHttp) list.sort((a, b) => Number(a.code) - Number(b.code));
  // Stable key order in the generated files.
  const ordered = list.map(
    (entry): EntryData => ({
      code: entry.code,
      ...(entry.name ? { name: entry.name } : {}),
      title: entry.title,
      description: entry.description,
      category: entry.category,
      ...(entry.httpStatus !== undefined ? { httpStatus: entry.httpStatus } : {}),
      ...(entry.unofficial?.source
        ? { docsUrl: entry.unofficial.source }
        : spec.codeDocsUrl || spec.docsUrl
          ? { docsUrl: spec.codeDocsUrl ? spec.codeDocsUrl.replace('{code}', entry.code) : spec.docsUrl }
          : {}),
      sources: entry.sources,
      ...(entry.notes?.length ? { notes: entry.notes } : {}),
      ...(entry.unofficial ? { unofficial: entry.unofficial } : {}),
    }),
  );

  return {
    $schema: '../registry.schema.json',
    vendor: {
      id: spec.id,
      displayName: spec.displayName,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.docsUrl ? { docsUrl: spec.docsUrl } : {}),
      hints: spec.hints,
    },
    entries: ordered,
  };
}

/** Every generated file (path relative to root → content) for the vendors listed in data/sources/sources.json. */
export function buildBuiltinRegistry(root: string): BuildResult {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'data', 'sources', 'sources.json'), 'utf8')) as {
    vendors: VendorSpec[];
  };
  const files = new Map<string, string>();
  const reports: BuildResult['reports'] = [];
  for (const spec of manifest.vendors) {
    const file = buildVendor(spec, root, reports);
    files.set(`data/registry/${spec.id}.json`, JSON.stringify(file, null, 2) + '\n');
  }
  return { files, reports };
}

/** The registry schema compiled to a standalone validator module, so the server never compiles it at start-up. */
export function buildValidatorModule(root: string): string {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'data', 'registry.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  return '// Generated by `npm run data` from data/registry.schema.json. Do not edit.\n' + code + '\n';
}
