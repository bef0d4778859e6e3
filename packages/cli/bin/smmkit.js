#!/usr/bin/env node
// The `smmkit` command. It lives outside dist so that pnpm can link it when a workspace installs,
// before anything is built; the command itself is dist/cli.js.
import '../dist/cli.js';
