import { explainAwsError } from './errors.js';

/**
 * The engine's boundary: whatever one of its methods throws or rejects with
 * reaches a front end as a TutorError already explained (`explainAwsError`),
 * so the CLI and the screens only present it. Every method is wrapped, one
 * added later too; a TutorError passes through as it is.
 */
export function explainedAtTheBoundary(engine: { prototype: object }): void {
  const methods = engine.prototype as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(methods)) {
    const method: unknown = Object.getOwnPropertyDescriptor(methods, name)?.value;
    if (name === 'constructor' || typeof method !== 'function') continue;
    methods[name] = function explained(this: unknown, ...args: unknown[]): unknown {
      try {
        const result: unknown = method.apply(this, args);
        return result instanceof Promise
          ? result.catch((error: unknown) => {
              throw explainAwsError(error);
            })
          : result;
      } catch (error) {
        throw explainAwsError(error);
      }
    };
  }
}
