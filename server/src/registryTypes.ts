/** Shapes of registry files (data/registry/*.json, users' *.errorcodes.json) and of the loaded registry. */

/** Strings and JSON keys whose presence in a file suggests the vendor. */
export interface VendorHints {
  /** JSON / object keys distinctive of the vendor's payloads (`facegallery_id`). Matched exactly. */
  keys?: string[];
  /** Substrings (API hosts, product names) matched case-insensitively. */
  strings?: string[];
}

export interface VendorData {
  id: string;
  displayName?: string;
  description?: string;
  docsUrl?: string;
  hints?: VendorHints;
}

/** One vendor code as stored in a registry file. */
export interface EntryData {
  /** As callers write it: "412", "5004", "ERROR_NO_FACE_IN_FILE". */
  code: string;
  /** Symbolic name where the vendor has one besides a numeric code (Faceki `SELFIE_LIVENESS_FAILED` for 5004). */
  name?: string;
  title: string;
  description: string;
  category: string;
  httpStatus?: number;
  docsUrl?: string;
  /** Source documents the entry came from (file names under data/sources, or a user's page). */
  sources?: string[];
  /** Errata and other remarks, e.g. what the source said before a correction. */
  notes?: string[];
  /** A status no registry defines that widely used software sends on purpose (Cloudflare's 521, nginx's 499). */
  unofficial?: { usedBy: string; source?: string };
}

export interface RegistryFile {
  $schema?: string;
  vendor: VendorData;
  entries: EntryData[];
}

export type Origin = 'builtin' | 'workspace';

/** A loaded entry: file data plus its vendor and where it was loaded from. */
export interface Entry extends EntryData {
  vendor: string;
  origin: Origin;
  /** File the entry was loaded from (workspace entries: its URI or path). */
  file?: string;
}

export interface Vendor {
  id: string;
  displayName: string;
  description?: string;
  docsUrl?: string;
  hints: { keys: string[]; strings: string[] };
  origin: Origin;
  entries: Entry[];
}
