/**
 * Compile-time proof that the resolver map is checked against the SDL (`npm run typecheck` reads this file;
 * it never runs). Every `@ts-expect-error` below must meet an error: if the generated types stopped refusing
 * a resolver for a missing field or a wrong result, `tsc` would fail on the unused directive.
 */
import type {
  KindergeldAntragResolvers,
  PersonResolvers,
  QueryResolvers,
  Resolvers,
} from '../src/generated/resolvers.ts';
import type { resolvers } from '../src/resolvers/index.ts';

/** The partner's real map is a `Resolvers`. */
export type RealMap = typeof resolvers extends Resolvers ? true : never;
export const realMapFits: RealMap = true;

export const unknownField = {
  // @ts-expect-error KindergeldAntrag has no field `kindergeldnummerAlt` in schema.graphql.
  kindergeldnummerAlt: () => 'A-1',
} satisfies KindergeldAntragResolvers;

export const unknownType = {
  // @ts-expect-error the SDL has no type `Kindergeldkasse`.
  Kindergeldkasse: { name: () => 'Familienkasse NRW-Nord' },
} satisfies Resolvers;

export const wrongResult = {
  // @ts-expect-error `kindergeldsatz` is an Int in EUR, not a text.
  kindergeldsatz: () => '190 EUR',
} satisfies QueryResolvers;

export const wrongEnumValue = {
  // @ts-expect-error `slaStatus` is an SlaStatus; VERSPAETET is none of its values.
  slaStatus: () => 'VERSPAETET' as const,
} satisfies KindergeldAntragResolvers;

export const wrongParent = {
  // @ts-expect-error a Person reaches the Familienkasse as its reference, which has no `kindergeldnummer`.
  kindergeldantraege: (person: { kindergeldnummer: string }) => (person.kindergeldnummer ? [] : null),
} satisfies PersonResolvers;

export const wrongArgument = {
  // @ts-expect-error `monat` is a Date, a string; a resolver cannot claim it is a number.
  kindergeldsatz: (_: unknown, args: { monat: number; ordnungszahl: number }) => args.monat,
} satisfies QueryResolvers;
