import { describe, expect, it } from 'vitest';
import {
  pruefeArbeitsmarktzugang,
  RechtsstandNichtAbgebildet,
  type ArbeitsmarktFakten,
  type Taetigkeit,
} from '../src/domain/arbeitsmarktzugang.ts';

const syrer: ArbeitsmarktFakten = {
  aufenthaltsart: 'AUFENTHALTSGESTATTUNG',
  staatsangehoerigkeit: 'SY',
  aufenthaltSeit: '2015-09-01',
  asylantragAm: '2015-09-20',
  agenturbezirk: 'Dortmund',
};
const duldung = (overrides: Partial<ArbeitsmarktFakten> = {}): ArbeitsmarktFakten => ({
  ...syrer,
  aufenthaltsart: 'DULDUNG',
  staatsangehoerigkeit: 'AF',
  aufenthaltSeit: '2014-12-01',
  asylantragAm: '2014-12-10',
  ...overrides,
});
const albaner = (overrides: Partial<ArbeitsmarktFakten> = {}): ArbeitsmarktFakten => ({
  ...syrer,
  staatsangehoerigkeit: 'AL',
  aufenthaltSeit: '2015-06-01',
  asylantragAm: '2015-09-15',
  ...overrides,
});

type Case = [string, ArbeitsmarktFakten, string, Taetigkeit, string, string, string | null];

// A table, one case per line; Prettier would spread each case over nine lines.
// prettier-ignore
const CASES: Case[] = [
  // Waiting period of three months (Gestattung), both sides of its end
  ['Gestattung, last day of the waiting period', syrer, '2015-11-30', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 1 AsylG', '2015-12-01'],
  ['Gestattung, first day after the waiting period', syrer, '2015-12-01', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-12-01'],
  ['earlier stays count toward the waiting period', { ...syrer, aufenthaltSeit: '2015-05-01', asylantragAm: '2015-10-01' }, '2015-10-15', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-08-01'],
  // Months 4 to 15, and the 15-month mark
  ['month 15, last day with priority check', { ...syrer, aufenthaltSeit: '2015-01-15' }, '2016-04-14', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-04-15'],
  ['after 15 months, no priority check', { ...syrer, aufenthaltSeit: '2015-01-15' }, '2016-04-15', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 2 BeschV', '2019-01-15'],
  // Four years
  ['the day before four years', { ...syrer, aufenthaltSeit: '2012-03-01' }, '2016-02-29', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 2 BeschV', '2016-03-01'],
  ['after four years, no BA approval', { ...syrer, aufenthaltSeit: '2012-03-01' }, '2016-03-01', 'BESCHAEFTIGUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 32 Abs. 2 Nr. 5 BeschV', null],
  // Vocational training: Gestattung after three months, Duldung from day one
  ['training with a Gestattung within the waiting period', syrer, '2015-10-01', 'BETRIEBLICHE_AUSBILDUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 1 AsylG', '2015-12-01'],
  ['training with a Gestattung after three months', syrer, '2015-12-01', 'BETRIEBLICHE_AUSBILDUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 32 Abs. 2 Nr. 2 BeschV', null],
  ['training with a Duldung on its first day', duldung({ aufenthaltSeit: '2015-11-20' }), '2015-11-20', 'BETRIEBLICHE_AUSBILDUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 32 Abs. 2 Nr. 2 BeschV', null],
  ['employment with a Duldung within three months', duldung({ aufenthaltSeit: '2015-11-20' }), '2015-12-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 32 Abs. 1 BeschV', '2016-02-20'],
  // Temporary agency work
  ['temporary agency work in month 6', syrer, '2016-02-01', 'LEIHARBEIT', 'VERBOTEN', '§ 40 Abs. 1 Nr. 2 AufenthG', '2016-12-01'],
  ['temporary agency work after 15 months', { ...syrer, aufenthaltSeit: '2014-12-01' }, '2016-03-01', 'LEIHARBEIT', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 2 BeschV', '2018-12-01'],
  // § 40 Abs. 1 Nr. 2 AufenthG; § 32 Abs. 3 BeschV from 24 Oct 2015 (Asylverfahrensbeschleunigungsgesetz)
  ['temporary agency work after 15 months, the day before 24 Oct 2015', { ...syrer, aufenthaltSeit: '2014-06-01' }, '2015-10-23', 'LEIHARBEIT', 'VERBOTEN', '§ 40 Abs. 1 Nr. 2 AufenthG', '2015-10-24'],
  ['temporary agency work after 15 months, from 24 Oct 2015', { ...syrer, aufenthaltSeit: '2014-06-01' }, '2015-10-24', 'LEIHARBEIT', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 2 BeschV', '2018-06-01'],
  ['temporary agency work after four years before 24 Oct 2015: no approval, so no refusal', { ...syrer, aufenthaltSeit: '2011-01-01' }, '2015-06-01', 'LEIHARBEIT', 'OHNE_ZUSTIMMUNG_BA', '§ 32 Abs. 2 Nr. 5 BeschV', null],
  ['temporary agency work in month 6 before 24 Oct 2015', { ...syrer, aufenthaltSeit: '2015-03-01' }, '2015-09-01', 'LEIHARBEIT', 'VERBOTEN', '§ 40 Abs. 1 Nr. 2 AufenthG', '2016-06-01'],
  ['temporary agency work in month 6 after 6 Aug 2016, district unknown', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: null }, '2016-08-06', 'LEIHARBEIT', 'VERBOTEN', '§ 40 Abs. 1 Nr. 2 AufenthG', '2017-06-01'],
  ['temporary agency work in month 6 after 6 Aug 2016, Düsseldorf', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Düsseldorf' }, '2016-08-06', 'LEIHARBEIT', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 3 BeschV', '2017-06-01'],
  ['temporary agency work in month 6 after 6 Aug 2016, Essen', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Essen' }, '2016-08-06', 'LEIHARBEIT', 'VERBOTEN', '§ 40 Abs. 1 Nr. 2 AufenthG', '2017-06-01'],
  // Integrationsgesetz: the priority check, both sides of 6 Aug 2016
  ['Düsseldorf, the day before the Integrationsgesetz', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Düsseldorf' }, '2016-08-05', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-08-06'],
  ['Düsseldorf, from the Integrationsgesetz on', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Düsseldorf' }, '2016-08-06', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_OHNE_VORRANGPRUEFUNG', '§ 32 Abs. 5 Nr. 3 BeschV', '2017-06-01'],
  ['Gelsenkirchen keeps the priority check', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Gelsenkirchen' }, '2016-08-06', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2017-06-01'],
  ['unknown district after 6 Aug 2016: priority check assumed', { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: null }, '2016-09-01', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2017-06-01'],
  // Safe countries of origin: the application date and the day the ban came into force
  ['Albania, application after 31 Aug, the day before the ban', albaner(), '2015-10-23', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2015-10-24'],
  ['Albania, application after 31 Aug, from the ban on', albaner(), '2015-10-24', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 4 AsylG', null],
  ['Albania, application on 31 Aug: no ban (Dortmund keeps the priority check)', albaner({ asylantragAm: '2015-08-31' }), '2015-11-15', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-09-01'],
  ['Kosovo, listed from 24 Oct 2015, training banned too', albaner({ staatsangehoerigkeit: 'XK' }), '2015-11-15', 'BETRIEBLICHE_AUSBILDUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 4 AsylG', null],
  ['Serbia (safe since 2014) with a Duldung, application after 31 Aug', duldung({ staatsangehoerigkeit: 'RS', asylantragAm: '2015-09-01' }), '2015-11-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 60a Abs. 6 S. 1 Nr. 3 AufenthG', null],
  // § 60a Abs. 6 S. 1 Nr. 3 AufenthG (from 24 Oct 2015): application after 31 Aug 2015 and rejected; a withdrawn one is not
  ['Serbia with a Duldung, application after 31 Aug withdrawn: no ban', duldung({ staatsangehoerigkeit: 'RS', asylantragAm: '2015-09-01', asylantragZurueckgenommenAm: '2015-10-01' }), '2015-11-01', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-03-01'],
  ['Serbia with a Duldung, withdrawal recorded for a later day: banned until then', duldung({ staatsangehoerigkeit: 'RS', asylantragAm: '2015-09-01', asylantragZurueckgenommenAm: '2015-12-01' }), '2015-11-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 60a Abs. 6 S. 1 Nr. 3 AufenthG', '2015-12-01'],
  ['Serbia with a Gestattung: the procedure ban does not ask how it ends', { ...syrer, staatsangehoerigkeit: 'RS', asylantragAm: '2015-09-20', asylantragZurueckgenommenAm: '2015-10-30' }, '2015-11-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 4 AsylG', null],
  ['Serbia with a Duldung before the ban came into force', duldung({ staatsangehoerigkeit: 'RS', asylantragAm: '2015-09-01' }), '2015-10-23', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2015-10-24'],
  // Other bans
  // § 61 Abs. 1 AsylG while obliged to live in a reception centre; § 47 Abs. 1 AsylG (from 24 Oct 2015: up to six months)
  ['reception centre, last day of the obligation', { ...syrer, wohnpflichtBis: '2016-02-29' }, '2016-02-29', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 1 AsylG', '2016-03-01'],
  ['reception centre, the day after the obligation', { ...syrer, wohnpflichtBis: '2016-02-29' }, '2016-03-01', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-12-01'],
  ['reception centre within the waiting period: the ban ends with the obligation, the wait goes on', { ...syrer, wohnpflichtBis: '2015-10-15' }, '2015-10-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 1 AsylG', '2015-10-16'],
  ['reception centre, training banned too', { ...syrer, wohnpflichtBis: '2016-02-29' }, '2016-01-10', 'BETRIEBLICHE_AUSBILDUNG', 'VERBOTEN', '§ 61 Abs. 1 AsylG', '2016-03-01'],
  ['reception centre ended before the Stichtag', { ...syrer, wohnpflichtBis: '2015-10-15' }, '2015-12-15', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-12-01'],
  ['a Duldung is not under § 61 Abs. 1 AsylG', duldung({ wohnpflichtBis: '2016-02-29' }), '2016-01-10', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-03-01'],
  ['deprecated yes/no without a last day: banned, end unknown', { ...syrer, wohnpflichtErstaufnahme: true }, '2015-12-15', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 1 AsylG', null],
  ['the last day wins over the deprecated yes/no', { ...syrer, wohnpflichtErstaufnahme: true, wohnpflichtBis: '2015-12-10' }, '2015-12-15', 'BESCHAEFTIGUNG', 'ZUSTIMMUNG_BA_MIT_VORRANGPRUEFUNG', '§ 39 Abs. 2 AufenthG', '2016-12-01'],
  ['Albania in a reception centre: the lasting ban decides (§ 61 Abs. 2 S. 4 AsylG)', albaner({ wohnpflichtBis: '2016-01-31' }), '2015-12-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 61 Abs. 2 S. 4 AsylG', null],
  ['Duldung, § 60a Abs. 6 grounds after 24 Oct 2015', duldung({ verbot60aAbs6: true }), '2015-12-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 60a Abs. 6 S. 1 Nr. 1, 2 AufenthG', null],
  ['Duldung, the same grounds before: § 33 BeschV', duldung({ verbot60aAbs6: true }), '2015-10-01', 'BESCHAEFTIGUNG', 'VERBOTEN', '§ 33 Abs. 1 BeschV', '2015-10-24'],
  // Residence titles
  ['recognised refugee, § 25 Abs. 2', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 2 AufenthG' }, '2015-12-01', 'LEIHARBEIT', 'KRAFT_GESETZES', '§ 25 Abs. 2 S. 2 AufenthG', null],
  ['entitled to asylum, § 25 Abs. 1', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 1 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'KRAFT_GESETZES', '§ 25 Abs. 1 S. 4 AufenthG', null],
  ['humanitarian title § 25 Abs. 5', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 5 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 31 BeschV', null],
  ['admission under § 23 Abs. 1', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 23 Abs. 1 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 31 BeschV', null],
  // Other residence permits (point 4 of the law review): by law, by § 31 BeschV, or not modelled, never guessed
  ['family reasons, § 30 AufenthG: § 27 Abs. 5 AufenthG (since 2013)', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 30 Abs. 1 AufenthG' }, '2015-12-01', 'LEIHARBEIT', 'KRAFT_GESETZES', '§ 27 Abs. 5 AufenthG', null],
  ['family reasons, § 36 AufenthG', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 36 Abs. 1 AufenthG' }, '2016-09-01', 'BESCHAEFTIGUNG', 'KRAFT_GESETZES', '§ 27 Abs. 5 AufenthG', null],
  ['well-integrated young person, § 25a Abs. 1: § 25a Abs. 4 AufenthG', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25a Abs. 1 AufenthG' }, '2015-03-01', 'BESCHAEFTIGUNG', 'KRAFT_GESETZES', '§ 25a Abs. 4 AufenthG', null],
  ['sustainable integration, § 25b, from 1 Aug 2015: § 25b Abs. 5 S. 2 AufenthG', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25b Abs. 1 AufenthG' }, '2015-08-01', 'BESCHAEFTIGUNG', 'KRAFT_GESETZES', '§ 25b Abs. 5 S. 2 AufenthG', null],
  ['§ 25b the day before it came into force: not modelled', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25b Abs. 1 AufenthG' }, '2015-07-31', 'BESCHAEFTIGUNG', 'NICHT_ABGEBILDET', '§ 25b Abs. 1 AufenthG', '2015-08-01'],
  ['§ 25 Abs. 4 S. 1 AufenthG: § 31 BeschV', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 25 Abs. 4 S. 1 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'OHNE_ZUSTIMMUNG_BA', '§ 31 BeschV', null],
  ['studies, § 16 AufenthG: not modelled, paragraph named', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: '§ 16 Abs. 1 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'NICHT_ABGEBILDET', '§ 16 Abs. 1 AufenthG', null],
  ['no paragraph at all: not modelled', { ...syrer, aufenthaltsart: 'AUFENTHALTSERLAUBNIS', rechtsgrundlage: null }, '2015-12-01', 'BESCHAEFTIGUNG', 'NICHT_ABGEBILDET', 'keine Rechtsgrundlage angegeben', null],
  ['settlement permit', { ...syrer, aufenthaltsart: 'NIEDERLASSUNGSERLAUBNIS', rechtsgrundlage: '§ 26 Abs. 3 AufenthG' }, '2015-12-01', 'BESCHAEFTIGUNG', 'KRAFT_GESETZES', '§ 9 Abs. 1 S. 2 AufenthG', null],
];

describe('labour-market access on a Stichtag', () => {
  it.each(CASES)('%s', (_, fakten, stichtag, taetigkeit, erlaubnis, paragraph, naechsteAenderungAm) => {
    const result = pruefeArbeitsmarktzugang(fakten, stichtag, taetigkeit);
    expect(result.erlaubnis).toBe(erlaubnis);
    expect(result.gruende[0]?.paragraph).toBe(paragraph);
    expect(result.gruende.every((entry) => entry.text.length > 10)).toBe(true);
    expect(result.naechsteAenderungAm).toBe(naechsteAenderungAm);
  });

  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it('names § 32 Abs. 3 BeschV when it lets temporary agency work through', () => {
    const nachFuenfzehn = pruefeArbeitsmarktzugang(
      { ...syrer, aufenthaltSeit: '2014-06-01' },
      '2015-10-24',
      'LEIHARBEIT',
    );
    expect(nachFuenfzehn.gruende.map((entry) => entry.paragraph)).toEqual([
      '§ 32 Abs. 5 Nr. 2 BeschV',
      '§ 32 Abs. 3 BeschV',
    ]);
    const duesseldorf = pruefeArbeitsmarktzugang(
      { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Düsseldorf' },
      '2016-08-06',
      'LEIHARBEIT',
    );
    expect(duesseldorf.gruende.map((entry) => entry.paragraph)).toEqual([
      '§ 32 Abs. 5 Nr. 3 BeschV',
      '§ 32 Abs. 3 BeschV',
    ]);
    const beschaeftigung = pruefeArbeitsmarktzugang(
      { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: 'Düsseldorf' },
      '2016-08-06',
    );
    expect(beschaeftigung.gruende.map((entry) => entry.paragraph)).toEqual(['§ 32 Abs. 5 Nr. 3 BeschV']);
  });

  it('names the unknown district when it assumes the priority check', () => {
    const result = pruefeArbeitsmarktzugang(
      { ...syrer, aufenthaltSeit: '2016-03-01', agenturbezirk: null },
      '2016-09-01',
    );
    expect(result.gruende.map((entry) => entry.paragraph)).toEqual([
      '§ 39 Abs. 2 AufenthG',
      '§ 32 Abs. 5 Nr. 3 BeschV',
    ]);
  });

  it('refuses a Stichtag before the rules it models', () => {
    expect(() => pruefeArbeitsmarktzugang(syrer, '2014-11-05')).toThrow(RechtsstandNichtAbgebildet);
  });
});
