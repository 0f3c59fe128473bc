import { describe, expect, it } from 'vitest';
import type { StatusPeriode } from '../src/domain/aufenthalt.ts';
import { pruefeLeistungsberechtigung, type BerechtigungsFakten } from '../src/domain/leistungsberechtigung.ts';

const periode = (
  art: StatusPeriode['art'],
  rechtsgrundlage: string,
  gueltigAb: string,
  gueltigBis: string | null = null,
): StatusPeriode => ({ art, rechtsgrundlage, gueltigAb, gueltigBis });
const gestattung = periode('AUFENTHALTSGESTATTUNG', '§ 55 Abs. 1 AsylG', '2014-06-01', '2015-10-31');
const erlaubnis = (rechtsgrundlage: string, ab = '2015-11-01') => periode('AUFENTHALTSERLAUBNIS', rechtsgrundlage, ab);
const fakten = (...verlauf: StatusPeriode[]): BerechtigungsFakten => ({ geburtsdatum: '1985-04-10', verlauf });

const F2014 = 'AsylbLG i. d. F. des Gesetzes vom 10.12.2014 (BGBl. I S. 2187), ab 01.03.2015';
const F2015 =
  'AsylbLG i. d. F. des Asylverfahrensbeschleunigungsgesetzes vom 20.10.2015 (BGBl. I S. 1722), ab 24.10.2015';
const ALT = 'AsylbLG i. d. F. bis 28.02.2015';

describe('§ 1 Abs. 1 AsylbLG: who is entitled on a Stichtag', () => {
  it.each([
    ['Gestattung (Nr. 1)', fakten(gestattung), '2015-10-24', true, '§ 1 Abs. 1 Nr. 1 AsylbLG', F2015],
    [
      'Gestattung before 24.10.2015: the earlier version',
      fakten(gestattung),
      '2015-10-23',
      true,
      '§ 1 Abs. 1 Nr. 1 AsylbLG',
      F2014,
    ],
    [
      'Duldung (Nr. 4)',
      fakten(periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2015-01-01')),
      '2015-06-01',
      true,
      '§ 1 Abs. 1 Nr. 4 AsylbLG',
      F2014,
    ],
    [
      '§ 23 Abs. 1 AufenthG (Nr. 3 a)',
      fakten(gestattung, erlaubnis('§ 23 Abs. 1 AufenthG')),
      '2015-11-15',
      true,
      '§ 1 Abs. 1 Nr. 3 Buchst. a AsylbLG',
      F2015,
    ],
    [
      '§ 24 AufenthG (Nr. 3 a)',
      fakten(gestattung, erlaubnis('§ 24 AufenthG')),
      '2015-11-15',
      true,
      '§ 1 Abs. 1 Nr. 3 Buchst. a AsylbLG',
      F2015,
    ],
    [
      '§ 25 Abs. 4 S. 1 AufenthG (Nr. 3 b)',
      fakten(gestattung, erlaubnis('§ 25 Abs. 4 S. 1 AufenthG')),
      '2015-11-15',
      true,
      '§ 1 Abs. 1 Nr. 3 Buchst. b AsylbLG',
      F2015,
    ],
    [
      '"Absatz 4 Satz 1" written out',
      fakten(gestattung, erlaubnis('§ 25 Absatz 4 Satz 1 AufenthG')),
      '2015-11-15',
      true,
      '§ 1 Abs. 1 Nr. 3 Buchst. b AsylbLG',
      F2015,
    ],
    [
      '§ 25 Abs. 4 S. 2 (extension): not listed',
      fakten(gestattung, erlaubnis('§ 25 Abs. 4 S. 2 AufenthG')),
      '2015-11-15',
      false,
      '§ 1 Abs. 2 AsylbLG',
      F2015,
    ],
    [
      '§ 25 Abs. 5 within 18 months of the Duldung (Nr. 3 c)',
      fakten(
        periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2014-07-01', '2015-05-31'),
        erlaubnis('§ 25 Abs. 5 AufenthG', '2015-06-01'),
      ),
      '2015-12-31',
      true,
      '§ 1 Abs. 1 Nr. 3 Buchst. c AsylbLG',
      F2015,
    ],
    [
      '§ 25 Abs. 5 on the day 18 months after the Duldung: out',
      fakten(
        periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2014-07-01', '2015-05-31'),
        erlaubnis('§ 25 Abs. 5 AufenthG', '2015-06-01'),
      ),
      '2016-01-01',
      false,
      '§ 1 Abs. 1 Nr. 3 Buchst. c AsylbLG',
      F2015,
    ],
    [
      '§ 25 Abs. 5 before 01.03.2015: no time limit',
      fakten(
        periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2012-01-01', '2012-12-31'),
        erlaubnis('§ 25 Abs. 5 AufenthG', '2013-01-01'),
      ),
      '2015-02-28',
      true,
      '§ 1 Abs. 1 Nr. 3 AsylbLG',
      ALT,
    ],
    [
      '§ 25 Abs. 5 on 01.03.2015, Duldung 3 years back: out',
      fakten(
        periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2012-01-01', '2012-12-31'),
        erlaubnis('§ 25 Abs. 5 AufenthG', '2013-01-01'),
      ),
      '2015-03-01',
      false,
      '§ 1 Abs. 1 Nr. 3 Buchst. c AsylbLG',
      F2014,
    ],
    [
      '§ 25 Abs. 4a before 01.03.2015: listed',
      fakten(erlaubnis('§ 25 Abs. 4a AufenthG', '2014-01-01')),
      '2015-02-28',
      true,
      '§ 1 Abs. 1 Nr. 3 AsylbLG',
      ALT,
    ],
    [
      '§ 25 Abs. 4a from 01.03.2015: SGB II instead',
      fakten(erlaubnis('§ 25 Abs. 4a AufenthG', '2014-01-01')),
      '2015-03-01',
      false,
      '§ 1 Abs. 2 AsylbLG',
      F2014,
    ],
    [
      'recognised refugee § 25 Abs. 2',
      fakten(gestattung, erlaubnis('§ 25 Abs. 2 AufenthG')),
      '2015-11-01',
      false,
      '§ 1 Abs. 2 AsylbLG',
      F2015,
    ],
    [
      'Niederlassungserlaubnis',
      fakten(periode('NIEDERLASSUNGSERLAUBNIS', '§ 26 Abs. 3 AufenthG', '2015-01-01')),
      '2015-11-01',
      false,
      '§ 1 Abs. 2 AsylbLG',
      F2015,
    ],
    [
      'no papers, enforceably obliged to leave (Nr. 5)',
      { ...fakten(), ausreisepflichtig: [{ gueltigAb: '2015-09-01', gueltigBis: null }] },
      '2015-11-01',
      true,
      '§ 1 Abs. 1 Nr. 5 AsylbLG',
      F2015,
    ],
    ['no papers, nothing recorded', fakten(), '2015-11-01', false, '§ 1 Abs. 1 AsylbLG', F2015],
  ] as const)('%s', (_, eingabe, stichtag, berechtigt, rechtsgrundlage, fassung) => {
    expect(pruefeLeistungsberechtigung(eingabe, stichtag)).toMatchObject({ berechtigt, rechtsgrundlage, fassung });
  });
});

describe('§ 1 Abs. 1 Nr. 6 AsylbLG: spouses and minor children without papers of their own', () => {
  const elternteil = { beziehung: 'ELTERNTEIL', verlauf: [gestattung] } as const;
  it.each([
    [
      'a minor child of a parent with a Gestattung',
      '2005-01-01',
      [elternteil],
      '2015-10-01',
      true,
      '§ 1 Abs. 1 Nr. 6 AsylbLG',
    ],
    [
      'the child on its 18th birthday: no longer',
      '1997-10-01',
      [elternteil],
      '2015-10-01',
      false,
      '§ 1 Abs. 1 AsylbLG',
    ],
    ['the child the day before', '1997-10-02', [elternteil], '2015-10-01', true, '§ 1 Abs. 1 Nr. 6 AsylbLG'],
    [
      'a spouse of a tolerated person',
      '1980-01-01',
      [{ beziehung: 'EHEGATTE', verlauf: [periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2015-01-01')] }],
      '2015-10-01',
      true,
      '§ 1 Abs. 1 Nr. 6 AsylbLG',
    ],
    [
      'a spouse of a recognised refugee: no',
      '1980-01-01',
      [{ beziehung: 'EHEGATTE', verlauf: [erlaubnis('§ 25 Abs. 2 AufenthG', '2015-01-01')] }],
      '2015-10-01',
      false,
      '§ 1 Abs. 1 AsylbLG',
    ],
  ] as const)('%s', (_, geburtsdatum, angehoerige, stichtag, berechtigt, rechtsgrundlage) => {
    expect(pruefeLeistungsberechtigung({ geburtsdatum, verlauf: [], angehoerige }, stichtag)).toMatchObject({
      berechtigt,
      rechtsgrundlage,
    });
  });

  it('a title of their own excludes them even beside an entitled parent (§ 1 Abs. 2)', () => {
    expect(
      pruefeLeistungsberechtigung(
        {
          geburtsdatum: '2010-01-01',
          verlauf: [erlaubnis('§ 25 Abs. 2 AufenthG', '2015-01-01')],
          angehoerige: [elternteil],
        },
        '2015-10-01',
      ),
    ).toMatchObject({ berechtigt: false, rechtsgrundlage: '§ 1 Abs. 2 AsylbLG' });
  });
});
