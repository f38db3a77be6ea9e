import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api.js';
import type { CommissionRule, Program } from '../api.js';
import { Button, ErrorMessage, Field, Loading } from '../components/ui.js';
import { useLoad } from '../hooks.js';
import { Link } from '../router.js';

type RuleType = CommissionRule['type'];

/** One override row while editing; numbers stay text until saved so typing is not fought. */
interface OverrideDraft {
  /** Only a React key: rows have no id of their own. */
  rowId: number;
  product_type: string;
  type: RuleType;
  value: string;
}

/** What the form edits: the `Program` fields, numbers as typed. */
interface SettingsDraft {
  name: string;
  website_url: string;
  default_currency: string;
  type: RuleType;
  value: string;
  overrides: OverrideDraft[];
  review_period_days: string;
  require_partner_approval: boolean;
}

let nextRowId = 1;

function toDraft(program: Program): SettingsDraft {
  return {
    name: program.name,
    website_url: program.website_url ?? '',
    default_currency: program.default_currency,
    type: program.commission.type,
    value: String(program.commission.value),
    overrides: program.commission.overrides.map((o) => ({
      rowId: nextRowId++,
      product_type: o.product_type,
      type: o.type,
      value: String(o.value),
    })),
    review_period_days: String(program.review_period_days),
    require_partner_approval: program.require_partner_approval,
  };
}

/** A typed number for the API; `null` (which the API refuses in words) if it is not one. */
function toNumber(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() === '' || Number.isNaN(n) ? null : n;
}

/**
 * The referral link a partner with key `annlee` would get (the server's rule: `aff=<key>`
 * added to the query, before any fragment), or undefined while the URL is not valid.
 */
function exampleLink(website: string): string | undefined {
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

const RULE_TYPES: { value: RuleType; label: string }[] = [
  { value: 'percent', label: 'Percent of the amount' },
  { value: 'fixed', label: 'Fixed amount per transaction' },
];

/** Field keys the form shows beside a control; any other key is listed in the summary. */
function isPlaced(field: string): boolean {
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

/** Program settings (`GET|PUT /v1/program`): name, website, currency, commission, review. */
export function SettingsPage({ onSaved }: { onSaved?: (program: Program) => void }) {
  const program = useLoad(() => api.get<Program>('/v1/program'), 'program');
  return (
    <section aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">Program settings</h1>
      </div>
      <p className="lede">
        How your partner program builds referral links and pays partners. Endpoints that receive its
        events are under <Link href="/webhooks">Webhooks</Link>.
      </p>
      {program.data ? (
        <SettingsForm initial={program.data} onSaved={onSaved} />
      ) : program.error ? (
        <ErrorMessage
          error={program.error}
          action={<Button onClick={program.reload}>Retry</Button>}
        />
      ) : (
        <Loading what="Loading program settings" />
      )}
    </section>
  );
}

function SettingsForm({
  initial,
  onSaved,
}: {
  initial: Program;
  onSaved: ((program: Program) => void) | undefined;
}) {
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const addOverrideRef = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);
  const ids = { approval: useId(), approvalHint: useId(), overrides: useId() };

  // After a refused save, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (error instanceof ApiError) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [error]);

  const update = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setNotice(undefined);
  };
  const updateOverride = (rowId: number, patch: Partial<OverrideDraft>) =>
    update({ overrides: draft.overrides.map((o) => (o.rowId === rowId ? { ...o, ...patch } : o)) });
  const addOverride = () => {
    const rowId = nextRowId++;
    focusRow.current = rowId;
    update({
      overrides: [...draft.overrides, { rowId, product_type: '', type: draft.type, value: '' }],
    });
  };
  const removeOverride = (rowId: number) => {
    update({ overrides: draft.overrides.filter((o) => o.rowId !== rowId) });
    // The removed row held the focus; keep it in the same place of the form.
    addOverrideRef.current?.querySelector('button')?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    // Only what the API cannot say well (empty numbers, repeats); it checks everything else.
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
    if (Object.keys(problems).length > 0) {
      setError(new ApiError('Some fields need attention.', 422, problems));
      return;
    }
    setBusy(true);
    try {
      const program = await api.put<Program>('/v1/program', {
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
      });
      setSaved(program);
      setDraft(toDraft(program));
      setNotice('Settings saved. They apply to rewards created from now on.');
      onSaved?.(program);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = error instanceof ApiError ? error.fields : {};
  const unplaced = Object.keys(fieldErrors).some((field) => !isPlaced(field));
  const invalid = (field: string) => (fieldErrors[field] ? true : undefined);
  const currency = draft.default_currency.trim().toUpperCase() || 'the default currency';
  const valueHint = (type: RuleType) =>
    type === 'percent'
      ? 'Percent of each transaction’s amount, from 0 to 100.'
      : `Amount in ${currency} per transaction.`;
  const example = exampleLink(draft.website_url);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="form" aria-busy={busy}>
      <div className="panel">
        <h2>General</h2>
        <Field label="Program name" error={fieldErrors.name}>
          {(id, describedBy) => (
            <input
              id={id}
              name="name"
              value={draft.name}
              maxLength={200}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid('name')}
              onChange={(e) => update({ name: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Website URL"
          hint={
            example ? (
              <>
                Referral links add <code>aff=</code> and the partner’s key, e.g.{' '}
                <span className="url mono">{example}</span>
              </>
            ) : (
              'The base of partners’ referral links. Leave it empty and partners have no referral link.'
            )
          }
          error={fieldErrors.website_url}
        >
          {(id, describedBy) => (
            <input
              id={id}
              name="website_url"
              type="url"
              inputMode="url"
              placeholder="https://example.com"
              value={draft.website_url}
              aria-describedby={describedBy}
              aria-invalid={invalid('website_url')}
              onChange={(e) => update({ website_url: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Default currency"
          hint="ISO 4217 code for transactions sent without amount_units, e.g. USD or EUR."
          error={fieldErrors.default_currency}
        >
          {(id, describedBy) => (
            <input
              id={id}
              name="default_currency"
              className="input-short mono"
              value={draft.default_currency}
              maxLength={3}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={describedBy}
              aria-invalid={invalid('default_currency')}
              onChange={(e) => update({ default_currency: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
      </div>

      <div className="panel">
        <h2>Commission</h2>
        <Field label="Commission type" error={fieldErrors['commission.type']}>
          {(id, describedBy) => (
            <select
              id={id}
              name="commission_type"
              className="input-medium"
              value={draft.type}
              aria-describedby={describedBy}
              aria-invalid={invalid('commission.type')}
              onChange={(e) => update({ type: e.target.value as RuleType })}
            >
              {RULE_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Commission value"
          hint={valueHint(draft.type)}
          error={fieldErrors['commission.value']}
        >
          {(id, describedBy) => (
            <input
              id={id}
              name="commission_value"
              className="input-short"
              type="number"
              inputMode="decimal"
              min={0}
              max={draft.type === 'percent' ? 100 : undefined}
              step="any"
              value={draft.value}
              aria-describedby={describedBy}
              aria-invalid={invalid('commission.value')}
              onChange={(e) => update({ value: e.target.value })}
            />
          )}
        </Field>

        <fieldset className="overrides" aria-describedby={`${ids.overrides}-hint`}>
          <legend>Overrides by product type</legend>
          <p className="hint" id={`${ids.overrides}-hint`}>
            A transaction whose <code>product_type</code> matches uses its override instead of the
            rule above.
          </p>
          {draft.overrides.length === 0 ? (
            <p className="muted">No overrides: every transaction uses the rule above.</p>
          ) : (
            <ol className="override-list">
              {draft.overrides.map((o, i) => {
                const at = `commission.overrides.${i}`;
                const title = o.product_type.trim() || `override ${i + 1}`;
                return (
                  <li key={o.rowId}>
                    <fieldset className="inline-form override">
                      <legend className="visually-hidden">Override {i + 1}</legend>
                      <Field label="Product type" error={fieldErrors[`${at}.product_type`]}>
                        {(id, describedBy) => (
                          <input
                            id={id}
                            ref={(el) => {
                              if (el && focusRow.current === o.rowId) {
                                focusRow.current = null;
                                el.focus();
                              }
                            }}
                            className="input-medium"
                            value={o.product_type}
                            maxLength={100}
                            placeholder="lifetime"
                            autoComplete="off"
                            aria-describedby={describedBy}
                            aria-invalid={invalid(`${at}.product_type`)}
                            onChange={(e) =>
                              updateOverride(o.rowId, { product_type: e.target.value })
                            }
                          />
                        )}
                      </Field>
                      <Field label="Type" error={fieldErrors[`${at}.type`]}>
                        {(id, describedBy) => (
                          <select
                            id={id}
                            value={o.type}
                            aria-describedby={describedBy}
                            aria-invalid={invalid(`${at}.type`)}
                            onChange={(e) =>
                              updateOverride(o.rowId, { type: e.target.value as RuleType })
                            }
                          >
                            {RULE_TYPES.map((t) => (
                              <option key={t.value} value={t.value}>
                                {t.label}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                      <Field
                        label={o.type === 'percent' ? 'Value (%)' : `Value (${currency})`}
                        error={fieldErrors[`${at}.value`]}
                      >
                        {(id, describedBy) => (
                          <input
                            id={id}
                            className="input-short"
                            type="number"
                            inputMode="decimal"
                            min={0}
                            max={o.type === 'percent' ? 100 : undefined}
                            step="any"
                            value={o.value}
                            aria-describedby={describedBy}
                            aria-invalid={invalid(`${at}.value`)}
                            onChange={(e) => updateOverride(o.rowId, { value: e.target.value })}
                          />
                        )}
                      </Field>
                      <Button
                        variant="danger"
                        onClick={() => removeOverride(o.rowId)}
                        aria-label={`Remove the override for ${title}`}
                      >
                        Remove
                      </Button>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          )}
          {fieldErrors['commission.overrides'] && (
            <p className="field-error">{fieldErrors['commission.overrides'].join(' ')}</p>
          )}
          <div className="actions" ref={addOverrideRef}>
            <Button onClick={addOverride}>Add override</Button>
          </div>
        </fieldset>
      </div>

      <div className="panel">
        <h2>Partners and rewards</h2>
        <Field
          label="Review period (days)"
          hint="How long a new reward waits before it is approved, to allow for refunds. 0 approves rewards at once."
          error={fieldErrors.review_period_days}
        >
          {(id, describedBy) => (
            <input
              id={id}
              name="review_period_days"
              className="input-short"
              type="number"
              inputMode="numeric"
              min={0}
              max={3650}
              step={1}
              value={draft.review_period_days}
              aria-describedby={describedBy}
              aria-invalid={invalid('review_period_days')}
              onChange={(e) => update({ review_period_days: e.target.value })}
            />
          )}
        </Field>
        <div className="field">
          <label className="check" htmlFor={ids.approval}>
            <input
              id={ids.approval}
              type="checkbox"
              name="require_partner_approval"
              checked={draft.require_partner_approval}
              aria-describedby={ids.approvalHint}
              onChange={(e) => update({ require_partner_approval: e.target.checked })}
            />
            New partners need approval
          </label>
          <p className="hint" id={ids.approvalHint}>
            New partners start as pending until you approve them on the{' '}
            <Link href="/partners">Partners</Link> page. Otherwise they are active at once.
          </p>
        </div>
      </div>

      <ErrorMessage error={error} fields={unplaced} />
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            setDraft(toDraft(saved));
            setError(undefined);
            setNotice(undefined);
          }}
        >
          Discard changes
        </Button>
      </div>
    </form>
  );
}
