const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Person references are UUIDs. Anything else cannot name a person, so lookups answer null for it instead
 * of sending it to a `uuid` column, where PostgreSQL would fail the whole batch.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A `Person` as the gateway hands it to a partner that only extends it: the key and nothing else. */
export interface PersonReference {
  readonly id: string;
}
