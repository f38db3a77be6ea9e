import { isUniqueViolation } from '../storage/index.js';
import { validationFailed } from './errors.js';

/**
 * `work`, with a unique-index conflict answered as Laravel words a taken key: a 422 on `key`.
 * The index decides (a check before the insert can lose a race); this turns its refusal into the
 * client's error. Any other failure passes through unchanged.
 */
export function uniqueKey<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (isUniqueViolation(error))
      throw validationFailed({ key: ['The key has already been taken.'] });
    throw error;
  });
}
