import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scaffoldPartner } from './new-partner/scaffold.ts';

/** `npm run new-partner -- <name> [--port N] [--title "..."]`; see docs/new-partner.md. */
const usage = 'usage: npm run new-partner -- <name> [--port N] [--title "Sozialamt der Stadt"]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, title: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}
const name = positionals[0]!;
try {
  const result = await scaffoldPartner({
    root: fileURLToPath(new URL('../', import.meta.url)),
    name,
    ...(values.port === undefined ? {} : { port: Number(values.port) }),
    ...(values.title === undefined ? {} : { title: values.title }),
  });
  console.log(`created ${result.created.length} files for ${result.title} (port ${result.port}):`);
  for (const path of result.created) console.log(`  ${path}`);
  console.log(`registered it in: ${result.edited.join(', ')}`);
  console.log(`
next:
  npm install                 # links the new workspace @ip/${name}
  npm run compose             # the supergraph with ${name} (commit schema/supergraph.graphql)
  npm run codegen             # subgraphs/${name}/src/generated/resolvers.ts
  npm run check               # everything fresh, types, boundaries, lint
  npx vitest run subgraphs/${name} test/${name}.e2e.test.ts
  npm start                   # the whole system, ${name} on its own database; or alone: npm run start:partner -- ${name}
then replace the example (the table vorgang, the field ${name}Vorgaenge, the category ${name}_vorgang) with the partner's own; docs/new-partner.md`);
} catch (error) {
  console.error(`new-partner: ${(error as Error).message}`);
  process.exitCode = 1;
}
