/**
 * Sets `key` as an own, ordinary property: a field named `__proto__` or `constructor` in a request becomes data,
 * never the object's prototype (plain assignment would let a client reshape the objects the mock validates).
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
