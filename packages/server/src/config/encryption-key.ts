/**
 * Reads an encryption key as configured: 32 bytes, written as 64 hex digits or as base64
 * (`openssl rand -base64 32`).
 *
 * @returns the key, or `undefined` when the text is neither
 */
export function parseEncryptionKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{42,43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}
