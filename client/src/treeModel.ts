/** The sidebar's model, built from the server's registry answer. Pure: no VS Code API, so it is unit-tested directly. */
import { usageKey, type CoverageResult, type RegistryResult, type TreeEntry, type TreeVendor } from '../../server/src/protocol';

export interface VendorNode {
  kind: 'vendor';
  id: string;
  vendor: TreeVendor;
  categories: CategoryNode[];
}

export interface CategoryNode {
  kind: 'category';
  id: string;
  vendorId: string;
  label: string;
  codes: CodeNode[];
}

export interface CodeNode {
  kind: 'code';
  id: string;
  vendorId: string;
  vendorName: string;
  category: string;
  entry: TreeEntry;
}

export type Node = VendorNode | CategoryNode | CodeNode;

/** Numeric codes in numeric order, then symbolic codes alphabetically. */
function compareCodes(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  return a.localeCompare(b);
}

export function buildTree(result: RegistryResult): VendorNode[] {
  return result.vendors.map((vendor) => {
    const byCategory = new Map<string, CodeNode[]>();
    for (const entry of vendor.entries) {
      const list = byCategory.get(entry.category) ?? [];
      list.push({
        kind: 'code',
        id: `${vendor.id}/${entry.category}/${entry.code}`,
        vendorId: vendor.id,
        vendorName: vendor.displayName,
        category: entry.category,
        entry,
      });
      byCategory.set(entry.category, list);
    }
    const categories = [...byCategory.entries()]
      .map(([label, codes]): CategoryNode => ({
        kind: 'category',
        id: `${vendor.id}/${label}`,
        vendorId: vendor.id,
        label,
        codes: codes.sort((a, b) => compareCodes(a.entry.code, b.entry.code)),
      }))
      .sort((a, b) => compareCodes(a.codes[0]?.entry.code ?? '', b.codes[0]?.entry.code ?? ''));
    return { kind: 'vendor', id: vendor.id, vendor, categories };
  });
}

/** Words for search: lower case, `FACE_TOO_SMALL` read as "face too small". */
const searchWords = (text: string) => text.toLowerCase().split(/[\s_]+/).filter(Boolean);

/** Case-insensitive match on code, name, title, description, vendor and category; every word of the query must match. */
export function searchCodes(vendors: VendorNode[], query: string): CodeNode[] {
  const words = searchWords(query);
  const out: CodeNode[] = [];
  for (const v of vendors) {
    for (const c of v.categories) {
      for (const node of c.codes) {
        const e = node.entry;
        const hay = searchWords(`${e.code} ${e.name ?? ''} ${e.title} ${e.description ?? ''} ${node.vendorName} ${node.category}`).join(' ');
        if (words.every((w) => hay.includes(w))) out.push(node);
      }
    }
  }
  return out;
}

/**
 * What a code is, in one line beside it: its name, then its title — or its description where the title only repeats
 * the name or the code (Faceki's titles are its names: `FACE_TOO_SMALL · FACE_TOO_SMALL` said nothing).
 */
export function entryText(e: Described): string {
  const name = e.name && !same(e.name, e.code) ? e.name : undefined;
  const meaning = meaningOf(e);
  return [name, meaning && !(name && same(meaning, name)) ? meaning : undefined].filter(Boolean).join(' · ') || e.title;
}

type Described = Pick<TreeEntry, 'code' | 'name' | 'title' | 'description'>;
const same = (a: string, b: string) => a.replace(/[\s_]+/g, ' ').trim().toLowerCase() === b.replace(/[\s_]+/g, ' ').trim().toLowerCase();

/** What a code means: its title, or its description where the title only repeats the code or the name. */
export function meaningOf(e: Described): string | undefined {
  const title = e.title && !same(e.title, e.code) && !(e.name && same(e.title, e.name)) ? e.title : undefined;
  return title ?? (e.description ? e.description.replace(/\s+/g, ' ').trim() : undefined) ?? e.title;
}

export function findCode(vendors: VendorNode[], vendorId: string, code: string): CodeNode | undefined {
  const vendor = vendors.find((v) => v.id === vendorId);
  for (const c of vendor?.categories ?? []) {
    const node = c.codes.find((n) => n.entry.code === code);
    if (node) return node;
  }
  return undefined;
}

export function parentOf(vendors: VendorNode[], node: Node): Node | undefined {
  if (node.kind === 'vendor') return undefined;
  const vendor = vendors.find((v) => v.id === node.vendorId);
  if (node.kind === 'category') return vendor;
  return vendor?.categories.find((c) => c.label === node.category);
}

export function codeCount(vendor: VendorNode): number {
  return vendor.categories.reduce((n, c) => n + c.codes.length, 0);
}

/** The index's use of the codes, as the tree shows it. */
export interface TreeCoverage {
  state: 'off' | 'indexing' | 'ready';
  vendors: Map<string, { handled: number; total: number }>;
  /** `vendor\ncode` → places in the workspace, and those in source code (not tests, specs or logs). */
  codes: Map<string, { places: number; handledPlaces: number }>;
}

export function treeCoverage(result: CoverageResult): TreeCoverage {
  return {
    state: result.status.state,
    vendors: new Map(result.vendors.map((v) => [v.vendor, { handled: v.handled, total: v.total }])),
    codes: new Map(result.codes.map((c) => [usageKey(c.vendor, c.code), { places: c.places, handledPlaces: c.handledPlaces }])),
  };
}

export function codeUse(coverage: TreeCoverage | undefined, node: CodeNode): { places: number; handledPlaces: number } {
  return coverage?.codes.get(usageKey(node.vendorId, node.entry.code)) ?? { places: 0, handledPlaces: 0 };
}

/**
 * A vendor row's description, short enough for the sidebar's default width: "24 codes" without an index, "handled 5
 * of 24 codes" with one, "19 unhandled of 24 codes" while only unhandled codes are shown (the rows below are those).
 */
export function vendorText(vendor: VendorNode, coverage: TreeCoverage | undefined, onlyUnhandled: boolean): string {
  const n = codeCount(vendor);
  const v = coverage && coverage.state !== 'off' ? coverage.vendors.get(vendor.id) : undefined;
  const codes = `${n} ${n === 1 ? 'code' : 'codes'}`;
  if (!v) return codes;
  const indexing = coverage!.state === 'indexing' ? ' (indexing…)' : '';
  return onlyUnhandled ? `${v.total - v.handled} unhandled of ${codes}${indexing}` : `handled ${v.handled} of ${codes}${indexing}`;
}

/** "handled 5 of 24" (and "indexing…" while the index is being built); undefined with no index. */
export function coverageText(coverage: TreeCoverage | undefined, vendorId: string): string | undefined {
  if (!coverage || coverage.state === 'off') return undefined;
  const v = coverage.vendors.get(vendorId);
  if (!v) return undefined;
  return `handled ${v.handled} of ${v.total}${coverage.state === 'indexing' ? ' (indexing…)' : ''}`;
}

/** How a code's places read in its tree item: "3 places", "2 places, none handles it" (service/handling.ts), or nothing. */
export function placesText(coverage: TreeCoverage | undefined, node: CodeNode): string | undefined {
  if (!coverage || coverage.state === 'off') return undefined;
  const { places, handledPlaces } = codeUse(coverage, node);
  if (!places) return undefined;
  const count = `${places} ${places === 1 ? 'place' : 'places'}`;
  return handledPlaces ? count : `${count}, none handles it`;
}

/** The categories and codes left when only unhandled codes are shown (a category with none left goes too). */
export function unhandledOnly(vendor: VendorNode, coverage: TreeCoverage | undefined): CategoryNode[] {
  return vendor.categories
    .map((c) => ({ ...c, codes: c.codes.filter((n) => codeUse(coverage, n).handledPlaces === 0) }))
    .filter((c) => c.codes.length > 0);
}
