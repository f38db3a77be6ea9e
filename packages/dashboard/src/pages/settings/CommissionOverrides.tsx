import { useId, useRef } from 'react';
import { Button, Field } from '../../components/ui.js';
import { RULE_TYPES, newRowId } from './settings-draft.js';
import type { OverrideDraft, RuleType } from './settings-draft.js';

/**
 * The commission overrides by product type: a list of rows (product type, rule, value) with
 * "Add override" and "Remove". Keyboard focus follows the edit: into a new row's first field,
 * and back to "Add override" when the focused row is removed.
 */
export function CommissionOverrides({
  overrides,
  newRuleType,
  currency,
  fieldErrors,
  onChange,
}: {
  overrides: OverrideDraft[];
  /** The rule type a new row starts with (the program's). */
  newRuleType: RuleType;
  /** How the value of a fixed rule is labelled, e.g. `EUR`. */
  currency: string;
  fieldErrors: Record<string, string[]>;
  onChange: (overrides: OverrideDraft[]) => void;
}) {
  const hintId = useId();
  const addRef = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);
  const invalid = (field: string) => (fieldErrors[field] ? true : undefined);

  const updateRow = (rowId: number, patch: Partial<OverrideDraft>) =>
    onChange(overrides.map((o) => (o.rowId === rowId ? { ...o, ...patch } : o)));
  const addRow = () => {
    const rowId = newRowId();
    focusRow.current = rowId;
    onChange([...overrides, { rowId, product_type: '', type: newRuleType, value: '' }]);
  };
  const removeRow = (rowId: number) => {
    onChange(overrides.filter((o) => o.rowId !== rowId));
    // The removed row held the focus; keep it in the same place of the form.
    addRef.current?.querySelector('button')?.focus();
  };

  return (
    <fieldset className="overrides" aria-describedby={hintId}>
      <legend>Overrides by product type</legend>
      <p className="hint" id={hintId}>
        A transaction whose <code>product_type</code> matches uses its override instead of the rule
        above.
      </p>
      {overrides.length === 0 ? (
        <p className="muted">No overrides: every transaction uses the rule above.</p>
      ) : (
        <ol className="override-list">
          {overrides.map((o, i) => {
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
                        onChange={(e) => updateRow(o.rowId, { product_type: e.target.value })}
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
                        onChange={(e) => updateRow(o.rowId, { type: e.target.value as RuleType })}
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
                        onChange={(e) => updateRow(o.rowId, { value: e.target.value })}
                      />
                    )}
                  </Field>
                  <Button
                    variant="danger"
                    onClick={() => removeRow(o.rowId)}
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
      <div className="actions" ref={addRef}>
        <Button onClick={addRow}>Add override</Button>
      </div>
    </fieldset>
  );
}
