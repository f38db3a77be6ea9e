import { useId, useState } from 'react';
import { Button, CopyButton } from './ui.js';

/** A signing secret: hidden until revealed, always copyable. */
export function SecretField({ secret, revealed = false }: { secret: string; revealed?: boolean }) {
  const [show, setShow] = useState(revealed);
  const id = useId();
  return (
    <div className="secret">
      <label htmlFor={id}>Signing secret</label>
      <div className="secret-row">
        <input
          id={id}
          readOnly
          className="mono"
          type={show ? 'text' : 'password'}
          value={secret}
          data-testid="signing-secret"
          onFocus={(e) => e.target.select()}
        />
        <Button onClick={() => setShow(!show)} aria-pressed={show}>
          {show ? 'Hide' : 'Reveal'}
        </Button>
        <CopyButton text={secret} label="Copy secret" />
      </div>
    </div>
  );
}
