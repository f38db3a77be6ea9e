import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, dataOf, hookline } from '../api.js';
import type { ApiKey, CreatedApiKey } from '../api.js';
import {
  Button,
  CopyButton,
  Dialog,
  Empty,
  ErrorMessage,
  Loading,
  StatusBadge,
} from '../components/ui.js';
import { fullTime, relativeTime } from '../format.js';
import { useQuery } from '@tanstack/react-query';

/**
 * The program's API keys (`/v1/api-keys`): label, first characters, created, last used; create
 * (the key is shown once) and revoke (at once, with the dashboard sessions opened with it).
 */
export function ApiKeysPage() {
  const keys = useQuery({
    queryKey: ['/v1/api-keys'],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/api-keys', { signal })),
  });
  const [created, setCreated] = useState<CreatedApiKey>();
  const [revoking, setRevoking] = useState<ApiKey>();
  const [error, setError] = useState<unknown>();
  const list = keys.data ?? [];

  return (
    <section aria-labelledby="keys-title">
      <div className="page-head">
        <h1 id="keys-title">API keys</h1>
      </div>
      <p className="lede">
        Keys that reach this program's API. Give each integration its own key, so that you can
        revoke one without breaking the others. A key is shown once, when it is created.
      </p>

      <NewKeyForm
        onCreated={(key) => {
          setCreated(key);
          void keys.refetch();
        }}
      />

      {created && (
        <div className="panel" role="status">
          <h2>Copy the new key now</h2>
          <p>
            <strong>{created.name}</strong>: this is the only time the key is shown.
          </p>
          <p className="secret">
            <code>{created.key}</code> <CopyButton text={created.key} label="Copy key" />
          </p>
          <Button onClick={() => setCreated(undefined)}>Done</Button>
        </div>
      )}

      <ErrorMessage
        error={keys.error ?? error}
        action={<Button onClick={() => void keys.refetch()}>Retry</Button>}
      />
      {keys.isPending && !keys.data ? (
        <Loading what="Loading API keys" />
      ) : list.length === 0 && !keys.error ? (
        <Empty title="No API keys">
          <p>Create one above to call the API.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">API keys of this program</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <tr key={k.id}>
                  <td data-label="Label">{k.name}</td>
                  <td data-label="Key">
                    <code>{k.prefix}…</code>
                  </td>
                  <td data-label="Created" title={fullTime(k.created_at)}>
                    {relativeTime(k.created_at)}
                  </td>
                  <td data-label="Last used" title={fullTime(k.last_used_at)}>
                    {k.last_used_at ? (
                      relativeTime(k.last_used_at)
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td data-label="Status">
                    {k.is_active ? (
                      <StatusBadge status="active" />
                    ) : (
                      <span title={fullTime(k.revoked_at)}>
                        <StatusBadge status="inactive" label="Revoked" />
                      </span>
                    )}
                  </td>
                  <td>
                    {k.is_active && (
                      <Button variant="danger" onClick={() => setRevoking(k)}>
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Dialog
        open={revoking !== undefined}
        title={`Revoke "${revoking?.name ?? ''}"?`}
        onClose={() => setRevoking(undefined)}
      >
        <p>
          Requests with <code>{revoking?.prefix}…</code> are refused from now on, and browsers
          signed in with it are signed out. This cannot be undone; integrations that use it need a
          new key.
        </p>
        <div className="actions">
          <Button
            variant="danger"
            onClick={async () => {
              if (!revoking) return;
              setError(undefined);
              try {
                await hookline.DELETE('/v1/api-keys/{id}', {
                  params: { path: { id: revoking.id } },
                });
              } catch (e) {
                setError(e);
              }
              setRevoking(undefined);
              void keys.refetch();
            }}
          >
            Revoke key
          </Button>
          <Button onClick={() => setRevoking(undefined)}>Cancel</Button>
        </div>
      </Dialog>
    </section>
  );
}

function NewKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const id = useId();
  const fieldError = error instanceof ApiError ? error.fields.name : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const key = await dataOf(hookline.POST('/v1/api-keys', { body: { name } }));
      setName('');
      onCreated(key);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Create an API key">
      <label htmlFor={id}>Label</label>
      <input
        id={id}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. n8n production"
        maxLength={100}
        required
        aria-invalid={fieldError ? true : undefined}
      />
      <Button type="submit" variant="primary" disabled={busy || name.trim() === ''}>
        Create key
      </Button>
      {fieldError ? (
        <p className="field-error">{fieldError.join(' ')}</p>
      ) : (
        <ErrorMessage error={error} />
      )}
    </form>
  );
}
