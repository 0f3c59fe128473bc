/**
 * Compile-time check (`npm run typecheck`; never run) that each mapped model keeps to the SDL where no resolver
 * stands between them: a field the default resolver reads must have a type the GraphQL field accepts, and no
 * non-null field may be missing from both model and map. Mappers are listed in codegen.ts.
 */
import type { MissingFields, ModelConflicts, None } from '@ip/kit/testing';
import type {
  Antragspaket,
  Datenschutz,
  DatenschutzAuskunft,
  Einwilligung,
  Kind,
  KindergeldAntrag,
  KindergeldsatzZeitraum,
  Person,
  Zugriff,
  ResolversParentTypes,
} from '../src/generated/resolvers.ts';
import type { resolvers } from '../src/resolvers/index.ts';

type Mapped = keyof typeof resolvers | keyof ResolversParentTypes;
type Served<T extends Mapped> = T extends keyof typeof resolvers ? (typeof resolvers)[T] : object;
type Conflicts<T extends Mapped & keyof ResolversParentTypes, Gql> = None<
  ModelConflicts<ResolversParentTypes[T], Gql, Served<T>>
>;
type Missing<T extends Mapped & keyof ResolversParentTypes, Gql> = None<
  MissingFields<ResolversParentTypes[T], Gql, Served<T>>
>;

export const modelsKeepToTheSdl: {
  Person: [Conflicts<'Person', Person>, Missing<'Person', Person>];
  KindergeldAntrag: [Conflicts<'KindergeldAntrag', KindergeldAntrag>, Missing<'KindergeldAntrag', KindergeldAntrag>];
  Antragspaket: [Conflicts<'Antragspaket', Antragspaket>, Missing<'Antragspaket', Antragspaket>];
  Kind: [Conflicts<'Kind', Kind>, Missing<'Kind', Kind>];
  KindergeldsatzZeitraum: [
    Conflicts<'KindergeldsatzZeitraum', KindergeldsatzZeitraum>,
    Missing<'KindergeldsatzZeitraum', KindergeldsatzZeitraum>,
  ];
  Datenschutz: [Conflicts<'Datenschutz', Datenschutz>, Missing<'Datenschutz', Datenschutz>];
  DatenschutzAuskunft: [
    Conflicts<'DatenschutzAuskunft', DatenschutzAuskunft>,
    Missing<'DatenschutzAuskunft', DatenschutzAuskunft>,
  ];
  Einwilligung: [Conflicts<'Einwilligung', Einwilligung>, Missing<'Einwilligung', Einwilligung>];
  Zugriff: [Conflicts<'Zugriff', Zugriff>, Missing<'Zugriff', Zugriff>];
} = {
  Person: [true, true],
  KindergeldAntrag: [true, true],
  Antragspaket: [true, true],
  Kind: [true, true],
  KindergeldsatzZeitraum: [true, true],
  Datenschutz: [true, true],
  DatenschutzAuskunft: [true, true],
  Einwilligung: [true, true],
  Zugriff: [true, true],
};
