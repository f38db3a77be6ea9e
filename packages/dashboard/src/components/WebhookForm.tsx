import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api.js';
import type { EventType } from '../api.js';
import { useQuery } from '@tanstack/react-query';
import { programEventsQuery } from '../queries.js';
import { Button, ErrorMessage, Field } from './ui.js';

/** What the form edits. */
export interface WebhookDraft {
  name: string;
  url: string;
  events: string[];
}

/**
 * Name, URL and events, the events grouped by resource with a "select all" per group and an
 * "all events" switch (`*`, which also covers event types added later). Only the events of the
 * program's type are offered (Partnero refuses the others); until the program's events load,
 * the whole catalog shows.
 */
export function WebhookForm({
  initial,
  eventTypes,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: WebhookDraft;
  eventTypes: EventType[];
  submitLabel: string;
  onSubmit: (draft: WebhookDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [url, setUrl] = useState(initial.url);
  const [events, setEvents] = useState<Set<string>>(new Set(initial.events));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const all = events.has('*');
  const program = useQuery(programEventsQuery);
  const allowed = program.data ? new Set(program.data.events.map((e) => e.name)) : undefined;
  const offered = allowed ? eventTypes.filter((t) => allowed.has(t.name)) : eventTypes;

  const groups = new Map<string, EventType[]>();
  for (const type of offered) {
    const list = groups.get(type.resource) ?? [];
    list.push(type);
    groups.set(type.resource, list);
  }

  const toggle = (names: string[], on: boolean) => {
    const next = new Set(events);
    next.delete('*');
    for (const n of names) {
      if (on) next.add(n);
      else next.delete(n);
    }
    setEvents(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const problems: Record<string, string[]> = {};
    if (name.trim() === '') problems.name = ['Give the webhook a name, e.g. "CRM sync".'];
    if (url.trim() === '') problems.url = ['Enter the URL that should receive the events.'];
    if (events.size === 0) problems.events = ['Choose at least one event.'];
    if (Object.keys(problems).length > 0) {
      setError(new ApiError('Some fields need attention.', 422, problems));
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ name: name.trim(), url: url.trim(), events: [...events] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrors = error instanceof ApiError ? error.fields : {};
  const eventsError = Object.entries(fieldErrors)
    .filter(([field]) => field === 'events' || field.startsWith('events.'))
    .flatMap(([, msgs]) => msgs);

  return (
    <form onSubmit={submit} noValidate className="form">
      <Field label="Name" error={fieldErrors.name}>
        {(id, describedBy) => (
          <input
            id={id}
            name="name"
            value={name}
            maxLength={100}
            aria-describedby={describedBy}
            aria-invalid={fieldErrors.name ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Endpoint URL"
        hint="Hookline POSTs each event as JSON to this URL and signs it with the webhook's secret."
        error={fieldErrors.url}
      >
        {(id, describedBy) => (
          <input
            id={id}
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://example.com/webhooks/hookline"
            value={url}
            aria-describedby={describedBy}
            aria-invalid={fieldErrors.url ? true : undefined}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="events">
        <legend>Events</legend>
        <label className="check check-all">
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => setEvents(new Set(e.target.checked ? ['*'] : []))}
          />
          All events{program.data ? ` of ${program.data.program_type} programs` : ''}, including
          ones added later
        </label>
        {program.data && (
          <p className="hint">
            The program type is {program.data.program_type}, so only its {offered.length} event
            types are offered.
          </p>
        )}
        <div className="event-groups">
          {[...groups.entries()].map(([resource, types]) => {
            const names = types.map((t) => t.name);
            const chosen = names.filter((n) => all || events.has(n)).length;
            return (
              <fieldset key={resource} className="event-group">
                <legend>{resource.charAt(0).toUpperCase() + resource.slice(1)}</legend>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen === names.length}
                    ref={(el) => {
                      if (el) el.indeterminate = chosen > 0 && chosen < names.length;
                    }}
                    disabled={all}
                    onChange={(e) => toggle(names, e.target.checked)}
                  />
                  Select all {resource} events
                </label>
                {types.map((type) => (
                  <label className="check" key={type.name} title={type.description}>
                    <input
                      type="checkbox"
                      name="events"
                      value={type.name}
                      checked={all || events.has(type.name)}
                      disabled={all}
                      onChange={(e) => toggle([type.name], e.target.checked)}
                    />
                    <code>{type.name}</code>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
        {eventsError.length > 0 && <p className="field-error">{eventsError.join(' ')}</p>}
      </fieldset>
      <ErrorMessage error={error} fields={false} />
      <div className="actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
