import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../src/output/output.js';

/** A stream that keeps what is written, and is not a terminal. */
function sink(): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') }) as unknown as NodeJS.WriteStream & {
    text: () => string;
  };
}

describe('output', () => {
  it('replaces every secret it was given, in lines, JSON and errors', () => {
    const stdout = sink();
    const stderr = sink();
    const text = createOutput(false, { stdout, stderr });
    text.addSecrets(['token-abcdef-123456', undefined]);
    text.line('the platform said: bad token token-abcdef-123456');
    text.error('Bearer token-abcdef-123456 refused');
    const json = createOutput(true, { stdout, stderr });
    json.addSecrets(['token-abcdef-123456']);
    json.data({ detail: 'token-abcdef-123456' });
    expect(stdout.text() + stderr.text()).not.toContain('token-abcdef-123456');
    expect(stdout.text()).toContain('bad token [redacted]');
    expect(stderr.text()).toContain('Bearer [redacted] refused');
  });

  it('writes only the JSON document to stdout in --json mode, and no colour off a terminal', () => {
    const stdout = sink();
    const stderr = sink();
    const output = createOutput(true, { stdout, stderr });
    output.line(output.paint('red', 'for people'));
    output.task('working').end('ok');
    output.data({ ok: true });
    expect(JSON.parse(stdout.text())).toEqual({ ok: true });
    expect(stderr.text()).toBe('');
    expect(output.paint('red', 'plain')).toBe('plain');
  });
});
