#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` in packages/server produces dist/.
import '../dist/cli/main.js';
