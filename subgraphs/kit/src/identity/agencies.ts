import { byPartner, PARTNERS, type Agency } from './partners.ts';

export type { Agency } from './partners.ts';

/** The partners of an Integration Point (the registry, `partners.ts`); each a data owner and, for the others' data, a recipient. */
export const AGENCIES: readonly Agency[] = PARTNERS.map((entry) => entry.name);

/**
 * Roles a token may carry, per agency. Case work roles do the day's work on their own agency's data;
 * `teamleitung` monitors (SLA, caseload); `datenschutz` (the data protection officer) may read every
 * owner's access log.
 */
export const ROLES: Readonly<Record<Agency, readonly string[]>> = byPartner((entry) => entry.roles);

export function isAgency(value: unknown): value is Agency {
  return typeof value === 'string' && (AGENCIES as readonly string[]).includes(value);
}

/** Who is asking: verified from the bearer token, never taken from the request body. */
export interface Caller {
  /** The user id (`sub`). */
  readonly userId: string;
  readonly agency: Agency;
  readonly role: string;
}
