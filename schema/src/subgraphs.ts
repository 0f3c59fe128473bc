import { PARTNERS } from '@ip/kit/identity';

/** The partner subgraphs (the registry in `@ip/kit/identity`), their folders and the ports they listen on by default. */
export const SUBGRAPHS = PARTNERS.map(({ name, port }) => ({ name, port }));
