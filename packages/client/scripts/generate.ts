// Rewrites packages/client/openapi.json and src/schema.ts from the server's sources.
// Run: npm run generate --workspace @hookline/client
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, renderGeneratedFiles } from './openapi-document.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = await renderGeneratedFiles();
writeFileSync(join(packageDir, GENERATED_FILES.document), files.document);
writeFileSync(join(packageDir, GENERATED_FILES.types), files.types);
console.log(`wrote ${GENERATED_FILES.document} and ${GENERATED_FILES.types}`);
