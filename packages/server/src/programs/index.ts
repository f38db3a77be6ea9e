export {
  authenticateApiKey,
  createApiKey,
  findApiKey,
  hashApiKey,
  listApiKeys,
  revokeApiKey,
  API_KEY_PREFIX,
  LAST_USED_RESOLUTION_MS,
} from './api-keys.js';
export type { ApiKeyPrincipal, ApiKeySummary } from './api-keys.js';
export { bootstrap, createProgram, listPrograms } from './programs.js';
export type { BootstrapResult, Program } from './programs.js';
