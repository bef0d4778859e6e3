/**
 * Checks the layout design.md asks for and prints the public surface:
 *
 * - how many names each entry point exports (types and values), as a user of it sees them; the
 *   table in docs/public-surface.md must match (run with `--write` to update it);
 * - no import cycle inside any package (type-only imports count: a cycle is a tangle either way);
 * - `@smmkit/core`'s models import nothing from the rest of core (they are the floor);
 * - every zod schema a core model builds at load time is marked pure (`@__PURE__`).
 *
 * Usage: `pnpm architecture` (part of `pnpm check`), or `pnpm architecture --write`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { markdownTable, syncGeneratedSection } from './generated-section.ts';

const root = resolve(import.meta.dirname, '..');
const docPath = join(root, 'docs/public-surface.md');
const problems: string[] = [];

// 1. Export counts, one per entry point listed in tsconfig.json's paths.
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')).compilerOptions as {
  paths: Record<string, [string]>;
};
const entries = Object.entries(paths)
  .filter(([name]) => name.startsWith('@smmkit/') && !name.startsWith('@smmkit/example'))
  .map(([name, [file]]) => ({ name, file: join(root, file) }))
  .sort((a, b) => a.name.localeCompare(b.name));
const program = ts.createProgram(
  entries.map((entry) => entry.file),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  },
);
const checker = program.getTypeChecker();
const rows = entries.map(({ name, file }) => {
  const source = program.getSourceFile(file);
  const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  const exported = symbol === undefined ? [] : checker.getExportsOfModule(symbol);
  const values = exported.filter((s) => (checker.getAliasedSymbol(s).flags & ts.SymbolFlags.Value) !== 0);
  return { name, total: exported.length, values: values.length };
});
const table = markdownTable(
  ['entry point', 'names', 'of which values'],
  rows.map((row) => [`\`${row.name}\``, String(row.total), String(row.values)]),
  'right',
);
console.log(table);

const stale = syncGeneratedSection({
  root,
  docPath,
  name: 'surface',
  content: table,
  command: 'pnpm architecture --write',
});
if (stale !== undefined) problems.push(stale);

// 2 and 3. Imports inside each package: no cycles; models stay the floor.
for (const pkg of ['packages', 'examples'].flatMap((dir) => subdirectories(join(root, dir)))) {
  const src = join(pkg, 'src');
  if (!exists(src)) continue;
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(src)) graph.set(file, relativeImports(file));
  for (const cycle of findCycles(graph)) {
    problems.push(`import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`);
  }
  if (relative(root, pkg) === join('packages', 'core')) {
    const models = join(src, 'models');
    for (const [file, imports] of graph) {
      if (!file.startsWith(models)) continue;
      for (const target of imports) {
        if (!target.startsWith(models)) {
          problems.push(
            `${relative(root, file)} imports ${relative(root, target)}: models import only models`,
          );
        }
      }
    }
  }
}

// 4. The build puts the models in shared chunks, and a bundler keeps every top-level call of a
// chunk it cannot prove pure: unmarked, each model's schema (and the zod code behind it) lands in
// every app, used or not. Marked, an app that publishes to X bundles no schedule-entry schema.
// A schema whose arguments call nothing is marked as it is; one that does is built in a marked
// arrow function called at once, since the mark covers one call and not the calls inside it.
for (const file of tsFiles(join(root, 'packages/core/src/models'))) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const { name, initializer } of statement.declarationList.declarations) {
      if (initializer === undefined || !buildsSchema(initializer)) continue;
      const marked = text.slice(initializer.pos, initializer.getStart(source)).includes('@__PURE__');
      const wrapped =
        ts.isCallExpression(initializer) && ts.isParenthesizedExpression(initializer.expression);
      if (!marked || (!wrapped && callsInside(initializer))) {
        problems.push(
          `${relative(root, file)}: ${name.getText(source)} is built when the module loads; write it as ` +
            '`/* @__PURE__ */ z.…(…)` (arguments that call nothing) or `/* @__PURE__ */ (() => …)()`',
        );
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('\nno import cycles; core models import only models and mark their schemas pure');

/** Whether a top-level initializer calls zod (`z.object(…)`, `z.string().check(…)`), directly or in an arrow function called at once. */
function buildsSchema(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(child) &&
      ts.isIdentifier(child.expression) &&
      child.expression.text === 'z'
    )
      found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** Whether a call's callee or arguments call anything themselves. */
function callsInside(node: ts.Expression): boolean {
  if (!ts.isCallExpression(node)) return true;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child) || ts.isNewExpression(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  [node.expression, ...node.arguments].forEach(visit);
  return found;
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

/** The files of this package that `file` imports or re-exports by a relative path. */
function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
}

/** Every cycle in the graph, each reported once, by a depth-first search. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (state.get(node) === undefined) visit(node);
  return cycles;
}
