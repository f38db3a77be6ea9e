import { refuseUrl } from '../dispatch/address-policy.js';
import { POSTBACK_MACROS, fillTemplate, unknownMacros } from '../webhooks/postbacks-macros.js';
import type { MacroValues } from '../webhooks/postbacks-macros.js';

/** What decides whether a postback URL is acceptable. */
export interface UrlPolicy {
  /** The program allows `http://` (`postback_allow_http`). */
  readonly allowHttp: boolean;
  /** `HOOKLINE_ALLOW_PRIVATE_NETWORKS`: development; allows http and private addresses. */
  readonly allowPrivateNetworks: boolean;
}

/** Values that stress a filled template: every character that could change a URL's shape. */
const PROBE: MacroValues = Object.fromEntries(
  POSTBACK_MACROS.map((name) => [name, 'a &=#+/?% é']),
) as unknown as MacroValues;

/**
 * Why a postback's URL (webhook format) or URL template (url format) is refused, or `null`.
 * Partner URLs are untrusted: https only unless the program allows http (or the operator runs
 * in development), no credentials, no private or local address (the SSRF guard checks the
 * resolved address again at every connection). A template may name only known macros, only
 * in its path, query or fragment (never in the scheme, host or port, which then could not be
 * checked here), and must still be a valid URL once filled.
 */
export function refusePostbackUrl(
  format: 'webhook' | 'url',
  raw: string,
  policy: UrlPolicy,
): string | null {
  if (/\s/.test(raw)) return 'The url must not contain spaces.';
  let probe = raw;
  if (format === 'url') {
    const unknown = unknownMacros(raw);
    if (unknown.length > 0) {
      return `Unknown macro${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(', ')}. Known: ${POSTBACK_MACROS.map((m) => `{${m}}`).join(', ')}.`;
    }
    const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(raw)?.[0] ?? raw;
    if (authority.includes('{') || authority.includes('}')) {
      return 'Macros may appear only in the path and the query, not in the scheme, host or port.';
    }
    probe = fillTemplate(raw, PROBE);
  } else if (raw.includes('{') || raw.includes('}')) {
    return 'A webhook-format postback has no macros; use the url format for a template.';
  }
  let parsed: URL;
  try {
    parsed = new URL(probe);
  } catch {
    return 'The url must be an absolute http or https URL.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'The url must be an absolute http or https URL.';
  }
  if (parsed.protocol === 'http:' && !policy.allowHttp && !policy.allowPrivateNetworks) {
    return 'The url must use https; this program does not allow http postbacks.';
  }
  if (parsed.username || parsed.password) {
    return 'The url must not contain credentials.';
  }
  return refuseUrl(parsed, policy.allowPrivateNetworks);
}
