/** JSON / JSONC through jsonc-parser's visitor, which keeps offsets; objects are the context groups. */
import { visit } from 'jsonc-parser';
import { NUMERIC_CODE } from '../codeShapes';
import { Groups } from './groups';
import { Occurrences } from './occurrences';
import { SYMBOLIC_RE, symbolicWordsIn, type ScanContext, type ScanResult } from './scanTypes';

const INTEGER = NUMERIC_CODE;

export function scanJson(text: string, ctx: ScanContext): ScanResult {
  const occurrences = new Occurrences();
  const groups = new Groups();
  groups.add('block', -1);
  const docHintKeys = new Map<string, number>();
  /** Open containers; for objects, their group; for arrays, the key that holds them (a list of codes under `codes`). */
  const stack: { group: number; arrayKey?: string }[] = [{ group: 0 }];
  let property: string | undefined;

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

  visit(
    text,
    {
      onObjectBegin: () => {
        stack.push({ group: groups.add('object', group()) });
        property = undefined;
      },
      onObjectEnd: () => {
        if (stack.length > 1) stack.pop();
        property = undefined;
      },
      onArrayBegin: () => {
        stack.push({ group: group(), arrayKey: property });
        property = undefined;
      },
      onArrayEnd: () => {
        if (stack.length > 1) stack.pop();
        property = undefined;
      },
      onObjectProperty: (name) => {
        property = name;
        if (ctx.hintKeys.has(name)) {
          docHintKeys.set(name, (docHintKeys.get(name) ?? 0) + 1);
          groups.addHintKey(group(), name);
        }
      },
      onLiteralValue: (v: unknown, offset: number, length: number) => {
        if (typeof v === 'number') {
          const raw = text.slice(offset, offset + length);
          if (INTEGER.test(raw)) value(raw, offset, true, false);
          else property = undefined;
        } else if (typeof v === 'string') {
          // The raw text between the quotes, so offsets stay exact even when the string has escapes.
          const raw = text.slice(offset + 1, offset + length - 1);
          value(raw, offset + 1, INTEGER.test(raw), true);
        } else property = undefined;
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
