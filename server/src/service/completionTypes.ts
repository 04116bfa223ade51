/** Where completion stands, shared by completion.ts and statusKeys.ts (no imports: a leaf). */

/** A key of an OpenAPI responses map being typed: how the chosen key is written, inside quotes the user opened or as a whole key. */
export interface StatusKeySite {
  language: 'json' | 'yaml';
  /** The caret is inside a quoted key: only the status goes in. */
  quoted: boolean;
  /** YAML: the line already has a `:` after the caret. */
  colonAfter: boolean;
}

/** Whether the caret is at a code position and what it has typed so far. */
export interface CompletionSite {
  numeric: boolean;
  symbolic: boolean;
  /** Offset where the typed prefix starts; the completion replaces [prefixStart, offset). */
  prefixStart: number;
  prefix: string;
  /** A key of an OpenAPI responses map is being typed: statuses, ranges and `default` are offered instead. */
  statusKey?: StatusKeySite;
}
