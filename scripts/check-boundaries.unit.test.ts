import { describe, expect, it } from 'vitest';
import { findViolations } from './check-boundaries.ts';

const file = (path: string, source: string) => ({ path, source });

describe('boundary check', () => {
  it.each([
    [
      'a partner imports its own code and the kit',
      file('subgraphs/agentur/src/server.ts', `import { x } from './db/tables.ts';\nimport { y } from '@ip/kit';`),
      0,
    ],
    [
      'a partner imports another partner by package',
      file('subgraphs/agentur/src/a.ts', `import { x } from '@ip/jobcenter';`),
      1,
    ],
    [
      'a partner imports another partner by path',
      file('subgraphs/agentur/src/a.ts', `import type { T } from '../../jobcenter/src/db/tables.ts';`),
      1,
    ],
    [
      'a partner test reaches into another partner',
      file(
        'subgraphs/familienkasse/test/a.test.ts',
        `const m = await import('../../auslaenderbehoerde/src/server.ts');`,
      ),
      1,
    ],
    ['the kit imports a partner', file('subgraphs/kit/src/a.ts', `export { x } from '../../agentur/src/x.ts';`), 1],
    ['the gateway imports the kit', file('gateway/src/a.ts', `import { openDatabase } from '@ip/kit';`), 1],
    [
      'the gateway imports a subgraph by path',
      file('gateway/src/a.ts', `import '../../subgraphs/jobcenter/src/main.ts';`),
      1,
    ],
    [
      "the gateway imports the kit's identity check",
      file('gateway/src/a.ts', `import { createTokenVerifier } from '@ip/kit/identity';`),
      0,
    ],
    [
      "the gateway imports the kit's identity check by path",
      file('gateway/src/a.ts', `import { x } from '../../subgraphs/kit/src/identity/index.ts';`),
      1,
    ],
    ['the gateway imports libraries', file('gateway/src/a.ts', `import { ApolloGateway } from '@apollo/gateway';`), 0],
    [
      'the gateway imports the observability package, not the kit by path',
      file('gateway/src/a.ts', `import { log } from '@ip/observability';\nimport '../../subgraphs/kit/src/x.ts';`),
      1,
    ],
    [
      'the kit and a partner import the observability package',
      file('subgraphs/kit/src/a.ts', `import { log } from '@ip/observability';`),
      0,
    ],
    [
      'a partner imports the observability package',
      file('subgraphs/familienkasse/src/a.ts', `import { gauge } from '@ip/observability';`),
      0,
    ],
    [
      'the observability package imports the kit',
      file('observability/src/a.ts', `import { ErrorCode } from '@ip/kit';`),
      1,
    ],
    ['end-to-end tests import everything', file('test/e2e.test.ts', `import { startAgentur } from '@ip/agentur';`), 0],
  ])('%s', (_, source, expected) => {
    expect(findViolations([source])).toHaveLength(expected);
  });
});
