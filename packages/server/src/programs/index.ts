export { authenticateApiKey, createApiKey, hashApiKey, API_KEY_PREFIX } from './api-keys.js';
export type { ApiKeyPrincipal } from './api-keys.js';
export { bootstrap, createProgram, listPrograms } from './programs.js';
export type { BootstrapResult, Program } from './programs.js';
