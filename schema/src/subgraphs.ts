/** The four partner subgraphs, their folders and the ports they listen on by default. */
export const SUBGRAPHS = [
  { name: 'agentur', port: 4001 },
  { name: 'jobcenter', port: 4002 },
  { name: 'auslaenderbehoerde', port: 4003 },
  { name: 'familienkasse', port: 4004 },
] as const;
