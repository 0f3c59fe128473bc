/** What graphql-js serialises as it is: a field of one of these types needs no resolver. */
type Leaf = string | number | boolean | null | undefined | readonly (string | number | boolean | null)[];

/** Fields of a map's type that no resolver serves, so the default resolver reads them from the model. */
type Unresolved<Model, Gql, Resolved> = Exclude<keyof Model & keyof Gql, keyof Resolved>;

/**
 * The fields a mapped model shares with its generated GraphQL type that no resolver serves and whose model type
 * the GraphQL leaf type refuses (a `string` column behind an enum, a nullable one behind a non-null field).
 * `never` when the model keeps to the SDL. Object fields are left out: their models are mapped themselves.
 */
export type ModelConflicts<Model, Gql, Resolved> = {
  [K in Unresolved<Model, Gql, Resolved>]: Gql[K] extends Leaf ? (Model[K] extends Gql[K] ? never : K) : never;
}[Unresolved<Model, Gql, Resolved>];

/** Non-null fields of the GraphQL type that neither the model carries nor a resolver serves: each would answer null. */
export type MissingFields<Model, Gql, Resolved> = {
  [K in Exclude<keyof Gql, keyof Model | keyof Resolved | '__typename'>]-?: null extends Gql[K]
    ? never
    : undefined extends Gql[K]
      ? never
      : K;
}[Exclude<keyof Gql, keyof Model | keyof Resolved | '__typename'>];

/** `true` when nothing is named, else the names: `const ok: None<ModelConflicts<…>> = true` fails with them. */
export type None<Names> = [Names] extends [never] ? true : Names;

/**
 * Both checks for the mapped type `T` of one partner, as `[conflicts, missing]`, each `true` when its model keeps
 * to the SDL: `Parents` is the generated `ResolversParentTypes`, `Map` the partner's resolver map, `Gql` the
 * generated type of `T`. A type without resolvers is served by the default resolver alone.
 */
export type KeepsToSdl<Parents, Map, T extends keyof Parents, Gql> = [
  None<ModelConflicts<Parents[T], Gql, T extends keyof Map ? Map[T] : object>>,
  None<MissingFields<Parents[T], Gql, T extends keyof Map ? Map[T] : object>>,
];
