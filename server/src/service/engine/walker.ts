/**
 * The code-position engine: one pass over a language's tokens (see tokens.ts) keeping a frame per open bracket —
 * a call's arguments, a list, an object, a switch body — and handing each kind of place to its decider
 * (../deciders/): literals to values.ts, identifiers to names.ts, closed calls to calls.ts, closed lists to
 * lists.ts, named numbers and rows to tables.ts. The walker knows how brackets, commas, ternaries and switches look
 * in the token model; it knows no API and decides nothing itself. Calls and lists are decided when they close, since
 * the callee's rule or the list's use (`[408, 429].includes(res.status)`) is known only then.
 */
import { GETTER_PREFIX, KEY_READERS, STATUS_INDEXED, STATUS_KEYED_OBJECTS, STATUS_TABLE_NAME, statusCallsFor } from '../idioms';
import type { LanguageRow } from '../languages';
import type { ScanContext, ScanResult, SwitchShape } from '../scanTypes';
import { symbolicWordsIn } from '../scanTypes';
import { TokKind, type Tokens } from '../tokens';
import { closeCall, DECLARATIONS, endArg, findLocalStatusFunctions, wantsArgs } from '../deciders/calls';
import { hasStatusEvidence } from '../deciders/evidence';
import { listFate, returnedRowsFate } from '../deciders/lists';
import { decideIdentifier } from '../deciders/names';
import { columnFate, keyedTableFate, literalUnion, namedColumnsFate, namedStatusesFate, tableFate } from '../deciders/tables';
import { isStatusClass, statusSlot } from '../deciders/statusCall';
import { decideLiteral } from '../deciders/values';
import { CONVERSION_METHODS, newFrame, Walk, type Frame } from './walk';

/** Identifiers that, before `(`, are statements rather than callees. */
const NOT_CALLEES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'await', 'match', 'elif', 'and', 'or', 'not', 'in', 'foreach', 'echo', 'print', 'yield', 'void', 'delete', 'throw', 'case', 'with', 'assert']);
/** Identifiers after which `[` starts a list literal rather than a subscript. */
const LIST_AFTER_WORDS = new Set(['return', 'in', 'of', 'case', 'yield', 'throw', 'await', 'typeof', 'else', 'echo', 'print', 'and', 'or', 'not']);

/** Scans tokens for codes in code positions; `text` is what the offsets point into. */
export function findCodes(text: string, tokens: Tokens, ctx: ScanContext, row: LanguageRow): ScanResult {
  const w = new Walk(text, tokens, ctx, row.engine!);
  const calls = statusCallsFor(row.kind);
  const localCalls = findLocalStatusFunctions(w);
  const { frames, openOf, ternaryColon, groups, occurrences } = w;
  const n = w.length;
  let pendingSwitch: { key?: string; start: number; arms?: boolean } | undefined;

  const close = (k: number) => {
    const want = w.v(k) === ')' ? '(' : w.v(k) === ']' ? '[' : '{';
    // Tolerate unbalanced input: close the nearest matching frame within a few levels, else ignore the token.
    let depth = frames.length - 1;
    while (depth > 0 && frames[depth].open !== want && frames.length - depth < 4) depth--;
    if (depth <= 0 || frames[depth].open !== want) return;
    while (frames.length - 1 > depth) frames.pop();
    // Popped first, so that what the frame decides about itself sees its parent on top.
    const frame = frames.pop()!;
    openOf[k] = frame.openIndex;
    endArg(w, frame, k);
    if (frame.switchShape) closeSwitch(frame.switchShape, frame.openIndex, k, frame.group);
    if (frame.named && frame.ownKey !== undefined && w.keys.matchList(frame.ownKey)) namedStatusesFate(w, frame.named);
    else if (frame.named) tableFate(w, frame.named, frame.openIndex);
    // An object element of a list is a row of the list's table: go-restful's `{write: 204, read: 204}` rows.
    if (frame.named && frame.open === '{' && w.top().list && (w.isPunct(frame.openIndex - 1, ',') || w.isPunct(frame.openIndex - 1, '[') || w.isPunct(frame.openIndex - 1, '{'))) {
      (w.top().namedRows ??= []).push(frame.named);
    }
    if (frame.numericKeys) keyedTableFate(w, frame.numericKeys, frame.phraseKeys ?? 0, frame.openIndex);
    if (frame.caseLits) tableFate(w, frame.caseLits, frame.openIndex, 'case');
    if (frame.call) closeCall(w, frame, k);
    // A Go composite literal of a response or error type is its construction: govcd's `testutil.Response{500, nil,
    // msg}` reads as `Response(500, nil, msg)` would, its one numeric element a status.
    else if (frame.open === '{' && w.language.braceLists && frame.literals.length && w.isId(frame.openIndex - 1) && isStatusClass(w.v(frame.openIndex - 1))) {
      const slot = statusSlot(frame.literals.map((lit) => ({ lit, value: w.v(lit.k) })), (code) => w.ctx.names.httpCodes.has(code));
      if (slot) w.emitAt(slot.lit.k, 'call', w.v(frame.openIndex - 1), true, true, slot.lit.group);
    }
    // A Go slice literal is a list with one element too: `OkCodes: []int{200}`.
    else if (frame.list && (frame.open === '[' || frame.arg > 0 || (w.language.braceLists === true && frame.open === '{' && w.isId(frame.openIndex - 1) && w.isPunct(frame.openIndex - 2, ']')))) {
      if (frame.lists && frame.lists.size >= 2) columnFate(w, frame.lists, frame.openIndex);
      if (frame.namedRows && frame.namedRows.length >= 3) namedColumnsFate(w, frame.namedRows);
      listFate(w, frame.literals, frame.openIndex, k);
    } else if (frame.list && frame.open === '(' && frame.literals.length) {
      // A parenthesised expression that is a whole argument is the argument: DAViCal's
      // `$request->DoResponse( ($exists ? 204 : 201) )`.
      const parent = w.top();
      const argStart = w.isPunct(frame.openIndex - 1, ',') || frame.openIndex - 1 === parent.openIndex;
      if ((parent.call || parent.list) && argStart && (w.isPunct(k + 1, ',') || w.isPunct(k + 1, ')'))) {
        for (const lit of frame.literals) parent.literals.push({ k: lit.k, arg: parent.arg, group: lit.group });
      }
    }
  };

  /** A switch body closed by token k: where its last token ends (dedents skipped) and where the statement ends. */
  const closeSwitch = (shape: SwitchShape, openIndex: number, k: number, group: number) => {
    let j = k - 1;
    while (j > openIndex && w.isPunct(j, '}') && w.synthetic(j)) j--;
    shape.lastEnd = w.end(j);
    shape.close = w.start(k);
    shape.end = w.synthetic(k) ? shape.lastEnd : w.end(k);
    groups.setSwitch(group, shape);
  };

  /**
   * Token k is directly in a switch body: `default:` and `case _:` are its catch-all; a Python or-pattern's literals
   * (`case 400 | 404:`, `case (\n 400 | 404\n):`) are cases like a single one's.
   */
  const switchLabel = (k: number, frame: Frame) => {
    const shape = frame.switchShape!;
    if (w.v(k) === 'default' && w.isPunct(k + 1, ':') && !w.isPunct(k - 1, '.')) shape.wildcard ??= { start: w.start(k), end: w.end(k + 1) };
    if (w.v(k) !== 'case') return;
    if (w.v(k + 1) === '_' && w.isPunct(k + 2, ':')) shape.wildcard ??= { start: w.start(k), end: w.end(k + 2) };
    if (!w.language.orPatterns || frame.switchKey === undefined) return;
    const lits: number[] = [];
    let depth = 0;
    let j = k + 1;
    for (; j < n && j < k + 512; j++) {
      const t = w.v(j);
      if (w.isNum(j) || w.isStr(j)) lits.push(j);
      else if (t === '(') depth++;
      else if (t === ')' && depth > 0) depth--;
      else if (t === ':' && depth === 0) break;
      else if (t !== '|') return;
    }
    // A single bare literal is the ordinary `case 5004:`; the literal path reads it.
    if (j >= n || j >= k + 512 || !lits.length || j === k + 2) return;
    for (const lit of lits) w.orCaseLits.set(lit, frame.switchKey);
  };

  /** `(` at k: a call when an identifier (not a keyword) stands before it. */
  const openParen = (k: number) => {
    const frame = newFrame('(', k, w.top().group);
    const callee = w.v(k - 1);
    // Keywords are callees only as members (`ctx.throw(403)`, `ctx.assert(ok, 401)`).
    if (w.isId(k - 1) && (!NOT_CALLEES.has(callee) || w.isPunct(k - 2, '.')) && !DECLARATIONS.has(w.v(k - 2))) {
      const method = w.isPunct(k - 2, '.');
      let startIndex = k - 1;
      let form: 'method' | 'function' | 'new' = method ? 'method' : 'function';
      if (w.v(k - 2) === 'new' && w.isId(k - 2)) {
        form = 'new';
        startIndex = k - 2;
      } else if (method) {
        // `new a.B(…)` is a `new`; otherwise the call starts where its receiver chain does.
        let j = k - 1;
        while (w.isPunct(j - 1, '.') && w.isId(j - 2)) j -= 2;
        if (w.v(j - 1) === 'new' && w.isId(j - 1)) {
          form = 'new';
          startIndex = j - 1;
        } else startIndex = j;
      }
      // `super(location, 201)` calls the constructor of a class the file may define (`constructor(location, statusCode)`).
      const rows = (calls.get(callee) ?? localCalls.get(callee === 'super' && form === 'function' ? 'constructor' : callee))?.filter((r) => r.form === 'any' || r.form === form || (r.form === 'function' && form === 'new'));
      frame.call = { name: callee, form, nameIndex: k - 1, startIndex, rows };
      frame.wantArgs = wantsArgs(callee);
    } else frame.list = true; // a parenthesised expression, or a tuple when it holds a comma
    frames.push(frame);
  };

  const openBracket = (k: number) => {
    const frame = newFrame('[', k, w.top().group);
    // `a?.[404]` is a subscript too: the tokenizer reads `?.` as `.`.
    const optional = w.isPunct(k - 1, '.') && (w.isId(k - 2) || w.isPunct(k - 2, ')') || w.isPunct(k - 2, ']'));
    const before = optional ? k - 2 : k - 1;
    const subscript = ((w.isId(before) && !LIST_AFTER_WORDS.has(w.v(before))) || w.v(before) === ')' || w.v(before) === ']') && !w.isPunct(before, ',');
    if (subscript) {
      const key = w.chainEndBefore(before);
      if (key) {
        const m = w.keys.matchList(key);
        if (STATUS_INDEXED.has(key) || STATUS_TABLE_NAME.test(key) || STATUS_KEYED_OBJECTS.has(key)) frame.subscript = { key, http: true, exact: true };
        else if (m) frame.subscript = { key, http: m.http, exact: m.exact };
      }
      if (!frame.subscript) frame.plainSubscript = true;
    } else {
      frame.list = true;
      frame.ownKey = w.keyBefore(k);
    }
    frames.push(frame);
  };

  const openBrace = (k: number) => {
    const parent = w.top();
    const isSwitch = pendingSwitch !== undefined;
    const group = groups.add(isSwitch && !pendingSwitch!.arms ? 'switch' : 'object', parent.group);
    const frame = newFrame('{', k, group);
    if (isSwitch && pendingSwitch!.arms) {
      // A match expression's body: no switch shape (the switch action writes `case` labels, which it has none of).
      frame.switchKey = pendingSwitch!.key;
      frame.arms = true;
    } else if (isSwitch) {
      frame.switchKey = pendingSwitch!.key;
      frame.switchShape = { start: pendingSwitch!.start, key: pendingSwitch!.key, open: w.start(k), lastEnd: w.end(k), close: -1, end: -1 };
    } else {
      frame.ownKey = w.keyBefore(k);
      // A set or composite literal holds a list; a dict's or struct's keyed values are decided by their keys first.
      // (Python's indentation blocks are zero-length braces.)
      if (w.language.braceLists && w.end(k) > w.start(k)) frame.list = true;
    }
    pendingSwitch = undefined;
    frames.push(frame);
  };

  /** `switch (x.code)` / Python's `match body["code"]:` — the discriminant's key, for the cases below it. */
  const openSwitch = (k: number): boolean => {
    let j = k + 1;
    let depth = 0;
    let last: string | undefined;
    let previous: string | undefined;
    const paren = w.isPunct(j, '(');
    for (; j < n && j < k + 512; j++) {
      const kind = w.kind(j);
      const t = w.v(j);
      if (kind === TokKind.Punct) {
        if (t === '(' || t === '[') depth++;
        else if (t === ')' || t === ']') {
          depth--;
          if (paren && depth === 0) break;
          // `status.toString()` reads `status`; `getStatus()` reads `status`.
          if (t === ')' && w.v(j - 1) === '(' && last !== undefined) last = CONVERSION_METHODS.has(last) && w.isPunct(j - 3, '.') ? previous : last.replace(GETTER_PREFIX, '');
          // `match body.get("code"):`, `switch ($request->input('status'))`: a key reader names its key.
          else if (t === ')' && w.isStr(j - 1) && w.v(j - 2) === '(' && KEY_READERS.has(w.v(j - 3)) && (!paren || depth === 1)) last = w.v(j - 1);
          // `switch (codeClass(code))`: a call with arguments computes something else from the code.
          else if (t === ')' && (!paren || depth === 1)) last = undefined;
        } else if (!paren && depth === 0 && (t === ':' || t === ';' || t === '{' || t === '=')) {
          // Python's subject ends at `:`, Go's at the body's `{` (which openBrace then opens as the switch's).
          if (t === (w.language.switchSubjectEndsAtBrace ? '{' : ':')) break;
          return false;
        }
      } else if (kind === TokKind.Id) {
        previous = last;
        last = t;
      }
      else if (kind === TokKind.Str && w.isPunct(j - 1, '[')) last = t;
    }
    if (j >= n) return false;
    pendingSwitch = { key: last && w.keys.match(last) ? last : undefined, start: w.start(k) };
    return true;
  };

  for (let k = 0; k < n; k++) {
    const kind = w.kind(k);
    if (kind === TokKind.Punct) {
      switch (w.v(k)) {
        case '{':
          openBrace(k);
          break;
        case '(':
          openParen(k);
          break;
        case '[':
          openBracket(k);
          break;
        case '}':
        case ')':
        case ']':
          close(k);
          break;
        case ',': {
          const frame = w.top();
          endArg(w, frame, k);
          frame.arg++;
          frame.argStart = k + 1;
          frame.ternary = 0;
          break;
        }
        case '?':
          w.top().ternary++;
          break;
        case ':': {
          const frame = w.top();
          if (frame.ternary > 0) {
            ternaryColon[k] = 1;
            frame.ternary--;
          }
          break;
        }
        case ';':
          w.top().ternary = 0;
          break;
      }
      continue;
    }
    if (kind === TokKind.Id) {
      const name = w.v(k);
      if (name === w.language.switchKeyword && openSwitch(k)) continue;
      // PHP's `match (…) {`: a switch whose arms are `value, value => result` (not a method named match).
      if (name === w.language.matchKeyword && w.isPunct(k + 1, '(') && !w.isPunct(k - 1, '.') && openSwitch(k)) {
        const close = w.closeAfter(k + 1);
        if (close > 0 && w.isPunct(close + 1, '{')) pendingSwitch!.arms = true;
        else pendingSwitch = undefined;
        continue;
      }
      if (w.top().switchShape) switchLabel(k, w.top());
      if (ctx.hintKeys.has(name)) w.noteHintKey(name, w.top().group);
      decideIdentifier(w, k);
      continue;
    }
    if (kind === TokKind.Str && w.isPunct(k + 1, ':') && ctx.hintKeys.has(w.v(k))) w.noteHintKey(w.v(k), w.top().group);
    if (w.language.literalUnions && kind === TokKind.Num && w.isPunct(k + 1, '|')) {
      const last = literalUnion(w, k);
      if (last > 0) {
        k = last;
        continue;
      }
    }
    decideLiteral(w, k);
    if (w.pendingName >= 0 && w.pendingName === k - 2) {
      // The value did not make the name a constant of its code: the name is the symbolic code it always was.
      const p = w.pendingName;
      w.emitSymbolic(w.start(p), w.end(p), w.v(p), w.top().group, false);
    }
    if (w.pendingName >= 0 && w.pendingName < k) w.pendingName = -1;
  }
  // The file's top level closes last: its constants (`NOT_ALLOWED = 405` among `NOT_FOUND = 404`…) as a table.
  const root = w.frames[0];
  if (root.named) tableFate(w, root.named, -1);
  returnedRowsFate(w);
  if (w.statusClassRelated) for (const c of w.oneWordStatuses) w.emitAt(c.k, 'constant', c.qualifier, true, true, c.group, c.code);
  // Weak places corroborate each other: three or more holding two or more distinct statuses (`super("msg", 400)`,
  // `super("msg", 404)`… in a file of error classes) are evidence enough.
  // The file's evidence, read once: it changes only when a weak place is taken, which is evidence itself.
  let evidence: boolean | undefined;
  const evident = () => (evidence ??= hasStatusEvidence(text, w, occurrences, w.keys, w.language.webEvidence));
  // A callee given more numbers that are no status than statuses numbers its own outcomes (DokuWiki's
  // `RemoteException('…', 121)`, `…, 131)`, …, `…, 401)`): its statuses are chance.
  const statusesOf = new Map<string, number>();
  if (w.otherNumbers.size) for (const c of w.weakCalls) statusesOf.set(c.name, (statusesOf.get(c.name) ?? 0) + 1);
  const kept = w.otherNumbers.size ? w.weakCalls.filter((c) => (w.otherNumbers.get(c.name) ?? 0) < statusesOf.get(c.name)!) : w.weakCalls;
  // Constructions of a class whose name says status or error (`new HttpException(…, 404)`) stand on their own.
  for (const c of kept) if (c.strong) w.emitAt(c.k, 'call', c.name, true, true, c.group);
  const weakCalls = kept.filter((c) => !c.strong);
  const corroborated = weakCalls.length >= 3 && new Set(weakCalls.map((c) => w.v(c.k))).size >= 2;
  if (weakCalls.length && (corroborated || evident())) {
    const before = occurrences.length;
    for (const c of weakCalls) w.emitAt(c.k, 'call', c.name, true, false, c.group);
    if (occurrences.length > before) evidence = true;
  }
  // Arrays grouped by status (WebDAV's propstat results: `$newProperties[200][$prop]`, `unset($result[404][$name])`):
  // statuses as subscripts count when the file indexes by two distinct ones or more, not only round hundreds, and
  // shows status evidence elsewhere.
  const indexed = new Set(w.indexedStatuses.map((c) => w.v(c.k)));
  if (indexed.size >= 2 && [...indexed].some((v) => !v.endsWith('00')) && evident()) {
    for (const c of w.indexedStatuses) w.emitAt(c.k, 'key', undefined, true, false, c.group);
  }
  for (const [from, to] of tokens.comments) {
    symbolicWordsIn(text, from, to, ctx, (s, e, code) =>
      occurrences.push({ start: s, end: e, code, numeric: false, via: 'comment', exactKey: false, http: false, wholeString: false, group: 0 }),
    );
  }
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys: w.docHintKeys };
}
