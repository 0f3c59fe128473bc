import type { Agency } from '../identity/agencies.ts';
import type { IsoDate } from '../scalars.ts';

/** One signed declaration as the owner holds it: only the grants where this owner is the sender. */
export interface ConsentRecord {
  /** The declaration's id, the same at every owner that holds a copy. */
  readonly id: string;
  readonly signedOn: IsoDate;
  /** Last day the declaration covers, if it has an end date. */
  readonly validUntil: IsoDate | null;
  /** Day the withdrawal took effect; from that day on the declaration covers nothing. */
  readonly withdrawnOn: IsoDate | null;
  readonly grants: readonly { readonly recipient: Agency; readonly category: string }[];
}

/** A release the law allows without consent, dated (e.g. § 18b AZR-Gesetz from 2016-02-05). */
export interface LegalBasis {
  readonly recipient: Agency;
  readonly category: string;
  readonly paragraph: string;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate | null;
}

export interface ReleaseQuestion {
  readonly owner: Agency;
  readonly recipient: Agency;
  readonly category: string;
  /** The day of the request (Europe/Berlin); consent and law are judged as they stand that day. */
  readonly day: IsoDate;
}

export type ReleaseDecision =
  | { readonly released: true; readonly basis: 'EIGENE_BEHOERDE' }
  | { readonly released: true; readonly basis: 'GESETZ'; readonly paragraph: string }
  | { readonly released: true; readonly basis: 'EINWILLIGUNG'; readonly consentId: string }
  | { readonly released: false; readonly basis: 'KEINE' };

const within = (day: IsoDate, from: IsoDate, until: IsoDate | null) => from <= day && (until === null || day <= until);

export type ConsentStatus = 'WIRKSAM' | 'NOCH_NICHT_WIRKSAM' | 'ABGELAUFEN' | 'WIDERRUFEN';

/** Where a declaration stands on a day: a withdrawal counts from its day on, before anything else. */
export function consentStatus(
  consent: Pick<ConsentRecord, 'signedOn' | 'validUntil' | 'withdrawnOn'>,
  day: IsoDate,
): ConsentStatus {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= day) return 'WIDERRUFEN';
  if (day < consent.signedOn) return 'NOCH_NICHT_WIRKSAM';
  if (consent.validUntil !== null && consent.validUntil < day) return 'ABGELAUFEN';
  return 'WIRKSAM';
}

export function consentCovers(consent: ConsentRecord, question: ReleaseQuestion): boolean {
  if (consentStatus(consent, question.day) !== 'WIRKSAM') return false;
  return consent.grants.some((grant) => grant.recipient === question.recipient && grant.category === question.category);
}

/**
 * The owner's decision on one release, under the law that binds that owner (its policy's RECHTSRAHMEN: § 67b
 * SGB X for the social-data bodies, § 30 AO for the Familienkasse, the AufenthG and the Land's data protection
 * law for the Ausländerbehörde): its own staff always; another agency only on a legal basis or the person's
 * consent in force that day. The law is checked first, so the log names the
 * basis that holds even if the person withdraws consent later.
 */
export function decideRelease(
  question: ReleaseQuestion,
  consents: readonly ConsentRecord[],
  legalBases: readonly LegalBasis[],
): ReleaseDecision {
  if (question.recipient === question.owner) return { released: true, basis: 'EIGENE_BEHOERDE' };
  const law = legalBases.find(
    (basis) =>
      basis.recipient === question.recipient &&
      basis.category === question.category &&
      within(question.day, basis.validFrom, basis.validUntil),
  );
  if (law) return { released: true, basis: 'GESETZ', paragraph: law.paragraph };
  const consent = consents.find((record) => consentCovers(record, question));
  if (consent) return { released: true, basis: 'EINWILLIGUNG', consentId: consent.id };
  return { released: false, basis: 'KEINE' };
}
