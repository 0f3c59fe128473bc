import { describe, expect, it } from 'vitest';
import { decideRelease, type ConsentRecord, type LegalBasis } from '../src/consent/release-decision.ts';

const azrLaw: LegalBasis = {
  recipient: 'jobcenter',
  category: 'identitaet',
  paragraph: '§ 18b AZR-Gesetz',
  validFrom: '2016-02-05',
  validUntil: null,
};
const consent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'erkl-1',
  signedOn: '2015-11-02',
  validUntil: null,
  withdrawnOn: null,
  grants: [
    { recipient: 'jobcenter', category: 'identitaet' },
    { recipient: 'familienkasse', category: 'aufenthalt' },
  ],
  ...overrides,
});

describe('decideRelease (owner: auslaenderbehoerde)', () => {
  it.each([
    ['own agency, no consent', 'auslaenderbehoerde', 'identitaet', '2015-12-01', [], [], 'EIGENE_BEHOERDE'],
    ['no consent, no law', 'familienkasse', 'identitaet', '2015-12-01', [], [azrLaw], 'KEINE'],
    [
      'consent for this recipient and category',
      'jobcenter',
      'identitaet',
      '2015-12-01',
      [consent()],
      [],
      'EINWILLIGUNG',
    ],
    ['consent for another category only', 'jobcenter', 'aufenthalt', '2015-12-01', [consent()], [], 'KEINE'],
    ['consent for another recipient only', 'agentur', 'identitaet', '2015-12-01', [consent()], [], 'KEINE'],
    ['the day before signing', 'jobcenter', 'identitaet', '2015-11-01', [consent()], [], 'KEINE'],
    ['on the day of signing', 'jobcenter', 'identitaet', '2015-11-02', [consent()], [], 'EINWILLIGUNG'],
    [
      'on the last day of an end date',
      'jobcenter',
      'identitaet',
      '2015-12-31',
      [consent({ validUntil: '2015-12-31' })],
      [],
      'EINWILLIGUNG',
    ],
    [
      'expired the day after its end date',
      'jobcenter',
      'identitaet',
      '2016-01-01',
      [consent({ validUntil: '2015-12-31' })],
      [],
      'KEINE',
    ],
    [
      'the day before a withdrawal',
      'jobcenter',
      'identitaet',
      '2015-11-30',
      [consent({ withdrawnOn: '2015-12-01' })],
      [],
      'EINWILLIGUNG',
    ],
    [
      'withdrawn that day',
      'jobcenter',
      'identitaet',
      '2015-12-01',
      [consent({ withdrawnOn: '2015-12-01' })],
      [],
      'KEINE',
    ],
    ['law not yet in force', 'jobcenter', 'identitaet', '2016-02-04', [], [azrLaw], 'KEINE'],
    ['law in force', 'jobcenter', 'identitaet', '2016-02-05', [], [azrLaw], 'GESETZ'],
    [
      'law wins over a withdrawn consent',
      'jobcenter',
      'identitaet',
      '2016-03-01',
      [consent({ withdrawnOn: '2016-01-01' })],
      [azrLaw],
      'GESETZ',
    ],
    ['law for another category', 'jobcenter', 'aufenthalt', '2016-03-01', [], [azrLaw], 'KEINE'],
    [
      'a second, valid declaration after a withdrawn one',
      'jobcenter',
      'identitaet',
      '2015-12-10',
      [consent({ withdrawnOn: '2015-12-01' }), consent({ id: 'erkl-2', signedOn: '2015-12-05' })],
      [],
      'EINWILLIGUNG',
    ],
  ] as const)('%s', (_, recipient, category, day, consents, laws, basis) => {
    const decision = decideRelease({ owner: 'auslaenderbehoerde', recipient, category, day }, consents, laws);
    expect(decision.basis).toBe(basis);
    expect(decision.released).toBe(basis !== 'KEINE');
  });

  it('names the consent and the paragraph it rests on', () => {
    expect(
      decideRelease(
        { owner: 'auslaenderbehoerde', recipient: 'jobcenter', category: 'identitaet', day: '2016-02-05' },
        [],
        [azrLaw],
      ),
    ).toEqual({
      released: true,
      basis: 'GESETZ',
      paragraph: '§ 18b AZR-Gesetz',
    });
    expect(
      decideRelease(
        { owner: 'auslaenderbehoerde', recipient: 'jobcenter', category: 'identitaet', day: '2015-12-10' },
        [consent({ withdrawnOn: '2015-12-01' }), consent({ id: 'erkl-2', signedOn: '2015-12-05' })],
        [],
      ),
    ).toEqual({ released: true, basis: 'EINWILLIGUNG', consentId: 'erkl-2' });
  });
});
