import { SmmkitError, type SmmkitErrorOptions } from './smmkit-error.js';

/** The adapter does not offer the requested operation (see its `capabilities`). */
export class UnsupportedCapabilityError extends SmmkitError {
  static override readonly kind: string = 'UnsupportedCapabilityError';
  /** The capability that was asked for (`delete`, `engagement.hide`, …). */
  readonly capability: string;

  /**
   * @param capability - the capability that was asked for
   * @param options - context; `platform` names the adapter
   */
  constructor(capability: string, options: SmmkitErrorOptions = {}) {
    super(
      'unsupported_capability',
      `${options.platform ?? 'This adapter'} does not support ${capability}.`,
      false,
      { hint: "Check the adapter's capabilities before calling this operation.", ...options },
    );
    this.capability = capability;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), capability: this.capability };
  }
}
