import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { copyCode, copyName, insertAtCursor, openDocs, revealInTree, search } from '../../client/src/commands';
import { ErrorCodesTree } from '../../client/src/tree';
import { buildTree, searchCodes, type CodeNode, type Node, type VendorNode } from '../../client/src/treeModel';
import { CodeAtRequest, type RegistryResult } from '../../server/src/protocol';
import { calls, reset, state } from './vscodeStub';

/** A registry answer as the server sends it (the protocol boundary). */
const answer: RegistryResult = {
  notices: [],
  vendors: [
    {
      id: 'faceki',
      displayName: 'Faceki',
      docsUrl: 'https://docs.faceki.com/data-fields/error-codes',
      origin: 'builtin',
      enabled: true,
      entries: [
        { code: '8004', name: 'FACE_CROPPED', title: 'FACE_CROPPED', category: 'Image Quality', origin: 'builtin', tooltip: '**8004**', docsUrl: 'https://docs.faceki.com/data-fields/error-codes' },
        { code: '5004', name: 'SELFIE_LIVENESS_FAILED', title: 'SELFIE_LIVENESS_FAILED', category: 'Verification', origin: 'builtin', tooltip: '**5004** [x](command:evil)', docsUrl: 'https://docs.faceki.com/data-fields/error-codes' },
        { code: '400', name: 'BAD_REQUEST', title: 'BAD_REQUEST', category: 'Request', origin: 'builtin', tooltip: '**400**' },
      ],
    },
    {
      id: 'http',
      displayName: 'HTTP',
      origin: 'builtin',
      enabled: false,
      entries: [{ code: '404', title: 'Not Found', category: '4xx Client Error', origin: 'builtin', tooltip: '**404**', docsUrl: 'javascript:alert(1)' }],
    },
  ],
};

function treeWith(result: RegistryResult = answer): { tree: ErrorCodesTree; fetches: () => number } {
  let n = 0;
  const tree = new ErrorCodesTree(async () => {
    n++;
    return result;
  });
  return { tree, fetches: () => n };
}

const revealed: { node: Node; options: unknown }[] = [];
const view = { reveal: async (node: Node, options: unknown) => void revealed.push({ node, options }) } as never;

beforeEach(() => {
  reset();
  revealed.length = 0;
});

describe('tree model', () => {
  it('groups vendor → category → code, categories and codes in code order', () => {
    const [faceki] = buildTree(answer);
    assert.deepEqual(faceki.categories.map((c) => c.label), ['Request', 'Verification', 'Image Quality']);
    assert.deepEqual(faceki.categories.flatMap((c) => c.codes.map((n) => n.entry.code)), ['400', '5004', '8004']);
  });
  it('search matches code, name, title and vendor, every word', () => {
    const vendors = buildTree(answer);
    assert.deepEqual(searchCodes(vendors, 'selfie').map((n) => n.entry.code), ['5004']);
    assert.deepEqual(searchCodes(vendors, 'faceki 8004').map((n) => n.entry.code), ['8004']);
    assert.deepEqual(searchCodes(vendors, 'not found http').map((n) => n.entry.code), ['404']);
    assert.equal(searchCodes(vendors, 'nothing-like-this').length, 0);
  });
});

describe('tree provider', () => {
  it('asks the server once, shows counts, and refetches after refresh', async () => {
    const { tree, fetches } = treeWith();
    const vendors = (await tree.getChildren()) as VendorNode[];
    await tree.getChildren();
    assert.equal(fetches(), 1);
    const item = tree.getTreeItem(vendors[0]);
    assert.equal(item.label, 'Faceki');
    assert.equal(item.description, '3 codes');
    assert.equal(item.contextValue, 'vendor.docs');
    assert.equal(tree.getTreeItem(vendors[1]).description, '1 code · disabled');
    tree.refresh();
    await tree.getChildren();
    assert.equal(fetches(), 2);
  });
  it('code items: label, title as description, untrusted markdown tooltip, context value for menus, parents', async () => {
    const { tree } = treeWith();
    const [faceki] = (await tree.getChildren()) as VendorNode[];
    const verification = faceki.categories[1];
    const [node] = (await tree.getChildren(verification)) as CodeNode[];
    const item = tree.getTreeItem(node);
    assert.equal(item.label, '5004');
    assert.equal(item.description, 'SELFIE_LIVENESS_FAILED');
    assert.equal(item.contextValue, 'code.named.docs');
    // A title that only repeats the name gives way to the description.
    const described = tree.getTreeItem({ ...node, entry: { ...node.entry, description: 'Selfie liveness verification failed.' } });
    assert.equal(described.description, 'SELFIE_LIVENESS_FAILED · Selfie liveness verification failed.');
    const tooltip = item.tooltip as { value: string; isTrusted: boolean; supportHtml: boolean };
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    assert.equal(tree.getParent(node), verification);
    assert.equal(tree.getParent(verification), faceki);
  });
  it('says so in the view when the server does not answer, and retries next time', async () => {
    let fail = true;
    const tree = new ErrorCodesTree(async () => {
      if (fail) throw new Error('server crashed');
      return answer;
    });
    let notices: string[] = [];
    tree.onNotices((n) => (notices = n));
    assert.deepEqual(await tree.getChildren(), []);
    assert.match(notices[0], /did not answer: server crashed/);
    fail = false;
    assert.equal((await tree.getChildren()).length, 2);
    assert.deepEqual(notices, []);
  });
});

describe('commands', () => {
  const nodes = () => searchCodes(buildTree(answer), '');
  const node = (code: string) => nodes().find((n) => n.entry.code === code)!;

  it('Copy Code and Copy Name write to the clipboard', async () => {
    await copyCode(node('5004'));
    await copyName(node('5004'));
    await copyName(node('404')); // no name: the code
    assert.deepEqual(calls.clipboard, ['5004', 'SELFIE_LIVENESS_FAILED', '404']);
  });
  it('commands ignore arguments that are not code nodes', async () => {
    await copyCode(undefined);
    await copyCode({ kind: 'vendor' });
    assert.deepEqual(calls.clipboard, []);
  });
  it('Insert at Cursor replaces every selection, or warns without an editor', async () => {
    assert.equal(await insertAtCursor(node('5004')), false);
    assert.match(calls.warnings[0], /Open an editor/);
    const replaced: string[] = [];
    state.activeTextEditor = {
      selections: ['a', 'b'],
      edit: async (cb: (e: { replace(sel: string, text: string): void }) => void) => {
        cb({ replace: (sel, text) => replaced.push(`${sel}:${text}`) });
        return true;
      },
    };
    assert.equal(await insertAtCursor(node('5004')), true);
    assert.deepEqual(replaced, ['a:5004', 'b:5004']);
  });
  it('Open Vendor Docs opens http(s) links only', async () => {
    assert.equal(await openDocs(node('5004')), true);
    assert.deepEqual(calls.opened, ['https://docs.faceki.com/data-fields/error-codes']);
    assert.equal(await openDocs(node('404')), false); // javascript: URL
    assert.equal(await openDocs(node('400')), false); // none
    assert.equal(calls.opened.length, 1);
  });
  it('Search lists every code across vendors and reveals the choice', async () => {
    const { tree } = treeWith();
    state.pick = 1;
    const chosen = await search(tree, view);
    assert.equal(calls.quickPickItems[0].length, 4);
    assert.equal(chosen, revealed[0].node);
    assert.deepEqual(revealed[0].options, { select: true, focus: true, expand: true });
    assert.match(calls.quickPickItems[0][1].description!, /^Faceki · /);
  });
  it('Search finds words of a name and of the description, which VS Code\'s own filter would hide', async () => {
    const withDescription: RegistryResult = {
      notices: [],
      vendors: [{ ...answer.vendors[0], entries: [...answer.vendors[0].entries, { code: '8008', name: 'FACE_TOO_SMALL', title: 'FACE_TOO_SMALL', description: 'The face is too small in the image.', category: 'Image Quality', origin: 'builtin', tooltip: '' }] }],
    };
    for (const query of ['too small', 'face too small', 'face_too_small', 'small in the image']) {
      reset();
      state.typed = query;
      state.pick = 0;
      const chosen = await search(treeWith(withDescription).tree, view);
      assert.equal(chosen?.entry.code, '8008', query);
      const items = calls.quickPickItems[0] as { label: string; description?: string; alwaysShow?: boolean }[];
      assert.deepEqual(items.map((i) => [i.label, i.alwaysShow]), [['8008', true]], query);
      // The row says what the code is: its name, then the description (the title only repeats the name).
      assert.equal(items[0].description, 'Faceki · FACE_TOO_SMALL · The face is too small in the image.');
    }
  });
  it('Search cancelled reveals nothing', async () => {
    const { tree } = treeWith();
    assert.equal(await search(tree, view), undefined);
    assert.equal(revealed.length, 0);
  });
  it('Reveal in Error Codes asks the server for the code at the cursor and reveals it', async () => {
    const { tree } = treeWith();
    const sent: { method: string; params: unknown }[] = [];
    const client = {
      sendRequest: async (type: { method: string }, params: unknown) => (sent.push({ method: type.method, params }), { vendor: 'faceki', code: '5004' }),
    } as never;
    state.activeTextEditor = { document: { uri: { toString: () => 'file:///a.ts' } }, selection: { active: { line: 3, character: 9 } } };
    const node = await revealInTree(client, tree, view);
    assert.equal(sent[0].method, CodeAtRequest.method);
    assert.deepEqual(sent[0].params, { uri: 'file:///a.ts', position: { line: 3, character: 9 } });
    assert.equal(node!.entry.code, '5004');
    assert.equal(revealed[0].node, node);
  });
  it('Reveal in Error Codes says so when there is no code under the cursor', async () => {
    const { tree } = treeWith();
    const client = { sendRequest: async () => null } as never;
    state.activeTextEditor = { document: { uri: { toString: () => 'file:///a.ts' } }, selection: { active: { line: 0, character: 0 } } };
    assert.equal(await revealInTree(client, tree, view), undefined);
    assert.match(calls.info[0], /No known error code under the cursor/);
  });
});
