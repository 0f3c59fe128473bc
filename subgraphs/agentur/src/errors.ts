import { refusals } from '@ip/kit';
import { ANFRAGE_ID_GRUENDE } from '@ip/kit/idempotency';

/**
 * Every reason the Agentur refuses with (`extensions.grund` of a `BAD_USER_INPUT`). schema.graphql lists
 * them for clients as `enum AblehnungsgrundAgentur`, each with what it means; test/ablehnungsgruende.unit.test.ts
 * holds the two equal. Add a reason here and there together.
 */
export const ABLEHNUNGSGRUENDE = [
  ...ANFRAGE_ID_GRUENDE,
  // Intake (fallEroeffnen)
  'KUNDENNUMMER_VERGEBEN',
  'KUNDENNUMMER_DER_PERSON',
  'FALL_BEREITS_AKTIV',
  'BESTANDSKUNDE',
  'EINWILLIGUNG_UNBEKANNT',
  'EINWILLIGUNG_NICHT_WIRKSAM',
  // A case that is no longer active
  'FALL_NICHT_AKTIV',
  // Measures and courses
  'BEREITS_ERFASST',
  'STATUSWECHSEL_UNZULAESSIG',
  'NACHWEIS_NICHT_FREIGEGEBEN',
  'EINTRITT_AUSSERHALB_ZEITRAUM',
  'STAATSANGEHOERIGKEIT',
  'AUFENTHALTSSTATUS',
  'BUEMA_NICHT_VORGELEGT',
  // Bleibeperspektive criteria
  'KRITERIUM_UEBERSCHNEIDUNG',
  'KRITERIUM_BEENDET',
  // Appointments and invitations
  'TERMIN_BELEGT',
  'KEIN_KANAL',
  'KANAL_DOPPELT',
  'KEINE_RECHTSFOLGE',
  'RECHTSFOLGENBELEHRUNG_NUR_SCHRIFTLICH',
  'KOPIE_OHNE_EMPFAENGER',
  'EMPFAENGER_OHNE_KOPIE',
] as const;

/** A refusal by one of the Agentur's rules: `BAD_USER_INPUT` with its `grund`. */
export const refuse = refusals(ABLEHNUNGSGRUENDE);
