import type { CommissionRule, Program } from '../../api.js';

/** A commission rule's kind: percent of the amount, or a fixed amount. */
export type RuleType = CommissionRule['type'];

/** The rule kinds as the form offers them. */
export const RULE_TYPES: readonly { value: RuleType; label: string }[] = [
  { value: 'percent', label: 'Percent of the amount' },
  { value: 'fixed', label: 'Fixed amount per transaction' },
];

/** One override row while editing; numbers stay text until saved so typing is not fought. */
export interface OverrideDraft {
  /** Only a React key: rows have no id of their own. */
  rowId: number;
  product_type: string;
  type: RuleType;
  value: string;
}

/** What the settings form edits: the `Program` fields, numbers as typed. */
export interface SettingsDraft {
  name: string;
  website_url: string;
  default_currency: string;
  type: RuleType;
  value: string;
  overrides: OverrideDraft[];
  review_period_days: string;
  require_partner_approval: boolean;
}

let lastRowId = 0;

/** A React key for a new override row, unique for the page's lifetime. */
export function newRowId(): number {
  lastRowId += 1;
  return lastRowId;
}

/** The form's starting point for a program as the API returned it. */
export function toDraft(program: Program): SettingsDraft {
  return {
    name: program.name,
    website_url: program.website_url ?? '',
    default_currency: program.default_currency,
    type: program.commission.type,
    value: String(program.commission.value),
    overrides: program.commission.overrides.map((o) => ({
      rowId: newRowId(),
      product_type: o.product_type,
      type: o.type,
      value: String(o.value),
    })),
    review_period_days: String(program.review_period_days),
    require_partner_approval: program.require_partner_approval,
  };
}

/**
 * A typed number for the API; `NaN` if it is not one, which JSON sends as `null` and the API
 * refuses in words (the form catches empty fields first; see {@link draftProblems}).
 */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** The `PUT /v1/program` body of a draft. */
export function toProgramUpdate(draft: SettingsDraft) {
  return {
    name: draft.name,
    website_url: draft.website_url.trim() === '' ? null : draft.website_url.trim(),
    default_currency: draft.default_currency,
    commission: {
      type: draft.type,
      value: toNumber(draft.value),
      overrides: draft.overrides.map((o) => ({
        product_type: o.product_type.trim(),
        type: o.type,
        value: toNumber(o.value),
      })),
    },
    review_period_days: toNumber(draft.review_period_days),
    require_partner_approval: draft.require_partner_approval,
  };
}

/**
 * Field errors the form finds before saving: only what the API cannot say well (empty numbers,
 * repeated product types); the API checks everything else. Empty when there is nothing to say.
 */
export function draftProblems(draft: SettingsDraft): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (draft.value.trim() === '') problems['commission.value'] = ['Enter the commission value.'];
  if (draft.review_period_days.trim() === '') {
    problems.review_period_days = ['Enter a number of days; 0 approves rewards at once.'];
  }
  const seen = new Set<string>();
  draft.overrides.forEach((o, i) => {
    const type = o.product_type.trim();
    if (type === '') {
      problems[`commission.overrides.${i}.product_type`] = ['Enter the product type.'];
    } else if (seen.has(type)) {
      problems[`commission.overrides.${i}.product_type`] = [
        `“${type}” already has an override above.`,
      ];
    }
    seen.add(type);
    if (o.value.trim() === '') problems[`commission.overrides.${i}.value`] = ['Enter a value.'];
  });
  return problems;
}

/**
 * The referral link a partner with key `annlee` would get (the server's rule: `aff=<key>`
 * added to the query, before any fragment), or undefined while the URL is not valid.
 */
export function exampleLink(website: string): string | undefined {
  try {
    const url = new URL(website.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  } catch {
    return undefined;
  }
  const trimmed = website.trim();
  const hash = trimmed.indexOf('#');
  const base = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash === -1 ? '' : trimmed.slice(hash);
  const separator = base.includes('?') ? (/[?&]$/.test(base) ? '' : '&') : '?';
  return `${base}${separator}aff=annlee${fragment}`;
}

/** Field keys the form shows beside a control; any other key is listed in the summary. */
export function isPlaced(field: string): boolean {
  return (
    [
      'name',
      'website_url',
      'default_currency',
      'commission.type',
      'commission.value',
      'commission.overrides',
      'review_period_days',
    ].includes(field) || /^commission\.overrides\.\d+\.(product_type|type|value)$/.test(field)
  );
}
