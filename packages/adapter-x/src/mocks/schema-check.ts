import type { InvalidParameter } from './problems.js';
import { stringify } from './problems.js';

/**
 * A checker of one JSON value at a JSON path; it adds X's messages for what is wrong.
 *
 * X validates request bodies against its OpenAPI schema and reports each violation as
 * `{"parameters":{"<json path>":["<value>"]},"message":"<json path>: <reason>"}`. The reasons
 * follow the JSON-schema validator X runs; those quoted by users are "string found, array
 * expected" (geduldig/TwitterAPI#227), "there must be a minimum of 1 item in the array" and "there
 * must be a maximum of 4 items in the array" (plhery/node-twitter-api-v2#539), and "is missing but
 * it is required" (plhery/node-twitter-api-v2#583). The others (lengths, bounds, enums, patterns,
 * unknown properties) use the same validator's wording and are ASSUMED.
 */
export type SchemaCheck = (value: unknown, path: string, problems: InvalidParameter[]) => void;

function add(problems: InvalidParameter[], path: string, value: unknown, reason: string): void {
  problems.push({ parameters: { [path]: [stringify(value)] }, message: `${path}: ${reason}` });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A string, with optional pattern, enumeration and length bounds (in code points, as JSON Schema counts). */
export function str(
  rules: {
    readonly pattern?: RegExp;
    readonly values?: readonly string[];
    readonly minLength?: number;
    readonly maxLength?: number;
  } = {},
): SchemaCheck {
  return (value, path, problems) => {
    if (typeof value !== 'string')
      return add(problems, path, value, `${typeName(value)} found, string expected`);
    const length = [...value].length;
    if (rules.pattern !== undefined && !rules.pattern.test(value))
      add(problems, path, value, `does not match the regex pattern ${rules.pattern.source}`);
    if (rules.values !== undefined && !rules.values.includes(value))
      add(problems, path, value, `does not have a value in the enumeration [${rules.values.join(', ')}]`);
    if (rules.minLength !== undefined && length < rules.minLength)
      add(problems, path, value, `must be at least ${rules.minLength} characters long`);
    if (rules.maxLength !== undefined && length > rules.maxLength)
      add(problems, path, value, `must be at most ${rules.maxLength} characters long`);
  };
}

/** A boolean. */
export const bool: SchemaCheck = (value, path, problems) => {
  if (typeof value !== 'boolean') add(problems, path, value, `${typeName(value)} found, boolean expected`);
};

/** Anything (a nested object the simulator does not look into). */
export const anything: SchemaCheck = () => {};

/** An integer within bounds. */
export function int(minimum: number, maximum: number): SchemaCheck {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return add(problems, path, value, `${typeName(value)} found, integer expected`);
    if (value < minimum) add(problems, path, value, `must have a minimum value of ${minimum}`);
    if (value > maximum) add(problems, path, value, `must have a maximum value of ${maximum}`);
  };
}

/** An array of items, with optional bounds on its size. */
export function arr(item: SchemaCheck, minItems?: number, maxItems?: number): SchemaCheck {
  return (value, path, problems) => {
    if (!Array.isArray(value)) return add(problems, path, value, `${typeName(value)} found, array expected`);
    if (minItems !== undefined && value.length < minItems)
      add(
        problems,
        path,
        value,
        `there must be a minimum of ${minItems} item${minItems === 1 ? '' : 's'} in the array`,
      );
    if (maxItems !== undefined && value.length > maxItems)
      add(problems, path, value, `there must be a maximum of ${maxItems} items in the array`);
    value.forEach((element: unknown, index) => {
      item(element, `${path}[${index}]`, problems);
    });
  };
}

/** An object with known properties (`additionalProperties: false`) and required ones. */
export function obj(
  properties: Readonly<Record<string, SchemaCheck>>,
  required: readonly string[] = [],
): SchemaCheck {
  return (value, path, problems) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return add(problems, path, value, `${typeName(value)} found, object expected`);
    const record = value as Readonly<Record<string, unknown>>;
    for (const name of required) {
      // The parameter is the enclosing object, the message names the missing property (#583).
      if (record[name] === undefined)
        problems.push({
          parameters: { [path]: [stringify(value)] },
          message: `${path}.${name}: is missing but it is required`,
        });
    }
    for (const [name, child] of Object.entries(record)) {
      const check = properties[name];
      if (check === undefined)
        add(
          problems,
          `${path}.${name}`,
          child,
          'is not defined in the schema and the schema does not allow additional properties',
        );
      else check(child, `${path}.${name}`, problems);
    }
  };
}
