import { partner, type Agency } from '../identity/partners.ts';
import { DateScalar } from '../scalars.ts';
import type { ResolverMap, SchemaModule } from '../subgraph-server.ts';
import { datenschutzTypeDefs } from './datenschutz-sdl.ts';
import { datenschutzResolvers } from './datenschutz-resolvers.ts';

/**
 * The data-protection part of an owner's subgraph as one module (`defineSubgraph` composes it in): its
 * SDL from the partner registry, and the resolvers that record and withdraw the owner's copy of a
 * declaration and answer the person's `Datenschutz` view. The owner's categories are the registry's.
 * The request context must be a `DatenschutzContext` (the database, the access control, today).
 */
export function datenschutzModule(owner: Agency): SchemaModule {
  const categories = partner(owner).categories.map((category) => category.value);
  return {
    typeDefs: datenschutzTypeDefs(owner),
    resolvers: { Date: DateScalar, ...datenschutzResolvers({ owner, categories }) } as ResolverMap,
  };
}
