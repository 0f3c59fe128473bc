import { ANFRAGE_ID_GRUENDE } from '@ip/kit/idempotency';

/**
 * Every reason the Sozialamt (AsylbLG) refuses with (`extensions.grund` of a `BAD_USER_INPUT`). schema.graphql lists
 * them for clients as `enum AblehnungsgrundSozialamt`, each with what it means; test/ablehnungsgruende.unit.test.ts
 * holds the two equal. So far only the kit's: a reused request id on recording a declaration of consent.
 * A rule of its own adds its reason here and there together, and refuses with `refusals(ABLEHNUNGSGRUENDE)`
 * from `@ip/kit`.
 */
export const ABLEHNUNGSGRUENDE = [...ANFRAGE_ID_GRUENDE] as const;
