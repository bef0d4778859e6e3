/**
 * One thing a {@link SchemaCheck} found wrong, as JSON-schema validators report it: the JSON path
 * of the offending value (for a missing property, of the object that lacks it), that value, and a
 * message `<json path>: <reason>`.
 */
export interface SchemaViolation {
  /** Where the offending value is (`$.poll.options`); for a missing property, the enclosing object. */
  readonly path: string;
  /** The value at `path`. */
  readonly value: unknown;
  /** `<json path>: <reason>`, e.g. `$.text: integer found, string expected`. */
  readonly message: string;
}

/**
 * A checker of one JSON value at a JSON path, adding what is wrong to `violations`. Build one from
 * {@link str}, {@link bool}, {@link int}, {@link arr}, {@link obj} and {@link anything}, after a
 * platform's OpenAPI schema, and run it with {@link checkSchema}. The reasons are worded as the
 * networknt JSON-schema validator words them ("string found, array expected", "there must be a
 * minimum of 1 item in the array", "is missing but it is required", "is not defined in the schema
 * and the schema does not allow additional properties"); a simulator keeps only its schemas and
 * the envelope its platform wraps violations in.
 */
export type SchemaCheck = (value: unknown, path: string, violations: SchemaViolation[]) => void;

const add = (violations: SchemaViolation[], path: string, value: unknown, reason: string): void => {
  violations.push({ path, value, message: `${path}: ${reason}` });
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * A string, with optional pattern, enumeration and length bounds (in code points, as JSON Schema counts).
 *
 * @example
 * ```ts
 * const id = str({ pattern: /^[0-9]{1,19}$/ });
 * ```
 */
export function str(
  rules: {
    readonly pattern?: RegExp;
    readonly values?: readonly string[];
    readonly minLength?: number;
    readonly maxLength?: number;
  } = {},
): SchemaCheck {
  return (value, path, violations) => {
    if (typeof value !== 'string')
      return add(violations, path, value, `${typeName(value)} found, string expected`);
    const length = [...value].length;
    if (rules.pattern !== undefined && !rules.pattern.test(value))
      add(violations, path, value, `does not match the regex pattern ${rules.pattern.source}`);
    if (rules.values !== undefined && !rules.values.includes(value))
      add(violations, path, value, `does not have a value in the enumeration [${rules.values.join(', ')}]`);
    if (rules.minLength !== undefined && length < rules.minLength)
      add(violations, path, value, `must be at least ${rules.minLength} characters long`);
    if (rules.maxLength !== undefined && length > rules.maxLength)
      add(violations, path, value, `must be at most ${rules.maxLength} characters long`);
  };
}

/** A boolean. */
export const bool: SchemaCheck = (value, path, violations) => {
  if (typeof value !== 'boolean') add(violations, path, value, `${typeName(value)} found, boolean expected`);
};

/** Anything (a nested object the simulator does not look into). */
export const anything: SchemaCheck = () => {};

/** An integer within bounds. */
export function int(minimum: number, maximum: number): SchemaCheck {
  return (value, path, violations) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return add(violations, path, value, `${typeName(value)} found, integer expected`);
    if (value < minimum) add(violations, path, value, `must have a minimum value of ${minimum}`);
    if (value > maximum) add(violations, path, value, `must have a maximum value of ${maximum}`);
  };
}

/** An array of items, with optional bounds on its size; items are checked at `path[index]`. */
export function arr(item: SchemaCheck, minItems?: number, maxItems?: number): SchemaCheck {
  return (value, path, violations) => {
    if (!Array.isArray(value))
      return add(violations, path, value, `${typeName(value)} found, array expected`);
    if (minItems !== undefined && value.length < minItems)
      add(
        violations,
        path,
        value,
        `there must be a minimum of ${minItems} item${minItems === 1 ? '' : 's'} in the array`,
      );
    if (maxItems !== undefined && value.length > maxItems)
      add(violations, path, value, `there must be a maximum of ${maxItems} items in the array`);
    value.forEach((element: unknown, index) => {
      item(element, `${path}[${index}]`, violations);
    });
  };
}

/**
 * An object with known properties (`additionalProperties: false`) and required ones. A missing
 * property is reported on the enclosing object, its message naming the property
 * (`$.reply.in_reply_to_tweet_id: is missing but it is required`).
 */
export function obj(
  properties: Readonly<Record<string, SchemaCheck>>,
  required: readonly string[] = [],
): SchemaCheck {
  return (value, path, violations) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return add(violations, path, value, `${typeName(value)} found, object expected`);
    const record = value as Readonly<Record<string, unknown>>;
    for (const name of required) {
      if (record[name] === undefined)
        violations.push({ path, value, message: `${path}.${name}: is missing but it is required` });
    }
    for (const [name, child] of Object.entries(record)) {
      const check = properties[name];
      const at = `${path}.${name}`;
      if (check !== undefined) check(child, at, violations);
      else
        add(
          violations,
          at,
          child,
          'is not defined in the schema and the schema does not allow additional properties',
        );
    }
  };
}

/**
 * Everything `check` finds wrong with `value`, a request body checked from its root `$` (or a
 * value found at `root`).
 *
 * @example
 * ```ts
 * const violations = checkSchema(obj({ tweet_id: str() }, ['tweet_id']), body);
 * // [{ path: '$', value: {}, message: '$.tweet_id: is missing but it is required' }] for `{}`
 * ```
 */
export function checkSchema(check: SchemaCheck, value: unknown, root = '$'): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  check(value, root, violations);
  return violations;
}
