import type { Writable } from 'node:stream';

/** A writable stream that may be a terminal. */
type Stream = Writable & { isTTY?: boolean };

/** Progress shown on stderr for anything that may take more than a second. */
export interface Progress {
  /** Changes the label. */
  update(label: string): void;
  /** Removes the spinner line (and prints `final` on stderr if given). */
  stop(final?: string): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Where commands write: stdout for results (what scripts parse), stderr for progress and
 * diagnostics. Spinners and colours only when stderr/stdout is a TTY and `NO_COLOR` is unset,
 * so piped output stays plain.
 */
export class Terminal {
  constructor(
    readonly stdout: Stream,
    readonly stderr: Stream,
    private readonly noColor = false,
  ) {}

  /** One line of result on stdout. */
  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  /** One JSON document per line on stdout. */
  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** One diagnostic line on stderr. */
  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** Colours a string for stdout when it is a terminal. */
  color(text: string, color: 'green' | 'red' | 'yellow' | 'dim' | 'bold' | 'cyan'): string {
    if (this.noColor || !this.stdout.isTTY) return text;
    const codes = { green: 32, red: 31, yellow: 33, dim: 2, bold: 1, cyan: 36 } as const;
    return `\u001b[${codes[color]}m${text}\u001b[0m`;
  }

  /**
   * Shows a spinner with `label` on stderr when it is a terminal; otherwise nothing (scripts
   * and logs don't want carriage returns).
   */
  progress(label: string): Progress {
    if (!this.stderr.isTTY) {
      return { update() {}, stop: (final) => final !== undefined && this.note(final) };
    }
    let current = label;
    let frame = 0;
    const draw = () => {
      this.stderr.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} ${current}`);
    };
    // Appear only after 300 ms, so quick operations don't flicker.
    const timer = setInterval(draw, 100);
    timer.unref();
    let drawn = false;
    const startTimer = setTimeout(() => {
      drawn = true;
      draw();
    }, 300);
    startTimer.unref();
    return {
      update(next) {
        current = next;
      },
      stop: (final) => {
        clearInterval(timer);
        clearTimeout(startTimer);
        if (drawn) this.stderr.write('\r\u001b[2K');
        if (final !== undefined) this.note(final);
      },
    };
  }
}

/** `HH:MM:SS` of a time, local, for one-line logs. */
export function clockTime(ms: number = Date.now()): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
