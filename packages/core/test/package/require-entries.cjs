// Loads every entry it is given with require() from this CommonJS file, as a CommonJS app would
// (Node >= 22.12 loads ES modules with require()), and with import(), and prints what each gave
// as JSON: the export names, or the error's code and message.
'use strict';
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

async function main() {
  const entries = JSON.parse(process.argv[2]);
  const results = [];
  for (const { directory, specifier } of entries) {
    // Resolve from the package's own folder: its name then resolves through its `exports`.
    const requireFromPackage = createRequire(join(directory, 'package.json'));
    const result = { specifier };
    try {
      result.required = Object.keys(requireFromPackage(specifier)).filter((name) => name !== '__esModule');
      result.imported = Object.keys(await import(pathToFileURL(requireFromPackage.resolve(specifier)).href));
    } catch (error) {
      result.error = `${error.code ?? error.name}: ${String(error.message).split('\n')[0]}`;
    }
    results.push(result);
  }
  process.stdout.write(JSON.stringify(results));
}

main();
