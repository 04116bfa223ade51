/**
 * A JSON/JSONC walk over jsonc-parser's scanner with an explicit stack. jsonc-parser's own `visit` (and `getLocation`,
 * which uses it) recurses once per nesting level, so a document nested a few thousand levels deep overflowed the call
 * stack and every request on it failed; this walk has no recursion. Same events as `visit` on valid input.
 */
import { createScanner, SyntaxKind, type Location, type Node } from 'jsonc-parser';

/** What the walk reports; a callback returning true stops it. */
export interface JsonVisitor {
  onObjectBegin?(offset: number): boolean | void;
  onObjectEnd?(offset: number): boolean | void;
  onArrayBegin?(offset: number): boolean | void;
  onArrayEnd?(offset: number): boolean | void;
  /** A property name: its unescaped value and the offsets of the token (quotes included). */
  onObjectProperty?(name: string, offset: number, length: number): boolean | void;
  /** A string, number, true, false or null, with the offsets of its token (quotes included). */
  onLiteralValue?(kind: 'string' | 'number' | 'keyword', value: string, offset: number, length: number): boolean | void;
  onSeparator?(separator: ',' | ':', offset: number): boolean | void;
}

/** Walks the text once; containers are tracked on an array, so any depth is fine. */
export function walkJson(text: string, visitor: JsonVisitor): void {
  const scanner = createScanner(text, true);
  /** Per open container: is it an object still expecting a property name? Arrays hold -1. */
  const expectKey: number[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const top = expectKey.length - 1;
    let stop: boolean | void = false;
    switch (kind) {
      case SyntaxKind.OpenBraceToken:
        stop = visitor.onObjectBegin?.(offset);
        expectKey.push(1);
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        if (top < 0) break;
        const wasObject = expectKey.pop()! >= 0;
        stop = wasObject ? visitor.onObjectEnd?.(offset) : visitor.onArrayEnd?.(offset);
        break;
      }
      case SyntaxKind.OpenBracketToken:
        stop = visitor.onArrayBegin?.(offset);
        expectKey.push(-1);
        break;
      case SyntaxKind.CommaToken:
        if (top >= 0 && expectKey[top] >= 0) expectKey[top] = 1;
        stop = visitor.onSeparator?.(',', offset);
        break;
      case SyntaxKind.ColonToken:
        if (top >= 0 && expectKey[top] >= 0) expectKey[top] = 0;
        stop = visitor.onSeparator?.(':', offset);
        break;
      case SyntaxKind.StringLiteral:
        if (top >= 0 && expectKey[top] === 1) {
          expectKey[top] = 0;
          stop = visitor.onObjectProperty?.(scanner.getTokenValue(), offset, scanner.getTokenLength());
        } else stop = visitor.onLiteralValue?.('string', scanner.getTokenValue(), offset, scanner.getTokenLength());
        break;
      case SyntaxKind.NumericLiteral:
        stop = visitor.onLiteralValue?.('number', scanner.getTokenValue(), offset, scanner.getTokenLength());
        break;
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        stop = visitor.onLiteralValue?.('keyword', scanner.getTokenValue(), offset, scanner.getTokenLength());
        break;
    }
    if (stop) return;
  }
}

/**
 * jsonc-parser's `getLocation` (the path to the offset, the node before it, whether a property name is being typed)
 * over the iterative walk. `path` holds property names and array indices, outermost first.
 */
export function jsonLocation(text: string, position: number): Pick<Location, 'path' | 'isAtPropertyKey'> & { previousNode?: Pick<Node, 'type' | 'offset' | 'length'> } {
  const path: (string | number)[] = [];
  let previousNode: { type: Node['type']; offset: number; length: number } | undefined;
  let isAtPropertyKey = false;
  walkJson(text, {
    onObjectBegin(offset) {
      if (position <= offset) return true;
      previousNode = undefined;
      isAtPropertyKey = position > offset;
      path.push('');
      return false;
    },
    onObjectProperty(name, offset, length) {
      if (position < offset) return true;
      previousNode = { type: 'property', offset, length };
      path[path.length - 1] = name;
      return position <= offset + length;
    },
    onObjectEnd(offset) {
      if (position <= offset) return true;
      previousNode = undefined;
      path.pop();
      return false;
    },
    onArrayBegin(offset) {
      if (position <= offset) return true;
      previousNode = undefined;
      path.push(0);
      return false;
    },
    onArrayEnd(offset) {
      if (position <= offset) return true;
      previousNode = undefined;
      path.pop();
      return false;
    },
    onLiteralValue(kind, value, offset, length) {
      if (position < offset) return true;
      previousNode = { type: kind === 'string' ? 'string' : kind === 'number' ? 'number' : value === 'null' ? 'null' : 'boolean', offset, length };
      return position <= offset + length;
    },
    onSeparator(separator, offset) {
      if (position <= offset) return true;
      if (separator === ':' && previousNode?.type === 'property') {
        isAtPropertyKey = false;
        previousNode = undefined;
      } else if (separator === ',' && path.length) {
        const last = path[path.length - 1];
        if (typeof last === 'number') path[path.length - 1] = last + 1;
        else {
          isAtPropertyKey = true;
          path[path.length - 1] = '';
        }
        previousNode = undefined;
      }
      return false;
    },
  });
  return { path, previousNode, isAtPropertyKey };
}
