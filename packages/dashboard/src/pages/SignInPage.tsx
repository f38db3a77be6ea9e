import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, answer, hookline } from '../api.js';
import type { SessionInfo } from '../api.js';
import { Button, ErrorMessage, Field } from '../components/ui.js';

/** Sign-in with an API key (exchanged once for an HttpOnly session cookie). */
export function SignInPage({
  onSignedIn,
  linkInvalid,
}: {
  onSignedIn: (info: SessionInfo) => void;
  linkInvalid: boolean;
}) {
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim() === '') {
      setError(new ApiError('Enter your API key.', 422, { api_key: ['Enter your API key.'] }));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const info = await answer(
        hookline.POST('/auth/session', { body: { api_key: apiKey.trim() } }),
      );
      setApiKey('');
      onSignedIn(info);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = error instanceof ApiError ? error.fields.api_key : undefined;
  return (
    <main className="signin">
      <div className="signin-card">
        <h1>
          <img src="/favicon.svg" alt="" width="32" height="32" /> Sign in to Hookline
        </h1>
        {linkInvalid && (
          <div className="alert alert-warning" role="alert">
            That sign-in link has expired or was already used. Restart Hookline to print a new one,
            or sign in with your API key below.
          </div>
        )}
        <form onSubmit={submit} noValidate>
          <Field
            label="API key"
            hint={
              <>
                The key printed when Hookline first started (it begins with <code>hlk_</code>). Or
                open the one-time sign-in link that <code>npm start</code> prints.
              </>
            }
            error={fieldError}
          >
            {(id, describedBy) => (
              <input
                id={id}
                name="api_key"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={apiKey}
                aria-describedby={describedBy}
                aria-invalid={fieldError ? true : undefined}
                onChange={(e) => setApiKey(e.target.value)}
              />
            )}
          </Field>
          {error && error !== fieldError ? <ErrorMessage error={error} fields={false} /> : null}
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p className="hint">
          Your key is exchanged for a session cookie that scripts cannot read; the key itself is not
          stored in this browser.
        </p>
      </div>
    </main>
  );
}
