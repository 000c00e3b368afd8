import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import ts from 'typescript';

// The folders of src/ are layered (docs/architecture.md §6): a folder imports values only from folders
// of lower layers, so no two folders import each other, however indirectly. The layers are read from
// that section's table, so the document and this check cannot drift apart. Type-only imports are
// not counted: they leave nothing behind at run time (an entity naming a higher table in a relation
// uses one).

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = path.join(ROOT, 'src');
/** The files directly in src/ (main.ts, app.module.ts) assemble the service: the top of the house. */
const ROOT_FOLDER = '(src)';

interface FolderImport {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/** The layer of each folder, from the table "| layer | folders | … |" of docs/architecture.md. */
async function documentedLayers(): Promise<Map<string, number>> {
  const document = await readFile(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const layers = new Map<string, number>();
  for (const match of document.matchAll(/^\| (\d+) +\| ([^|]+)\|/gm)) {
    for (const folder of match[2].matchAll(/`([^`]+)`/g)) {
      assert.ok(!layers.has(folder[1]), `the layer table places ${folder[1]} twice`);
      layers.set(folder[1], Number(match[1]));
    }
  }
  return layers;
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : ROOT_FOLDER;
}

/** Whether the import or export brings a value, not only types. */
function importsValue(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return false;
    const clause = node.exportClause;
    return !(clause && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly));
  }
  const clause = node.importClause;
  if (!clause) return true;
  if (clause.isTypeOnly) return false;
  if (clause.name) return true;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.length === 0 || bindings.elements.some((element) => !element.isTypeOnly);
}

/** What a file imports values from: import and export declarations, `import x = require()`, `import()`. */
function valueSpecifiers(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const specifier = node.moduleSpecifier;
      if (specifier && ts.isStringLiteral(specifier) && importsValue(node)) specifiers.push(specifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      !node.isTypeOnly &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

async function folderImports(): Promise<FolderImport[]> {
  const found: FolderImport[] = [];
  for (const file of await sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const specifier of valueSpecifiers(source)) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(SRC + path.sep)) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from !== to) found.push({ from, to, file: path.relative(ROOT, file), specifier });
    }
  }
  return found;
}

/** The folders that import one another, directly or through others (strongly connected, more than one). */
function loops(imports: FolderImport[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    edges.set(from, (edges.get(from) ?? new Set()).add(to));
    if (!edges.has(to)) edges.set(to, new Set());
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (folder: string): void => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder) as number);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(folder, Math.min(low.get(folder) as number, index.get(next) as number));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return components;
}

describe('architecture: the layers of src/', () => {
  it('places every folder of src/ in a layer of docs/architecture.md', async () => {
    const layers = await documentedLayers();
    // Spread into this realm's arrays: Jest's module realm and Node's differ, and deepEqual compares prototypes.
    const folders = [...(await readdir(SRC, { withFileTypes: true }))].filter((entry) => entry.isDirectory());
    const unplaced = [...folders.map((entry) => entry.name).filter((name) => !layers.has(name))];
    assert.deepEqual(unplaced, [], 'add each folder to the layer table of docs/architecture.md §6');
    assert.ok(layers.has(ROOT_FOLDER), `the table places ${ROOT_FOLDER}, the files directly in src/`);
    const stale = [...layers.keys()].filter(
      (name) => name !== ROOT_FOLDER && !folders.some((entry) => entry.name === name),
    );
    assert.deepEqual(stale, [], 'the layer table names folders that no longer exist');
  });

  it('imports values only from lower layers', async () => {
    const layers = await documentedLayers();
    const upward = (await folderImports()).filter(
      ({ from, to }) => (layers.get(to) ?? Infinity) >= (layers.get(from) ?? -Infinity),
    );
    assert.deepEqual(
      upward.map(
        ({ file, specifier, from, to }) =>
          `${file} imports ${specifier} (${from} ${layers.get(from)} → ${to} ${layers.get(to)})`,
      ),
      [],
    );
  });

  it('has no import loop between folders', async () => {
    assert.deepEqual(loops(await folderImports()), []);
  });
});

describe('architecture: shared state has one owner', () => {
  /** The files of src/ whose text matches `pattern`, relative to src/. */
  const filesMatching = async (pattern: RegExp): Promise<string[]> => {
    const found: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      if (pattern.test(await readFile(file, 'utf8'))) found.push(path.relative(SRC, file));
    }
    return found.sort();
  };

  it('takes the consent locks only in the unit of work of a consent change', async () => {
    assert.deepEqual(await filesMatching(/lockCurrentReleases\(/), [
      'consent/consent-change.service.ts',
      'consent/consent-locks.ts',
    ]);
  });

  it("writes a publication's status only in publications/publication-status.ts", async () => {
    assert.deepEqual(
      await filesMatching(
        /INSERT\s+INTO\s+publications\b|UPDATE\s+publications\s+SET[^`]*\bstatus\b|(insert|save|create)\(PublicationEntity\b|\.update\(PublicationEntity\)/,
      ),
      ['publications/publication-status.ts'],
    );
  });

  it('leaves the key prefixes of stored objects to the features that own them', async () => {
    const sweeper = await readFile(path.join(SRC, 'storage', 'orphan-sweeper.ts'), 'utf8');
    assert.doesNotMatch(sweeper, /'(photos|releases|revocations|removal-tasks)\//);
  });
});
