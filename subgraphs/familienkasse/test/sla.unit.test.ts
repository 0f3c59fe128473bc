import { getHolidays } from 'feiertagejs';
import { describe, expect, it } from 'vitest';
import { addDays, Arbeitskalender } from '@ip/kit/calendar';
import { arbeitstageBisher, faelligAm, slaStatus } from '../src/domain/sla.ts';

const nrw = new Arbeitskalender('NW');

// feiertagejs's `isHoliday` works out the year's holidays on every call (5 to 100 ms); its list per year,
// taken once, keeps the every-day comparison below a unit test of a second instead of a minute.
const holidaysByYear = new Map<string, ReadonlySet<string>>();
function isHolidayInNrw(day: string): boolean {
  const year = day.slice(0, 4);
  let holidays = holidaysByYear.get(year);
  if (!holidays)
    holidaysByYear.set(year, (holidays = new Set(getHolidays(year, 'NW').map((holiday) => holiday.dateString))));
  return holidays.has(day);
}

/** An independent count with a second holiday library (feiertagejs), day by day. */
function independentDueDate(eingangAm: string): string {
  let day = eingangAm;
  for (let counted = 0; counted < 10;) {
    day = addDays(day, 1);
    const date = new Date(`${day}T12:00:00Z`);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    if (!weekend && !isHolidayInNrw(day)) counted += 1;
  }
  return day;
}

describe('due date: the 10th working day after receipt in NRW', () => {
  it.each([
    ['Monday, the DOMAIN example', '2015-11-16', '2015-11-30'],
    ['Friday, two weekends', '2015-11-20', '2015-12-04'],
    ['received on a Saturday', '2015-11-21', '2015-12-04'],
    ['received on a Sunday', '2015-11-22', '2015-12-04'],
    ['over Allerheiligen on a Sunday (2015)', '2015-10-26', '2015-11-09'],
    ['over Allerheiligen on a Tuesday (2016)', '2016-10-27', '2016-11-11'],
    ['received on Allerheiligen 2016', '2016-11-01', '2016-11-15'],
    ['over the 3 October on a Saturday (2015)', '2015-09-28', '2015-10-12'],
    ['over the 3 October on a Monday (2016)', '2016-09-29', '2016-10-14'],
    ['received on Tag der Deutschen Einheit 2016', '2016-10-03', '2016-10-17'],
    ['over Christmas; 24 and 31 December are working days (2015)', '2015-12-18', '2016-01-05'],
    ['received on Christmas Eve 2015', '2015-12-24', '2016-01-11'],
    ['received on 2. Weihnachtstag 2015 (Saturday)', '2015-12-26', '2016-01-11'],
    ['over Christmas and New Year 2016', '2016-12-22', '2017-01-06'],
    ['received on Neujahr 2016', '2016-01-01', '2016-01-15'],
    ['over Easter 2015 (Karfreitag, Ostermontag)', '2015-03-30', '2015-04-15'],
    ['received on Karfreitag 2016', '2016-03-25', '2016-04-11'],
    ['over Easter 2016', '2016-03-21', '2016-04-06'],
    ['over Maifeiertag and Christi Himmelfahrt 2015', '2015-04-30', '2015-05-18'],
    ['over Christi Himmelfahrt and Pfingstmontag 2016', '2016-05-04', '2016-05-20'],
    ['over Pfingstmontag and Fronleichnam 2015', '2015-05-22', '2015-06-09'],
    ['received on Fronleichnam 2016', '2016-05-26', '2016-06-09'],
    ['over Maifeiertag on a Sunday (2016)', '2016-04-25', '2016-05-10'],
  ])('%s: %s → %s', (_, eingang, expected) => {
    expect(faelligAm(nrw, eingang)).toBe(expected);
    expect(independentDueDate(eingang)).toBe(expected);
  });

  it('agrees with the second library on every receipt day of 2015 and 2016', () => {
    for (let day = '2015-01-01'; day <= '2016-12-31'; day = addDays(day, 1)) {
      expect(faelligAm(nrw, day), day).toBe(independentDueDate(day));
    }
  });

  it('knows the Land: Fronleichnam is no holiday in Berlin', () => {
    expect(faelligAm(new Arbeitskalender('BE'), '2016-05-20')).toBe('2016-06-03');
    expect(faelligAm(nrw, '2016-05-20')).toBe('2016-06-06');
  });
});

describe('SLA status and working days so far', () => {
  const antrag = { eingangAm: '2015-11-16', faelligAm: '2015-11-30', beschiedenAm: null };
  it.each([
    ['the day of receipt', antrag, '2015-11-16', 'OFFEN', 0],
    ['three working days left', antrag, '2015-11-25', 'OFFEN', 7],
    ['two working days left', antrag, '2015-11-26', 'FAELLIG_BALD', 8],
    ['a Saturday with one working day left', antrag, '2015-11-28', 'FAELLIG_BALD', 9],
    ['the due day itself', antrag, '2015-11-30', 'FAELLIG_BALD', 10],
    ['the day after the due day', antrag, '2015-12-01', 'UEBERFAELLIG', 11],
    ['decided on the due day', { ...antrag, beschiedenAm: '2015-11-30' }, '2015-12-10', 'EINGEHALTEN', 10],
    ['decided a day late', { ...antrag, beschiedenAm: '2015-12-01' }, '2015-12-10', 'VERFEHLT', 11],
    ['decided early', { ...antrag, beschiedenAm: '2015-11-18' }, '2015-11-20', 'EINGEHALTEN', 2],
    [
      'decided later than the Stichtag: still open that day',
      { ...antrag, beschiedenAm: '2015-12-03' },
      '2015-11-20',
      'OFFEN',
      4,
    ],
    [
      'decided later, overdue on the Stichtag',
      { ...antrag, beschiedenAm: '2015-12-03' },
      '2015-12-02',
      'UEBERFAELLIG',
      12,
    ],
  ] as const)('%s', (_, subject, stichtag, status, days) => {
    expect(slaStatus(nrw, subject, stichtag)).toBe(status);
    expect(arbeitstageBisher(nrw, subject, stichtag)).toBe(days);
  });
});
