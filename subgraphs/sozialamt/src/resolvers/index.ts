import type { Resolvers } from '../generated/resolvers.ts';
import { Person } from './person.ts';

/** The Sozialamt (AsylbLG)'s own resolvers; `defineSubgraph` adds the kit's data-protection module. */
export const resolvers = {
  Person,
} satisfies Resolvers;
