import { useId, useState } from 'react';
import { hookline } from '../api.js';
import { Button, Dialog, ErrorMessage } from './ui.js';

const GRACE_PERIODS = [
  { seconds: 0, label: 'None: the old secret stops working now' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
] as const;

/** Rotates a webhook's secret with a grace period, saying what `Signature` does meanwhile. */
export function RotateDialog({
  open,
  webhookKey,
  onClose,
  onRotated,
}: {
  open: boolean;
  webhookKey: string;
  onClose: () => void;
  onRotated: (message: string) => void;
}) {
  const [grace, setGrace] = useState(86_400);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <Dialog open={open} title="Rotate the signing secret" onClose={onClose}>
      <p>
        A new secret is generated. During the grace period both secrets sign every request (
        <code>webhook-signature</code>), and the <code>Signature</code> header keeps using the old
        secret, so receivers that check only <code>Signature</code> (such as Partnero's n8n node)
        keep verifying while you update them. <code>Signature</code> switches to the new secret when
        the grace period ends.
      </p>
      <p>
        Already updated every receiver? <strong>Finish rotation</strong> ends the grace period now:
        only the current secret signs from then on.
      </p>
      <div className="field">
        <label htmlFor={id}>Grace period for the old secret</label>
        <select id={id} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
          {GRACE_PERIODS.map((g) => (
            <option key={g.seconds} value={g.seconds}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button
          variant="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await hookline.POST('/v1/webhooks/{key}/rotate-secret', {
                params: { path: { key: webhookKey } },
                body: { grace_period_seconds: grace },
              });
              onRotated(
                grace > 0
                  ? 'Secret rotated. Update your receivers with the new secret; Signature switches to it when the grace period ends.'
                  : 'Secret rotated. Update your receivers with the new secret.',
              );
              onClose();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          Rotate secret
        </Button>
        <Button
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await hookline.POST('/v1/webhooks/{key}/finish-rotation', {
                params: { path: { key: webhookKey } },
              });
              onRotated('Rotation finished: only the current secret signs now.');
              onClose();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          Finish rotation
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}
