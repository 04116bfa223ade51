/**
 * An imported page as a registry file that always loads: every field cut to the limit data/registry.schema.json sets
 * for it (read from the schema, so the two cannot drift), duplicates dropped, and what was cut reported.
 */
import schema from '../registry.schema.json';
import type { ImportReport } from './markdownImport';

const entrySchema = schema.properties.entries.items.properties;
/** The schema's limits for an imported entry's fields. */
export const LIMITS = {
  name: entrySchema.name.maxLength,
  title: entrySchema.title.maxLength,
  description: entrySchema.description.maxLength,
  category: entrySchema.category.maxLength,
  source: entrySchema.sources.items.maxLength,
  notes: entrySchema.notes.maxItems,
  note: entrySchema.notes.items.maxLength,
  displayName: schema.properties.vendor.properties.displayName.maxLength,
};

export interface ImportedFile {
  text: string;
  codes: number;
  /** The report's skipped blocks, plus one per entry whose notes were cut. */
  skipped: ImportReport['skipped'];
}

/** Builds the `<vendor>.errorcodes.json` text for an import. */
export function registryFileOf(report: ImportReport, vendorId: string, displayName: string | undefined, source: string | undefined): ImportedFile {
  // Codes and names share one namespace in a registry file (the loader rejects a token defined twice).
  const seen = new Set<string>();
  const skipped = [...report.skipped];
  const entries = [];
  for (const e of report.entries) {
    if (seen.has(e.code)) {
      skipped.push({ line: e.line, block: 'entry', reason: `"${e.code}" is already defined above; this ${e.code} was left out` });
      continue;
    }
    seen.add(e.code);
    let name = e.name?.slice(0, LIMITS.name);
    if (name === e.code) name = undefined;
    if (name && seen.has(name)) {
      skipped.push({ line: e.line, block: 'entry', reason: `the name "${name}" of ${e.code} is already defined above; ${e.code} was kept without it` });
      name = undefined;
    }
    if (name) seen.add(name);
    const notes = (e.notes ?? []).filter((n) => n.length > 0);
    if (notes.length > LIMITS.notes) {
      skipped.push({ line: e.line, block: 'list item', reason: `${notes.length - LIMITS.notes} notes of ${e.code} beyond the ${LIMITS.notes} an entry holds were left out` });
    }
    entries.push({
      code: e.code,
      ...(name ? { name } : {}),
      title: e.title.slice(0, LIMITS.title) || e.code,
      description: e.description.slice(0, LIMITS.description),
      category: (e.category ?? '').slice(0, LIMITS.category) || 'Uncategorised',
      ...(e.httpStatus && e.httpStatus >= 100 && e.httpStatus <= 599 ? { httpStatus: e.httpStatus } : {}),
      sources: [(source || 'imported page').slice(0, LIMITS.source)],
      ...(notes.length ? { notes: notes.slice(0, LIMITS.notes).map((n) => n.slice(0, LIMITS.note)) } : {}),
    });
  }
  const file = { vendor: { id: vendorId, displayName: (displayName || vendorId).slice(0, LIMITS.displayName) }, entries };
  return { text: JSON.stringify(file, null, 2) + '\n', codes: entries.length, skipped };
}
