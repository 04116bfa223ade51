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
  /** The key this container is the value of. */
  parentKey?: string;
  /** An object whose keys are statuses (an OpenAPI operation's `responses`), and its keys so far. */
  responses?: ResponsesMap;
  /** Every key of the object that is a number, and how many keys it has: a table keyed by statuses? (tables.ts) */
  numericKeys?: { code: string; start: number }[];
  keys?: number;
}

export function scanJson(text: string, ctx: ScanContext): ScanResult {
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
      stack.push({ group: group(), arrayKey: property, parentKey: property });
      property = undefined;
    },
    onArrayEnd: () => {
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
        value(raw, offset + 1, INTEGER.test(raw), true);
      } else property = undefined;
    },
  });
  for (const o of keptResponseKeys(responseMaps, openApi, (code) => ctx.names.httpCodes.has(code))) occurrences.push(o);
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
