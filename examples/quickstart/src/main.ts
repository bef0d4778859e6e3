import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuickstart } from './quickstart.ts';

// The SQLite file and the report go to a fresh temporary folder, so every run starts clean.
await runQuickstart(mkdtempSync(join(tmpdir(), 'smmkit-quickstart-')));
