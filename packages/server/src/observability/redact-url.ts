/**
 * Query parameters whose values are credentials: a one-time sign-in link's `token`, an API key
 * or secret a client put in the URL by mistake. Matched case-insensitively, by substring.
 */
const SECRET_PARAMETER = /token|key|secret|signature|password|passwd|auth|code|sig/i;

/**
 * A URL fit for a log line: the values of credential-like query parameters replaced by
 * `[redacted]`, everything else kept so the line still says what was asked.
 *
 * @example redactUrl('/auth/link?token=abc&next=/') // '/auth/link?token=[redacted]&next=/'
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replaceAll('+', ' '));
      } catch {
        // Keep the raw name: a malformed escape is no reason to log the value.
      }
      return SECRET_PARAMETER.test(name) ? `${pair.slice(0, eq)}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}
