import { useEffect, useId, useRef, useState } from 'react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { ApiError } from '../api.js';

/** A button that is `type="button"` unless told otherwise (no accidental submits). */
export function Button(
  props: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'danger' | 'plain' },
) {
  const { variant = 'plain', className = '', type = 'button', ...rest } = props;
  return <button type={type} className={`btn btn-${variant} ${className}`} {...rest} />;
}

const STATUS_TEXT: Record<string, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  pending: 'Retrying',
  cancelled: 'Cancelled',
  active: 'Active',
  inactive: 'Disabled',
  review_period: 'In review',
  approved: 'Approved',
  paid: 'Paid',
  rejected: 'Rejected',
  archived: 'Archived',
  deleted: 'Deleted',
  healthy: 'Healthy',
  degraded: 'Degraded',
  failing: 'Failing',
  idle: 'No traffic',
  disabled: 'Disabled',
};

/** A coloured status label; the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${status}`}>{label ?? STATUS_TEXT[status] ?? status}</span>;
}

/** An error in words, announced to screen readers. */
export function ErrorMessage({
  error,
  action,
  fields: showFields = true,
}: {
  error: unknown;
  action?: ReactNode;
  /** List the API's field errors too (off when the form shows them beside each field). */
  fields?: boolean;
}) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError && showFields ? Object.entries(error.fields) : [];
  const extra = fields.filter(([, msgs]) => !msgs.includes(message));
  return (
    <div className="alert alert-error" role="alert">
      <p>{message}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map(([field, msgs]) => (
            <li key={field}>{msgs.join(' ')}</li>
          ))}
        </ul>
      )}
      {action}
    </div>
  );
}

/** A polite loading line. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

/** An empty state: what is missing and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Copies text to the clipboard and says so. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button onClick={copy}>{state === 'copied' ? 'Copied' : label}</Button>
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Copy failed; select the text and copy it'
            : ''}
      </span>
    </>
  );
}

/** A modal dialog on the native `<dialog>` (focus trap and Escape for free). */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  );
}

/** Previous/next paging from the API's `links`. */
export function Pager({
  page,
  hasNext,
  onPage,
}: {
  page: number;
  hasNext: boolean;
  onPage: (page: number) => void;
}) {
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← Previous
      </Button>
      <span>Page {page}</span>
      <Button disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next →
      </Button>
    </nav>
  );
}

/** A labelled form field with hint and error. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string[] | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error.join(' ')}
        </p>
      )}
    </div>
  );
}
