/**
 * What the sweep's own callbacks (token loaders, `persist`, refresh callbacks, token providers)
 * threw. Issue 12 item 3 asks smmkit to keep such an error as the `cause` of its own, unprinted
 * (`util.inspect` leaves it out) but readable on purpose: it is the app's own object, quoting what
 * the app put in it. The sweep does not count that object itself as a leak; it does count it when
 * printing an outcome or event shows it (then it is found in the rendering).
 */
export class AppThrown {
  readonly #objects = new WeakSet<object>();
  readonly #values = new Set<string>();
  #count = 0;

  /** Records `thrown` as the app's own and returns it, to be thrown. */
  own<T>(thrown: T): T {
    this.#count += 1;
    if (typeof thrown === 'object' && thrown !== null) this.#objects.add(thrown);
    else if (typeof thrown === 'string') this.#values.add(thrown);
    return thrown;
  }

  /** How many times a callback threw so far (a cause made along with an error counts too). */
  get count(): number {
    return this.#count;
  }

  /** True for an object or string one of the sweep's callbacks threw. */
  has(value: unknown): boolean {
    if (typeof value === 'object' && value !== null) return this.#objects.has(value);
    return typeof value === 'string' && this.#values.has(value);
  }
}
