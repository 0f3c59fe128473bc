import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUSFALLGRUENDE, partnerUnreachable } from '../src/partner-unreachable.ts';

/** The `grund` column of the table under the heading of docs/gateway.md that lists the reasons. */
function documentedReasons(): string[] {
  const doc = readFileSync(new URL('../../docs/gateway.md', import.meta.url), 'utf8');
  const section = doc.split('\n## ').find((part) => part.startsWith('A partner that could not answer'));
  if (!section) throw new Error('docs/gateway.md has no section on a partner that could not answer');
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]!);
}

describe('the reasons a partner could not answer', () => {
  it('are the ones docs/gateway.md lists for clients, no more and no fewer', () => {
    expect([...AUSFALLGRUENDE].sort()).toEqual(documentedReasons().sort());
  });

  it('travel in the error a client sees', () => {
    expect(partnerUnreachable('jobcenter', 'SCHUTZSCHALTUNG_OFFEN').extensions).toEqual({
      code: 'PARTNER_NICHT_ERREICHBAR',
      partner: 'jobcenter',
      grund: 'SCHUTZSCHALTUNG_OFFEN',
    });
  });
});
