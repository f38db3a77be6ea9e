import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, dataOf, hookline } from '../api.js';
import type { Program } from '../api.js';
import { Button, ErrorMessage, Field, Loading } from '../components/ui.js';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router.js';
import { CommissionOverrides } from './settings/CommissionOverrides.js';
import {
  RULE_TYPES,
  draftProblems,
  exampleLink,
  isPlaced,
  toDraft,
  toProgramUpdate,
} from './settings/settings-draft.js';
import type { RuleType, SettingsDraft } from './settings/settings-draft.js';

/** Program settings (`GET|PUT /v1/program`): name, website, currency, commission, review. */
export function SettingsPage({ onSaved }: { onSaved?: (program: Program) => void }) {
  const program = useQuery({
    queryKey: ['/v1/program'],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/program', { signal })),
  });
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
          action={<Button onClick={() => void program.refetch()}>Retry</Button>}
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
  const ids = { approval: useId(), approvalHint: useId() };

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
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    const problems = draftProblems(draft);
    if (Object.keys(problems).length > 0) {
      setError(new ApiError('Some fields need attention.', 422, problems));
      return;
    }
    setBusy(true);
    try {
      const program = await dataOf(hookline.PUT('/v1/program', { body: toProgramUpdate(draft) }));
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

        <CommissionOverrides
          overrides={draft.overrides}
          newRuleType={draft.type}
          currency={currency}
          fieldErrors={fieldErrors}
          onChange={(overrides) => update({ overrides })}
        />
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
