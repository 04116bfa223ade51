/**
 * TypeScript / JavaScript: a tokenizer that knows strings, template literals, comments, regular expressions and
 * numbers, then a pass over the significant tokens that recognises code positions from their neighbours.
 */
import { NUMERIC_CODE } from '../codeShapes';
import { Groups } from './groups';
import { Occurrences } from './occurrences';
import { isWordChar, SYMBOLIC_RE, symbolicWordsIn, type ScanContext, type ScanResult, type Via } from './scanTypes';

const enum T {
  Id,
  Num,
  Str,
  Punct,
}

interface Tok {
  t: T;
  s: number;
  e: number;
  /** Identifier / number / punctuation text, or a string's content. */
  v: string;
}

/** Tokens after which `/` starts a regular expression rather than a division. */
const REGEX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>', '===', '!==', '==', '!=', '&&', '||', '??', '+=', '-=']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);
const PUNCT3 = new Set(['===', '!==', '...', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=']);
const PUNCT2 = new Set(['==', '!=', '=>', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>']);
const EQUALITY = new Set(['===', '==', '!==', '!=']);
/** Guards against pathological nesting in template literals. */
const MAX_TEMPLATE_DEPTH = 64;

function tokenize(text: string, comments: [number, number][]): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  const lastSig = () => toks[toks.length - 1];

  const skipString = (q: number, from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q) return j + 1;
      else if (c === 10 || c === 13) return j; // unterminated: stop at the line end
      else j++;
    }
    return n;
  };
  // Returns the index after the closing backtick of a template starting after `from`.
  const skipTemplate = (from: number, depth: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) return j + 1;
      else if (c === 36 && text.charCodeAt(j + 1) === 123 && depth < MAX_TEMPLATE_DEPTH) {
        j = skipExpression(j + 2, depth + 1);
      } else j++;
    }
    return n;
  };
  // Skips a `${ … }` expression, honouring nested strings, templates and braces.
  const skipExpression = (from: number, depth: number): number => {
    let j = from;
    let braces = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 39 || c === 34) j = skipString(c, j + 1);
      else if (c === 96) j = skipTemplate(j + 1, depth);
      else if (c === 123) {
        braces++;
        j++;
      } else if (c === 125) {
        if (braces === 0) return j + 1;
        braces--;
        j++;
      } else j++;
    }
    return n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        comments.push([i + 2, j]);
        i = j;
        continue;
      }
      if (d === 42) {
        const j = text.indexOf('*/', i + 2);
        const end = j < 0 ? n : j;
        comments.push([i + 2, end]);
        i = j < 0 ? n : j + 2;
        continue;
      }
      const prev = lastSig();
      const regex = !prev || (prev.t === T.Punct && REGEX_AFTER_PUNCT.has(prev.v)) || (prev.t === T.Id && REGEX_AFTER_WORD.has(prev.v));
      if (regex) {
        let j = i + 1;
        let inClass = false;
        while (j < n) {
          const r = text.charCodeAt(j);
          if (r === 92) j += 2;
          else if (r === 10 || r === 13) break;
          else {
            if (r === 91) inClass = true;
            else if (r === 93) inClass = false;
            else if (r === 47 && !inClass) break;
            j++;
          }
        }
        j++;
        while (j < n && isWordChar(text.charCodeAt(j))) j++;
        toks.push({ t: T.Punct, s: i, e: j, v: '/regex/' });
        i = j;
        continue;
      }
    }
    if (c === 39 || c === 34) {
      const j = skipString(c, i + 1);
      const closed = j > i + 1 && text.charCodeAt(j - 1) === c && j - 1 > i;
      toks.push({ t: T.Str, s: i, e: j, v: text.slice(i + 1, closed ? j - 1 : j) });
      i = j;
      continue;
    }
    if (c === 96) {
      const j = skipTemplate(i + 1, 0);
      toks.push({ t: T.Str, s: i, e: j, v: text.slice(i + 1, Math.max(i + 1, j - 1)) });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || (text.charCodeAt(j) === 46 && j + 1 < n && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57))) j++;
      toks.push({ t: T.Num, s: i, e: j, v: text.slice(i, j) });
      i = j;
      continue;
    }
    if (isWordChar(c) || c > 127) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) > 127)) j++;
      toks.push({ t: T.Id, s: i, e: j, v: text.slice(i, j) });
      i = j;
      continue;
    }
    if (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      toks.push({ t: T.Num, s: i, e: j, v: text.slice(i, j) });
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    const v = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : text[i];
    toks.push({ t: T.Punct, s: i, e: i + v.length, v });
    i += v.length;
  }
  return toks;
}

const INTEGER = NUMERIC_CODE;

/** Scans TS/JS text. */
export function scanTs(text: string, ctx: ScanContext): ScanResult {
  const comments: [number, number][] = [];
  const toks = tokenize(text, comments);
  const occurrences = new Occurrences();
  const groups = new Groups();
  groups.add('block', -1);
  const docHintKeys = new Map<string, number>();
  /** Open braces: their group id, and the code key of the switch they belong to. */
  const frames: { group: number; switchKey?: string }[] = [{ group: 0 }];
  let pendingSwitchKey: string | undefined;
  let pendingSwitch = false;

  const noteHintKey = (key: string, group: number) => {
    if (!ctx.hintKeys.has(key)) return;
    docHintKeys.set(key, (docHintKeys.get(key) ?? 0) + 1);
    groups.addHintKey(group, key);
  };

  const emit = (tok: Tok, via: Via, key: string | undefined, http: boolean, exactKey: boolean) => {
    const isStr = tok.t === T.Str;
    const code = tok.v;
    const start = isStr ? tok.s + 1 : tok.s;
    occurrences.push({
      start,
      end: start + code.length,
      code,
      numeric: INTEGER.test(code),
      via,
      key,
      exactKey,
      http,
      wholeString: isStr,
      group: frames[frames.length - 1].group,
    });
  };

  /** The last identifier of a member chain ending just before index k (`a.b?.status` → status). */
  const chainEndBefore = (k: number): Tok | undefined => {
    const t = toks[k];
    if (t && t.t === T.Id) return t;
    if (t && t.t === T.Str && toks[k - 1]?.v === '[') return t; // obj['status']
    if (t && t.v === ']' && toks[k - 1]?.t === T.Str && toks[k - 2]?.v === '[') return toks[k - 1];
    return undefined;
  };
  /** The last identifier of a member chain starting at index k (`res.data.code` → code). */
  const chainEndFrom = (k: number): Tok | undefined => {
    if (toks[k]?.t !== T.Id) return undefined;
    let j = k;
    while ((toks[j + 1]?.v === '.' || toks[j + 1]?.v === '?.') && toks[j + 2]?.t === T.Id) j += 2;
    return toks[j];
  };

  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k];
    if (tok.t === T.Punct) {
      if (tok.v === '{') {
        const group = groups.add(pendingSwitch ? 'switch' : 'object', frames[frames.length - 1].group);
        frames.push({ group, switchKey: pendingSwitch ? pendingSwitchKey : undefined });
        pendingSwitch = false;
        pendingSwitchKey = undefined;
      } else if (tok.v === '}') {
        if (frames.length > 1) frames.pop();
      }
      continue;
    }
    if (tok.t === T.Id) {
      if (tok.v === 'switch' && toks[k + 1]?.v === '(') {
        // Find the matching ')' and the last identifier of the discriminant.
        let depth = 0;
        let j = k + 1;
        let lastId: Tok | undefined;
        for (; j < toks.length; j++) {
          const v = toks[j].v;
          if (toks[j].t === T.Punct && v === '(') depth++;
          else if (toks[j].t === T.Punct && v === ')') {
            if (--depth === 0) break;
          } else if (toks[j].t === T.Id) lastId = toks[j];
          else if (toks[j].t === T.Str && toks[j - 1]?.v === '[') lastId = toks[j];
        }
        pendingSwitch = true;
        pendingSwitchKey = lastId && ctx.codeKeys.match(lastId.v) ? lastId.v : undefined;
        continue;
      }
      // Hint keys: an identifier used as a property name or key.
      if (ctx.hintKeys.has(tok.v)) noteHintKey(tok.v, frames[frames.length - 1].group);
      if (SYMBOLIC_RE.test(tok.v) && ctx.isSymbolic(tok.v)) {
        occurrences.push({
          start: tok.s,
          end: tok.e,
          code: tok.v,
          numeric: false,
          via: 'symbolic',
          exactKey: false,
          http: false,
          wholeString: false,
          group: frames[frames.length - 1].group,
        });
      }
      continue;
    }
    if (tok.t === T.Str) {
      if (toks[k + 1]?.v === ':' && ctx.hintKeys.has(tok.v)) noteHintKey(tok.v, frames[frames.length - 1].group);
    }
    // A value: a number, or a string that may be a numeric or symbolic code.
    const isNumericValue = INTEGER.test(tok.v);
    const isSymbolicString = tok.t === T.Str && SYMBOLIC_RE.test(tok.v);
    if (!isNumericValue && !isSymbolicString) {
      if (tok.t === T.Str && tok.v.length > 0) {
        const from = tok.s + 1;
        symbolicWordsIn(text, from, Math.min(tok.e, from + tok.v.length), ctx, (s, e, code) =>
          occurrences.push({ start: s, end: e, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: frames[frames.length - 1].group }),
        );
      }
      continue;
    }
    const prev = toks[k - 1];
    const prev2 = toks[k - 2];
    const prev3 = toks[k - 3];
    const next = toks[k + 1];
    let found = false;
    // key: value (object literal, interface literal type)
    if (prev?.v === ':' && prev.t === T.Punct && prev2 && (prev2.t === T.Id || prev2.t === T.Str) && (!prev3 || ['{', ',', ';'].includes(prev3.v))) {
      const m = ctx.codeKeys.match(prev2.v);
      if (m) {
        emit(tok, 'key', prev2.v, m.http, m.exact);
        found = true;
      }
    }
    // chain === value, chain = value
    if (!found && prev?.t === T.Punct && (EQUALITY.has(prev.v) || prev.v === '=')) {
      const end = chainEndBefore(k - 2);
      const m = end ? ctx.codeKeys.match(end.v) : null;
      if (end && m) {
        emit(tok, 'compare', end.v, m.http, m.exact);
        found = true;
      }
    }
    // value === chain
    if (!found && next?.t === T.Punct && EQUALITY.has(next.v)) {
      const end = chainEndFrom(k + 2);
      const m = end ? ctx.codeKeys.match(end.v) : null;
      if (end && m) {
        emit(tok, 'compare', end.v, m.http, m.exact);
        found = true;
      }
    }
    // obj.status(404), reply.code(429): first argument of a status method
    if (!found && prev?.v === '(' && prev2?.t === T.Id && (prev3?.v === '.' || prev3?.v === '?.') && (next?.v === ')' || next?.v === ',')) {
      if (ctx.codeKeys.isStatusCall(prev2.v)) {
        emit(tok, 'call', prev2.v, true, true);
        found = true;
      }
    }
    // case 5010: inside a switch over a code key
    if (!found && prev?.t === T.Id && prev.v === 'case' && next?.v === ':') {
      const frame = frames[frames.length - 1];
      if (frame.switchKey) {
        const m = ctx.codeKeys.match(frame.switchKey);
        emit(tok, 'case', frame.switchKey, m?.http ?? false, m?.exact ?? false);
        found = true;
      }
    }
    if (!found && isSymbolicString) {
      // A whole-string UPPER_SNAKE literal outside a code position: a symbolic code if known, a candidate for
      // did-you-mean otherwise.
      occurrences.push({
        start: tok.s + 1,
        end: tok.s + 1 + tok.v.length,
        code: tok.v,
        numeric: false,
        via: 'symbolic',
        exactKey: false,
        http: false,
        wholeString: true,
        group: frames[frames.length - 1].group,
      });
    }
  }
  for (const [from, to] of comments) {
    symbolicWordsIn(text, from, to, ctx, (s, e, code) =>
      occurrences.push({ start: s, end: e, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: 0 }),
    );
  }
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
