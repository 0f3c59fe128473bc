import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { manyByKey, oneByKey } from '../src/batch.ts';
import { Arbeitskalender } from '../src/calendar/arbeitskalender.ts';
import { periodOn } from '../src/calendar/period.ts';
import { subgraphConfig } from '../src/config.ts';
import { retentionCutOff } from '../src/run-subgraph.ts';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from '../src/pagination.ts';
import { isIsoDate } from '../src/scalars.ts';

describe('isIsoDate', () => {
  it.each([
    ['2015-11-16', true],
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2015-13-01', false],
    ['2015-11-31', false],
    ['2015-1-16', false],
    ['2015-11-16T00:00:00Z', false],
    ['', false],
    [20151116, false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('batch results', () => {
  const rows = [
    { id: 'b', v: 2 },
    { id: 'a', v: 1 },
    { id: 'b', v: 3 },
  ];
  it('return one row per key in key order, null for unknown keys', () => {
    expect(oneByKey(['a', 'x', 'b'], rows.slice(0, 2), (row) => row.id)).toEqual([
      { id: 'a', v: 1 },
      null,
      { id: 'b', v: 2 },
    ]);
  });
  it('return all rows per key in key order, [] for unknown keys', () => {
    expect(manyByKey(['b', 'x', 'a'], rows, (row) => row.id)).toEqual([
      [
        { id: 'b', v: 2 },
        { id: 'b', v: 3 },
      ],
      [],
      [{ id: 'a', v: 1 }],
    ]);
  });
});

describe('pagination', () => {
  it('round-trips a cursor and refuses a forged one', () => {
    expect(decodeCursor(encodeCursor('123e4567-e89b-42d3-a456-426614174000'))).toBe(
      '123e4567-e89b-42d3-a456-426614174000',
    );
    expect(() => decodeCursor('bm9wZQ')).toThrow(/cursor/);
  });
  it.each([[-1], [101], [1.5]])('refuses first = %s', (first) => {
    expect(() => pageRequest(first, null)).toThrow(/first/);
  });
  it('builds a page from limit + 1 rows', () => {
    const connection = toConnection(['a', 'b', 'c'], { limit: 2, afterKey: null }, (row) => row, 7);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      endCursor: encodeCursor('b'),
    });
    expect(connection.totalCount).toBe(7);
  });
  it('says when the last page is reached', () => {
    const connection = toConnection(['c'], { limit: 2, afterKey: 'b' }, (row) => row, 3);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('subgraphConfig', () => {
  const URL_ENV = { FAMILIENKASSE_DATABASE_URL: 'postgres://fk@db:5432/fk' };
  it('takes the database from <NAME>_DATABASE_URL, without demo data unless asked (npm start asks for the embedded cluster)', () => {
    const env = { FAMILIENKASSE_DATABASE_URL: 'postgres://fk@db:5432/fk', FAMILIENKASSE_PORT: '5004' };
    expect(subgraphConfig('familienkasse', 4004, env)).toEqual({
      name: 'familienkasse',
      host: 'localhost',
      port: 5004,
      database: { kind: 'server', url: 'postgres://fk@db:5432/fk' },
      demoData: false,
      databaseWaitSeconds: 30,
      databaseWaitForLauncher: false,
      databasePoolMax: 10,
      accessLogRetentionMonths: 6,
      inputLimits: { maxStringLength: 10_000, maxIdLength: 200 },
      anfrageIdRetentionDays: 7,
    });
    expect(subgraphConfig('familienkasse', 4004, { ...env, FAMILIENKASSE_DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(
      subgraphConfig('familienkasse', 4004, { ...env, FAMILIENKASSE_DATABASE_WAIT_FOR_LAUNCHER: 'true' })
        .databaseWaitForLauncher,
    ).toBe(true);
    expect(
      subgraphConfig('familienkasse', 4004, { ...env, FAMILIENKASSE_DATABASE_POOL_MAX: '4' }).databasePoolMax,
    ).toBe(4);
    expect(() => subgraphConfig('familienkasse', 4004, { ...env, FAMILIENKASSE_DATABASE_POOL_MAX: '0' })).toThrow(
      /FAMILIENKASSE_DATABASE_POOL_MAX/,
    );
  });
  it('takes the input limits from INPUT_MAX_STRING_LENGTH and INPUT_MAX_ID_LENGTH', () => {
    const config = subgraphConfig('familienkasse', 4004, {
      ...URL_ENV,
      INPUT_MAX_STRING_LENGTH: '500',
      INPUT_MAX_ID_LENGTH: '40',
    });
    expect(config.inputLimits).toEqual({ maxStringLength: 500, maxIdLength: 40 });
  });
  it('keeps request ids as long as ANFRAGE_ID_RETENTION_DAYS says, and refuses a nonsense value', () => {
    expect(
      subgraphConfig('familienkasse', 4004, { ...URL_ENV, ANFRAGE_ID_RETENTION_DAYS: '30' }).anfrageIdRetentionDays,
    ).toBe(30);
    expect(() => subgraphConfig('familienkasse', 4004, { ...URL_ENV, ANFRAGE_ID_RETENTION_DAYS: '0' })).toThrow(
      /ANFRAGE_ID_RETENTION_DAYS/,
    );
  });
  it.each([
    [{ FAMILIENKASSE_PORT: 'vierzig' }, /FAMILIENKASSE_PORT/],
    [{}, /FAMILIENKASSE_DATABASE_URL: not set/],
    [{ FAMILIENKASSE_DATABASE_URL: 'mysql://x' }, /FAMILIENKASSE_DATABASE_URL/],
    [{ FAMILIENKASSE_DEMO_DATA: 'ja' }, /FAMILIENKASSE_DEMO_DATA/],
    [{ ACCESS_LOG_RETENTION_MONTHS: '0' }, /ACCESS_LOG_RETENTION_MONTHS/],
    [{ INPUT_MAX_STRING_LENGTH: '0' }, /INPUT_MAX_STRING_LENGTH/],
    [{ INPUT_MAX_ID_LENGTH: 'kurz' }, /INPUT_MAX_ID_LENGTH/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => subgraphConfig('familienkasse', 4004, env)).toThrow(message);
  });
});

describe('retentionCutOff', () => {
  it.each([
    ['2016-08-31T10:00:00.000Z', 6, '2016-02-29T10:00:00.000Z'],
    ['2017-01-31T10:00:00.000Z', 2, '2016-11-30T10:00:00.000Z'],
    ['2016-05-15T00:00:00.000Z', 6, '2015-11-15T00:00:00.000Z'],
    ['2016-05-15T00:00:00.000Z', 1, '2016-04-15T00:00:00.000Z'],
  ])('%s minus %i months → %s', (now, months, expected) => {
    expect(retentionCutOff(new Date(now), months).toISOString()).toBe(expected);
  });
});

describe('periodOn', () => {
  const periods = [
    { name: 'gestattung', gueltigAb: '2015-03-01', gueltigBis: '2015-09-30' },
    { name: 'erlaubnis', gueltigAb: '2015-10-01', gueltigBis: '2016-09-30' },
    { name: 'verlaengert', gueltigAb: '2016-09-30', gueltigBis: null },
  ];
  it.each([
    ['2015-02-28', null],
    ['2015-03-01', 'gestattung'],
    ['2015-09-30', 'gestattung'],
    ['2015-10-01', 'erlaubnis'],
    ['2016-09-29', 'erlaubnis'],
    ['2016-09-30', 'verlaengert'],
    ['2030-01-01', 'verlaengert'],
  ])('on %s is %s', (day, name) => {
    expect(periodOn(periods, day)?.name ?? null).toBe(name);
  });
  it('finds nothing in a gap or in no periods', () => {
    expect(
      periodOn(
        [
          { gueltigAb: '2015-01-01', gueltigBis: '2015-01-31' },
          { gueltigAb: '2015-03-01', gueltigBis: null },
        ],
        '2015-02-15',
      ),
    ).toBeNull();
    expect(periodOn([], '2015-02-15')).toBeNull();
  });
});

describe('Arbeitskalender', () => {
  // The Länder are listed in the code, so that the holiday data loads only when a working day is asked for.
  it.each(Object.keys(new Holidays().getStates('DE') ?? {}))('knows the Land %s of the holiday data', (land) => {
    // Tag der Deutschen Einheit (Art. 2 Abs. 2 Einigungsvertrag) is a public holiday in every Land.
    expect(new Arbeitskalender(land).isFeiertag('2016-10-03')).toBe(true);
  });

  it('refuses a Land the holiday data does not know', () => {
    expect(() => new Arbeitskalender('XX')).toThrow('unknown German Land XX');
  });
});
