/**
 * Masks customer PII for partners: a partner learns that a referral exists and what it earned,
 * not who the person is (unless the program allows it). Only first characters survive:
 * `ann@example.com` → `a**@e******.com`, `Dana` → `D***`.
 */

/** A name with all but its first letter hidden (each word). */
export function maskName(name: string | null): string | null {
  if (name === null || name === '') return name;
  return name
    .split(/\s+/)
    .map((w) => (w.length <= 1 ? w : `${[...w][0]}${'*'.repeat([...w].length - 1)}`))
    .join(' ');
}

/** An e-mail with its local part and domain name masked; the top-level domain stays. */
export function maskEmail(email: string | null): string | null {
  if (email === null || email === '') return email;
  const at = email.lastIndexOf('@');
  if (at < 0) return maskName(email);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  const hide = (s: string) =>
    s.length === 0 ? s : `${s[0]}${'*'.repeat(Math.max(s.length - 1, 2))}`;
  return `${hide(local)}@${hide(host)}${tld}`;
}
