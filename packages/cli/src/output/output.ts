import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Where a command writes: human lines or one JSON document on stdout, progress on stderr. */
export interface Output {
  /** `--json`: stdout gets one JSON document and nothing else. */
  readonly json: boolean;
  /** A line for people (nothing in `--json` mode). */
  line(text?: string): void;
  /** The command's result for scripts (only in `--json` mode). */
  data(value: unknown): void;
  /** A line on stderr (errors, warnings), in both modes. */
  error(text: string): void;
  /** `text` in `style` when stdout is a colour terminal (styleText checks the stream, `NO_COLOR` and `FORCE_COLOR`). */
  paint(style: Style, text: string): string;
  /** A task on the stderr task list: a spinner line on a terminal, nothing otherwise. */
  task(label: string): Task;
  /** Values that must never be printed: each is replaced by `[redacted]` in everything written. */
  addSecrets(values: Iterable<string | undefined>): void;
}

/** A running task of {@link Output.task}. */
export interface Task {
  /** Ends the task: `✔ label note`, `✖ label note` or `! label note`. */
  end(state: 'ok' | 'failed' | 'warning', note?: string): void;
}

/** What {@link createOutput} writes to. */
export interface OutputStreams {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

const MARKS = { ok: ['✔', 'green'], failed: ['✖', 'red'], warning: ['!', 'yellow'] } as const;

/** The output of one command run. */
export function createOutput(json: boolean, streams: OutputStreams = process): Output {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let safe = text;
    for (const secret of secrets) safe = safe.split(secret).join('[redacted]');
    return safe;
  };
  const paint = (style: Style, text: string, stream: NodeJS.WriteStream = streams.stdout): string =>
    styleText(style, text, { stream });
  const live = streams.stderr.isTTY === true && !json;
  return {
    json,
    line: (text = '') => {
      if (!json) streams.stdout.write(`${redact(text)}\n`);
    },
    data: (value) => {
      if (json) streams.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
    },
    error: (text) => {
      streams.stderr.write(`${redact(text)}\n`);
    },
    paint,
    task: (label) => {
      if (live) streams.stderr.write(`${paint('cyan', '…', streams.stderr)} ${redact(label)}`);
      return {
        end: (state, note) => {
          if (!live) return;
          const [mark, colour] = MARKS[state];
          const tail = note === undefined ? '' : ` ${paint('dim', redact(note), streams.stderr)}`;
          streams.stderr.write(`\r\u001b[2K${paint(colour, mark, streams.stderr)} ${redact(label)}${tail}\n`);
        },
      };
    },
    addSecrets: (values) => {
      // Short values (an empty variable, `1`) would redact ordinary text; tokens are long.
      for (const value of values) if (value !== undefined && value.length >= 8) secrets.add(value);
    },
  };
}
