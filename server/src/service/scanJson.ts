/**
 * JSON / JSONC through an iterative walk over jsonc-parser's scanner (jsonWalk.ts), which keeps offsets; objects are
 * the context groups. In OpenAPI/Swagger documents the keys of operations' `responses` objects are HTTP statuses.
 */
import { NUMERIC_CODE } from '../codeShapes';
import { Groups } from './groups';
import { walkJson } from './jsonWalk';
import { Occurrences } from './occurrences';
import { isOpenApiRootKey, isResponsesMap, keptResponseKeys, responseKeyOccurrence, type ResponsesMap } from './openapi';
import { isStatusColumn } from './deciders/tables';
import { SYMBOLIC_RE, symbolicWordsIn, type ScanContext, type ScanResult } from './scanTypes';

const INTEGER = NUMERIC_CODE;

interface Container {
  group: number;
  /** For arrays: the key that holds them (a list of codes under `codes`). */
  arrayKey?: string;
  /** For an array of script lines (`exec`): the lines so far. */
  script?: ScriptLine[];
  /** The key this container is the value of. */
  parentKey?: string;
  /** An object whose keys are statuses (an OpenAPI operation's `responses`), and its keys so far. */
  responses?: ResponsesMap;
  /** Every key of the object that is a number, and how many keys it has: a table keyed by statuses? (tables.ts) */
  numericKeys?: { code: string; start: number }[];
  keys?: number;
}

/** Keys whose strings are JavaScript: a Postman collection's `exec` lines and its v1 `tests` / `preRequestScript`. */
const SCRIPT_ARRAYS = new Set(['exec']);
const SCRIPT_STRINGS = new Set(['tests', 'preRequestScript']);
/** Scripts longer than this are not scanned (a generated bundle in a string is no test script). */
const MAX_SCRIPT = 200_000;

/** One JSON string of a script: where its raw text starts in the document, and the raw text. */
interface ScriptLine {
  offset: number;
  raw: string;
}

/**
 * The codes of a script held in JSON strings, one line per string: the lines are decoded, joined and scanned as
 * JavaScript, and each place found is mapped back into the string it came from.
 */
function scriptCodes(lines: ScriptLine[], scanScript: (source: string) => ScanResult, occurrences: Occurrences, group: number): void {
  const starts: number[] = [];
  const decoded: string[] = [];
  let length = 0;
  for (const line of lines) {
    let s: string;
    try {
      s = line.raw.includes('\\') ? (JSON.parse(`"${line.raw}"`) as string) : line.raw;
    } catch {
      s = ''; // a malformed string holds no script
    }
    starts.push(length);
    decoded.push(s);
    length += s.length + 1;
    if (length > MAX_SCRIPT) return;
  }
  const found = scanScript(decoded.join('\n')).occurrences;
  for (let i = 0; i < found.length; i++) {
    const o = found.at(i);
    let n = starts.length - 1;
    while (n > 0 && starts[n] > o.start) n--;
    const from = o.start - starts[n];
    const to = o.end - starts[n];
    if (to > decoded[n].length) continue;
    const start = rawOffset(lines[n].raw, from);
    const end = rawOffset(lines[n].raw, to);
    occurrences.push({ ...o, start: lines[n].offset + start, end: lines[n].offset + end, group });
  }
}

/** The raw offset in a JSON string's text of its decoded character at `index` (escapes are longer than what they stand for). */
function rawOffset(raw: string, index: number): number {
  if (!raw.includes('\\')) return index;
  let r = 0;
  for (let d = 0; d < index && r < raw.length; d++) r += raw.charCodeAt(r) !== 92 ? 1 : raw[r + 1] === 'u' ? 6 : 2;
  return r;
}

export function scanJson(text: string, ctx: ScanContext, scanScript?: (source: string) => ScanResult): ScanResult {
  const occurrences = new Occurrences();
  const groups = new Groups();
  groups.add('block', -1);
  const docHintKeys = new Map<string, number>();
  /** Open containers; stack[0] is the document, stack[1] its root value. */
  const stack: Container[] = [{ group: 0 }];
  let property: string | undefined;
  /** Responses maps, kept until the walk knows whether this is an OpenAPI document. */
  const responseMaps: ResponsesMap[] = [];
  let openApi = false;

  const group = () => stack[stack.length - 1].group;
  const value = (code: string, start: number, numeric: boolean, isString: boolean) => {
    const top = stack[stack.length - 1];
    const key = property ?? top.arrayKey;
    const m = key !== undefined ? ctx.codeKeys.match(key) : null;
    if (m && (numeric || SYMBOLIC_RE.test(code))) {
      occurrences.push({ start, end: start + code.length, code, numeric, via: 'key', key, exactKey: m.exact, http: m.http, wholeString: isString, group: group() });
    } else if (isString && SYMBOLIC_RE.test(code)) {
      occurrences.push({ start, end: start + code.length, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: true, group: group() });
    } else if (isString && code.length > 0 && code.length < 10000) {
      symbolicWordsIn(code, 0, code.length, ctx, (s, e, token) =>
        occurrences.push({ start: start + s, end: start + e, code: token, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: group() }),
      );
    }
    property = undefined;
  };

  walkJson(text, {
    onObjectBegin: () => {
      const holder = stack[stack.length - 1];
      const holderKey = property ?? holder.arrayKey;
      const responses = property !== undefined && isResponsesMap(property, stack.length === 2, holder.parentKey) ? { keys: [], other: 0 } : undefined;
      if (responses) responseMaps.push(responses);
      stack.push({ group: groups.add('object', group()), parentKey: holderKey, responses });
      property = undefined;
    },
    onObjectEnd: () => {
      const top = stack[stack.length - 1];
      // `{ "100": "Continue", "101": "Switching Protocols", … }`: an object keyed by statuses is a status table.
      if (top.numericKeys && !top.responses) {
        const cells = top.numericKeys.map((c) => ({ value: c.code }));
        const others = (top.keys ?? 0) - cells.length;
        if (isStatusColumn([...cells, ...Array<undefined>(others).fill(undefined)], (c) => ctx.names.httpCodes.has(c), () => false)) {
          for (const c of top.numericKeys) {
            if (ctx.names.httpEntries.has(c.code)) occurrences.push({ start: c.start, end: c.start + c.code.length, code: c.code, numeric: true, via: 'key', exactKey: false, http: true, wholeString: true, group: top.group });
          }
        }
      }
      if (stack.length > 1) stack.pop();
      property = undefined;
    },
    onArrayBegin: () => {
      stack.push({ group: group(), arrayKey: property, parentKey: property, script: scanScript && property !== undefined && SCRIPT_ARRAYS.has(property) ? [] : undefined });
      property = undefined;
    },
    onArrayEnd: () => {
      const top = stack[stack.length - 1];
      if (top.script?.length) scriptCodes(top.script, scanScript!, occurrences, top.group);
      if (stack.length > 1) stack.pop();
      property = undefined;
    },
    onObjectProperty: (name, offset, length) => {
      property = name;
      if (ctx.hintKeys.has(name)) {
        docHintKeys.set(name, (docHintKeys.get(name) ?? 0) + 1);
        groups.addHintKey(group(), name);
      }
      const top = stack[stack.length - 1];
      top.keys = (top.keys ?? 0) + 1;
      if (/^"\d{3}"$/.test(text.slice(offset, offset + length))) (top.numericKeys ??= []).push({ code: text.slice(offset + 1, offset + 4), start: offset + 1 });
      if (top.responses && length >= 2) {
        const o = responseKeyOccurrence(text.slice(offset + 1, offset + length - 1), offset + 1, top.group);
        if (o) top.responses.keys.push(o);
        else top.responses.other++;
      }
      if (stack.length === 2 && isOpenApiRootKey(name)) openApi = true;
    },
    onLiteralValue: (kind, _value, offset, length) => {
      if (kind === 'number') {
        const raw = text.slice(offset, offset + length);
        if (INTEGER.test(raw)) value(raw, offset, true, false);
        else property = undefined;
      } else if (kind === 'string') {
        // The raw text between the quotes, so offsets stay exact even when the string has escapes.
        const raw = text.slice(offset + 1, offset + length - 1);
        const top = stack[stack.length - 1];
        if (top.script && property === undefined) top.script.push({ offset: offset + 1, raw });
        else if (scanScript && property !== undefined && SCRIPT_STRINGS.has(property)) scriptCodes([{ offset: offset + 1, raw }], scanScript, occurrences, group());
        value(raw, offset + 1, INTEGER.test(raw), true);
      } else property = undefined;
    },
  });
  for (const o of keptResponseKeys(responseMaps, openApi, (code) => ctx.names.httpCodes.has(code))) occurrences.push(o);
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
