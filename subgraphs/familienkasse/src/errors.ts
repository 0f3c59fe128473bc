import { refusals } from '@ip/kit';
import { ANFRAGE_ID_GRUENDE } from '@ip/kit/idempotency';

/**
 * Every reason the Familienkasse refuses with (`extensions.grund` of a `BAD_USER_INPUT`). schema.graphql lists
 * them for clients as `enum AblehnungsgrundFamilienkasse`, each with what it means; test/ablehnungsgruende.unit.test.ts holds the two
 * equal. Add a reason here and there together.
 */
export const ABLEHNUNGSGRUENDE = [
  ...ANFRAGE_ID_GRUENDE,
  'MATRIXCODE_UNGUELTIG',
  'EINGANG_ABWEICHEND',
  'BEREITS_BESCHIEDEN',
  'AUSGESCHLOSSEN',
  'NICHT_ENTSCHIEDEN',
] as const;

/** A refusal by one of the Familienkasse's rules: `BAD_USER_INPUT` with its `grund`. */
export const refuse = refusals(ABLEHNUNGSGRUENDE);
