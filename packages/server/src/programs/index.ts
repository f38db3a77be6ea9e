/**
 * The programs module: the only writer of `programs` (and of `api_keys`). Transitions:
 * {@link createProgram} and {@link bootstrap} (∅ → program), {@link changeProgram} (name and
 * settings, a locked read-modify-write), {@link createApiKey}, {@link revokeApiKey} (which stops
 * the key's listeners through the webhooks module, in its transaction).
 */
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
export { changeProgram } from './settings.js';
export type { ProgramChange, StoredProgram } from './settings.js';
export type { BootstrapResult, Program } from './programs.js';
