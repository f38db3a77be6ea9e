/** Small helpers shared by the partner-program resources. */

/** Tags as stored (JSON array of strings) → as shown (`[{value}]`, Partnero's shape). */
export function presentTags(json: string): { value: string }[] {
  try {
    const tags = JSON.parse(json) as unknown;
    return Array.isArray(tags)
      ? tags.filter((t): t is string => typeof t === 'string').map((value) => ({ value }))
      : [];
  } catch {
    return [];
  }
}

/** Tags as given (`["vip", "vip", "eu"]`) → as stored: trimmed, de-duplicated, in order. */
export function tagsJson(tags: readonly string[]): string {
  return JSON.stringify([...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))]);
}
