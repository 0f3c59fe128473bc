import { describe, expect, it } from 'vitest';
import type { StatusPeriode } from '../src/domain/aufenthalt.ts';
import { planeLeistungszeitraeume } from '../src/domain/leistungszeitraum.ts';

const gestattung = (ab: string, bis: string | null = null): StatusPeriode => ({
  art: 'AUFENTHALTSGESTATTUNG',
  rechtsgrundlage: '§ 55 Abs. 1 AsylG',
  gueltigAb: ab,
  gueltigBis: bis,
});
const fluechtling = (ab: string): StatusPeriode => ({
  art: 'AUFENTHALTSERLAUBNIS',
  rechtsgrundlage: '§ 25 Abs. 2 AufenthG',
  gueltigAb: ab,
  gueltigBis: null,
});
const zeilen = (plan: ReturnType<typeof planeLeistungszeitraeume>) =>
  plan.zeitraeume.map((z) => [z.ab, z.bis, z.leistungsart]);

describe('benefit periods of the Sozialamt', () => {
  it('basic benefits while in the procedure, open at the horizon', () => {
    const plan = planeLeistungszeitraeume(
      { geburtsdatum: '1990-01-01', einreiseAm: '2015-09-01', verlauf: [gestattung('2015-09-10')], anerkanntAm: null },
      '2015-09-10',
      '2015-12-01',
    );
    expect(zeilen(plan)).toEqual([['2015-09-10', null, 'GRUNDLEISTUNG_3']]);
    expect(plan.ende).toBeNull();
  });

  it('§ 2 after 15 months of stay, then the end of the month of recognition', () => {
    const plan = planeLeistungszeitraeume(
      {
        geburtsdatum: '1990-01-01',
        einreiseAm: '2014-06-05',
        verlauf: [gestattung('2014-06-20', '2015-11-12'), fluechtling('2015-11-13')],
        anerkanntAm: '2015-11-13',
      },
      '2014-06-20',
      '2015-12-15',
    );
    expect(zeilen(plan)).toEqual([
      ['2014-06-20', '2015-09-04', 'GRUNDLEISTUNG_3'],
      ['2015-09-05', '2015-11-30', 'ANALOG_2'],
    ]);
    expect(plan.ende?.grund).toBe('ANERKENNUNG');
  });

  it('switches on 01.03.2015 when the new 15 months are already behind the person', () => {
    const plan = planeLeistungszeitraeume(
      { geburtsdatum: '1990-01-01', einreiseAm: '2013-05-01', verlauf: [gestattung('2013-05-03')], anerkanntAm: null },
      '2013-05-03',
      '2015-06-30',
    );
    expect(zeilen(plan)).toEqual([
      ['2013-05-03', '2015-02-28', 'GRUNDLEISTUNG_3'],
      ['2015-03-01', null, 'ANALOG_2'],
    ]);
    // Each period names the version of § 2 that decided it.
    expect(plan.zeitraeume.map((z) => z.fassung)).toEqual([
      'AsylbLG i. d. F. des Gesetzes vom 19.08.2007 (BGBl. I S. 1970), bis 28.02.2015',
      'AsylbLG i. d. F. des Gesetzes vom 10.12.2014 (BGBl. I S. 2187), ab 01.03.2015',
    ]);
  });

  it('switches under the old rule after 48 months received', () => {
    const plan = planeLeistungszeitraeume(
      { geburtsdatum: '1980-01-01', einreiseAm: '2010-03-01', verlauf: [gestattung('2010-03-02')], anerkanntAm: null },
      '2010-03-02',
      '2015-06-30',
    );
    expect(zeilen(plan)).toEqual([
      ['2010-03-02', '2014-03-01', 'GRUNDLEISTUNG_3'],
      ['2014-03-02', null, 'ANALOG_2'],
    ]);
  });
});
