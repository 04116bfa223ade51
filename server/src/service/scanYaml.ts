/**
 * YAML through the `yaml` package's lexer: its tokens carry the source text, so offsets are their running sum. The
 * lexer is about four times faster than building the package's CST here (see README, Architecture), and the structure
 * this scanner needs — which mapping a key belongs to, which key a value belongs to — follows from indentation
 * columns and flow brackets with an explicit stack, so no depth of nesting can overflow the call stack.
 */
import { Lexer } from 'yaml';
import { NUMERIC_CODE } from '../codeShapes';
import { Groups } from './groups';
import { Occurrences } from './occurrences';
import { isOpenApiRootKey, isResponsesMap, keptResponseKeys, responseKeyOccurrence, type ResponsesMap } from './openapi';
import { SYMBOLIC_RE, symbolicWordsIn, type ScanContext, type ScanResult } from './scanTypes';

/** Lexer control tokens: they stand for no source text. */
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

interface Frame {
  kind: 'map' | 'seq';
  flow: boolean;
  /** Column of a block collection's keys or dashes. */
  indent: number;
  group: number;
  /** A map's current key (its value not yet seen); a sequence's items take the key that holds the sequence. */
  key: string | undefined;
  /** The key this collection is the value of. */
  parentKey: string | undefined;
  parent: Frame | undefined;
  /** A map whose keys are statuses (an OpenAPI operation's `responses`), and its keys so far. */
  responses?: ResponsesMap;
}

interface PendingScalar {
  /** Offset of the token (its opening quote for quoted scalars). */
  tokenStart: number;
  /** Offsets of the content. */
  start: number;
  end: number;
  quoted: boolean;
  block: boolean;
}

export function scanYaml(text: string, ctx: ScanContext): ScanResult {
  const occurrences = new Occurrences();
  const groups = new Groups();
  groups.add('block', -1);
  const docHintKeys = new Map<string, number>();

  let frames: Frame[] = [];
  /** Responses maps of the current document, kept until we know whether it is an OpenAPI document. */
  let responseMaps: ResponsesMap[] = [];
  let openApi = false;
  /** Groups of anchored mappings, so `<<: *base` brings the anchored mapping's hint keys along. */
  let anchors = new Map<string, number>();
  let anchor: { name: string; end: number } | undefined;
  /** Column of a `?` whose key comes next, or -1. */
  let explicitKey = -1;
  let flowDepth = 0;

  const top = () => frames[frames.length - 1] as Frame | undefined;
  const groupOf = () => top()?.group ?? 0;
  const column = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

  const endDocument = () => {
    for (const o of keptResponseKeys(responseMaps, openApi, (code) => ctx.names.httpCodes.has(code))) occurrences.push(o);
    responseMaps = [];
    openApi = false;
    frames = [];
    flowDepth = 0;
    anchors = new Map();
    anchor = undefined;
  };

  const push = (kind: 'map' | 'seq', flow: boolean, indent: number) => {
    const parent = top();
    // A sequence's key is the one that holds it, so a collection inside a sequence is under that key too.
    const parentKey = parent?.key;
    const group = kind === 'map' ? groups.add('object', groupOf()) : groupOf();
    const frame: Frame = {
      kind,
      flow,
      indent,
      group,
      key: kind === 'seq' ? parentKey : undefined,
      parentKey,
      parent,
      responses: kind === 'map' && parent?.kind === 'map' && isResponsesMap(parent.key, parent.parent === undefined, parent.parentKey) ? { keys: [], other: 0 } : undefined,
    };
    if (frame.responses) responseMaps.push(frame.responses);
    // A flow collection is its key's whole value; a block one keeps the key until the next sibling replaces it.
    if (flow && parent?.kind === 'map') parent.key = undefined;
    if (kind === 'map' && anchor) {
      anchors.set(anchor.name, group);
      anchor = undefined;
    }
    frames.push(frame);
    if (flow) flowDepth++;
    return frame;
  };

  /** Leaves the block collections a token at this column closes. */
  const dedent = (col: number, forKey: boolean) => {
    for (let f = top(); f && !f.flow; f = top()) {
      // A sequence may sit at its key's column (`key:\n- a`); a key at that column ends it.
      if (f.indent > col || (forKey && f.kind === 'seq' && f.indent === col)) frames.pop();
      else break;
    }
  };

  const keyFound = (s: PendingScalar, keyColumn = -1) => {
    const key = text.slice(s.start, s.end);
    let frame = top();
    if (!frame?.flow) {
      const col = keyColumn >= 0 ? keyColumn : column(s.tokenStart);
      dedent(col, true);
      frame = top();
      if (!frame || frame.kind !== 'map' || frame.indent !== col) {
        // An anchor on the key's own line belongs to the key, not to the mapping.
        if (anchor && text.lastIndexOf('\n', s.tokenStart) < anchor.end) anchor = undefined;
        frame = push('map', false, col);
      }
    }
    anchor = undefined;
    // In a flow sequence this is a single-pair mapping (`[status: 412]`): the pair's key holds until the next item.
    frame.key = key;
    if (ctx.hintKeys.has(key)) {
      docHintKeys.set(key, (docHintKeys.get(key) ?? 0) + 1);
      groups.addHintKey(frame.group, key);
    }
    if (frame.responses && !s.block) {
      const o = responseKeyOccurrence(key, s.start, frame.group);
      if (o) frame.responses.keys.push(o);
      else frame.responses.other++;
    }
    if (!openApi && frames.length === 1 && isOpenApiRootKey(key)) openApi = true;
  };

  const symbolicWords = (start: number, end: number) =>
    symbolicWordsIn(text, start, end, ctx, (s, e, token) =>
      occurrences.push({ start: s, end: e, code: token, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: groupOf() }),
    );

  const valueFound = (s: PendingScalar) => {
    anchor = undefined;
    const frame = top();
    const key = frame?.key;
    if (frame?.kind === 'map') frame.key = undefined;
    if (s.end <= s.start || s.end - s.start >= 10000) return;
    // Literal and folded blocks are prose: symbolic codes only, never numbers.
    if (s.block) return symbolicWords(s.start, s.end);
    const code = text.slice(s.start, s.end);
    if (code.includes('\n')) return symbolicWords(s.start, s.end);
    const numeric = NUMERIC_CODE.test(code);
    const m = key !== undefined ? ctx.codeKeys.match(key) : null;
    const group = groupOf();
    if (m && (numeric || SYMBOLIC_RE.test(code))) {
      occurrences.push({ start: s.start, end: s.end, code, numeric, via: 'key', key, exactKey: m.exact, http: m.http, wholeString: s.quoted || !numeric, group });
    } else if (SYMBOLIC_RE.test(code)) {
      occurrences.push({ start: s.start, end: s.end, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: true, group });
    } else if (!numeric) symbolicWords(s.start, s.end);
  };

  let offset = 0;
  let scalarNext = false;
  let blockNext = false;
  let pending: PendingScalar | undefined;
  for (const token of new Lexer().lex(text)) {
    if (token === DOCUMENT) continue;
    if (token === FLOW_END && !scalarNext) {
      // The flow collection ended without its bracket: leave every flow frame.
      while (flowDepth > 0) if (frames.pop()!.flow) flowDepth--;
      continue;
    }
    if (token === SCALAR && !scalarNext) {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (scalarNext) {
      scalarNext = false;
      if (pending) valueFound(pending);
      pending = { tokenStart: start, start, end: offset, quoted: false, block: blockNext };
      if (blockNext) {
        blockNext = false;
        valueFound(pending);
        pending = undefined;
      } else if (explicitKey >= 0) {
        keyFound(pending, explicitKey);
        explicitKey = -1;
        pending = undefined;
      }
      continue;
    }
    const c = token.charCodeAt(0);
    // Spaces, anchors and tags do not decide whether the scalar before them is a key.
    if (c === 32 || c === 9) continue;
    if (c === 38 /* & */) {
      anchor = { name: token.slice(1), end: offset };
      continue;
    }
    if (c === 33 /* ! */) continue;
    if (pending) {
      if (token === ':') keyFound(pending);
      else valueFound(pending);
      pending = undefined;
      if (token === ':') continue;
    }
    switch (c) {
      case 39 /* ' */:
      case 34 /* " */: {
        const closed = token.length >= 2 && token.charCodeAt(token.length - 1) === c;
        pending = { tokenStart: start, start: start + 1, end: closed ? offset - 1 : offset, quoted: true, block: false };
        if (explicitKey >= 0) {
          keyFound(pending, explicitKey);
          explicitKey = -1;
          pending = undefined;
        }
        break;
      }
      case 35 /* # */:
        symbolicWords(start + 1, offset);
        break;
      case 124 /* | */:
      case 62 /* > */:
        blockNext = true;
        break;
      case 42 /* * */: {
        // An alias: its content was scanned at the anchor; a merge key brings the anchored mapping's hint keys.
        const frame = top();
        const group = anchors.get(token.slice(1));
        if (frame?.kind === 'map' && frame.key === '<<' && group !== undefined) {
          for (const key of groups.hintKeys(group)) groups.addHintKey(frame.group, key);
        }
        if (frame?.kind === 'map') frame.key = undefined;
        break;
      }
      case 45 /* - */:
        if (token === '-') {
          if (!top()?.flow) {
            const col = column(start);
            dedent(col, false);
            const f = top();
            if (!f || f.kind !== 'seq' || f.indent !== col) push('seq', false, col);
          }
        } else if (token === '---') endDocument();
        break;
      case 46 /* . */:
        if (token === '...') endDocument();
        break;
      case 63 /* ? */:
        if (token === '?') explicitKey = top()?.flow ? 0 : column(start);
        break;
      case 123 /* { */:
        push('map', true, 0);
        break;
      case 91 /* [ */:
        push('seq', true, 0);
        break;
      case 125 /* } */:
      case 93 /* ] */:
        if (flowDepth > 0) {
          while (!top()!.flow) frames.pop();
          frames.pop();
          flowDepth--;
        }
        break;
      case 44 /* , */: {
        const f = top();
        if (f?.flow) f.key = f.kind === 'map' ? undefined : f.parentKey;
        break;
      }
    }
  }
  if (pending) valueFound(pending);
  endDocument();
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
