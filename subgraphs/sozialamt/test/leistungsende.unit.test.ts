import { describe, expect, it } from 'vitest';
import type { StatusPeriode } from '../src/domain/aufenthalt.ts';
import { leistungsende, sgb2Anschluss, type EndeFakten } from '../src/domain/leistungsende.ts';

const periode = (
  art: StatusPeriode['art'],
  rechtsgrundlage: string,
  gueltigAb: string,
  gueltigBis: string | null = null,
): StatusPeriode => ({ art, rechtsgrundlage, gueltigAb, gueltigBis });
const gestattung = (bis: string | null) => periode('AUFENTHALTSGESTATTUNG', '§ 55 Abs. 1 AsylG', '2015-02-10', bis);
const anerkannt = (ab: string, anerkanntAm: string | null = ab): EndeFakten => ({
  geburtsdatum: '1990-01-01',
  verlauf: [gestattung(shift(ab)), periode('AUFENTHALTSERLAUBNIS', '§ 25 Abs. 2 AufenthG', ab)],
  anerkanntAm,
});
/** The day before, for contiguous papers. */
function shift(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('end of the AsylbLG entitlement (§ 1 Abs. 3 AsylbLG)', () => {
  it.each([
    ['recognised mid-month: end of that month', anerkannt('2015-11-10'), '2015-12-31', '2015-11-30', 'ANERKENNUNG'],
    ['recognised on the last day of a month', anerkannt('2015-10-31'), '2015-12-31', '2015-10-31', 'ANERKENNUNG'],
    ['recognised on the first of a month', anerkannt('2015-12-01'), '2015-12-31', '2015-12-31', 'ANERKENNUNG'],
    // The BAMF decided on 28 Oct, the permit (after finality) came on 16 Nov: the decision's month counts.
    [
      'decision before the permit: the decision month',
      anerkannt('2015-11-16', '2015-10-28'),
      '2015-12-31',
      '2015-10-31',
      'ANERKENNUNG',
    ],
    [
      'permit without a recorded decision: the month the Gestattung gave way',
      anerkannt('2015-11-16', null),
      '2015-12-31',
      '2015-11-30',
      'VORAUSSETZUNG_ENTFALLEN',
    ],
    ['not yet known by the horizon', anerkannt('2015-11-10'), '2015-11-09', null, null],
    [
      'still in the procedure',
      { geburtsdatum: '1990-01-01', verlauf: [gestattung(null)], anerkanntAm: null },
      '2015-12-31',
      null,
      null,
    ],
    [
      'departure ends on the day',
      { geburtsdatum: '1990-01-01', verlauf: [gestattung(null)], anerkanntAm: null, ausreiseAm: '2015-09-14' },
      '2015-12-31',
      '2015-09-14',
      'AUSREISE',
    ],
    [
      '§ 25 Abs. 5 after 18 months of the Duldung: end of that month',
      {
        geburtsdatum: '1990-01-01',
        anerkanntAm: null,
        verlauf: [
          periode('DULDUNG', '§ 60a Abs. 2 AufenthG', '2014-07-15', '2015-05-31'),
          periode('AUFENTHALTSERLAUBNIS', '§ 25 Abs. 5 AufenthG', '2015-06-01'),
        ],
      },
      '2016-12-31',
      '2016-01-31',
      'VORAUSSETZUNG_ENTFALLEN',
    ],
    [
      'a § 24 permit after the Gestattung: entitlement goes on',
      {
        geburtsdatum: '1990-01-01',
        anerkanntAm: null,
        verlauf: [gestattung('2015-10-31'), periode('AUFENTHALTSERLAUBNIS', '§ 24 AufenthG', '2015-11-01')],
      },
      '2016-12-31',
      null,
      null,
    ],
  ] as const)('%s', (_, fakten, horizont, letzterTag, grund) => {
    const ende = leistungsende(fakten, '2015-02-10', horizont);
    expect(ende === null ? null : [ende.letzterTag, ende.grund]).toEqual(
      letzterTag === null ? null : [letzterTag, grund],
    );
  });

  it('names the paragraph and the day', () => {
    expect(leistungsende(anerkannt('2015-11-10'), '2015-02-10', '2015-12-31')).toMatchObject({
      rechtsgrundlage: '§ 1 Abs. 3 AsylbLG',
      hinweis: 'Anerkannt am 2015-11-10: Leistungen bis zum Ende dieses Monats.',
    });
  });
});

describe('SGB II after the AsylbLG (§ 37 Abs. 2 S. 2 SGB II)', () => {
  it.each([
    ['recognised in November', anerkannt('2015-11-10'), { ab: '2015-12-01', antragSpaetestens: '2015-12-31' }],
    [
      'recognised in February of a leap year',
      anerkannt('2016-02-03'),
      { ab: '2016-03-01', antragSpaetestens: '2016-03-31' },
    ],
    [
      'no SGB II after a departure',
      { geburtsdatum: '1990-01-01', verlauf: [gestattung(null)], anerkanntAm: null, ausreiseAm: '2015-09-14' },
      null,
    ],
  ] as const)('%s', (_, fakten, anschluss) => {
    expect(sgb2Anschluss(leistungsende(fakten, '2015-02-10', '2016-12-31')!)).toEqual(anschluss);
  });
});
