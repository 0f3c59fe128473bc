import type { SlaKennzahlenFelderFragment } from '../../gql/graphql.ts';
import { alsProzent, datum } from '../../ui/labels.ts';
import { useNarrow } from '../../ui/use-narrow.ts';

interface Zeitraum {
  readonly beginn: string;
  readonly ende: string;
  readonly kennzahlen: SlaKennzahlenFelderFragment;
}

const MONATE = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** ISO 8601 week number of a `YYYY-MM-DD` day: the week that holds its Thursday. */
function kalenderwoche(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

export function zeitraumName(zeitraum: { readonly beginn: string }, gruppierung: 'WOCHE' | 'MONAT'): string {
  const [year, month] = zeitraum.beginn.split('-');
  return gruppierung === 'MONAT'
    ? `${MONATE[Number(month) - 1]} ${year!.slice(2)}`
    : `KW ${kalenderwoche(zeitraum.beginn)}`;
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The first day of every week (from Monday) or month from `von` to `bis`, the first clipped to `von`: the
 * report lists only periods with receipts, the chart shows the gaps too.
 */
function zeitraumBeginne(von: string, bis: string, gruppierung: 'WOCHE' | 'MONAT'): string[] {
  const beginne = [von];
  let next = von;
  for (;;) {
    if (gruppierung === 'WOCHE') {
      const weekday = (new Date(`${next}T00:00:00Z`).getUTCDay() + 6) % 7;
      next = addDays(next, 7 - weekday);
    } else {
      const [year, month] = next.split('-').map(Number) as [number, number];
      next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
    }
    if (next > bis) return beginne;
    beginne.push(next);
  }
}

/** Drawing sizes in the SVG's units; its text is 12 units, about 12 px on a desktop and 11 px on a phone. */
const WIDE = { width: 720, height: 260, labels: 13 };
const NARROW = { width: 360, height: 240, labels: 6 };
const PAD = { top: 16, right: 12, bottom: 44, left: 44 };

/**
 * The on-time rate per week or month as bars (an SVG drawn here, no chart library). A period in which
 * nothing was decided yet has no rate and no bar. Screen readers get the same figures as a table below.
 */
export function SlaChart({
  von,
  bis,
  zeitraeume,
  gruppierung,
}: {
  readonly von: string;
  readonly bis: string;
  readonly zeitraeume: readonly Zeitraum[];
  readonly gruppierung: 'WOCHE' | 'MONAT';
}) {
  const { width, height, labels } = useNarrow() ? NARROW : WIDE;
  const byStart = new Map(zeitraeume.map((zeitraum) => [zeitraum.beginn, zeitraum]));
  const slots = zeitraumBeginne(von, bis, gruppierung).map((beginn) => ({ beginn, zeitraum: byStart.get(beginn) }));
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(slots.length, 1);
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const every = Math.ceil(slots.length / labels);
  const y = (rate: number) => PAD.top + plotHeight * (1 - rate);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="sla-chart-title" data-testid="sla-chart">
        <title id="sla-chart-title">
          Anteil fristgerecht beschiedener Anträge je {gruppierung === 'MONAT' ? 'Monat' : 'Woche'}
        </title>
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick}>
            <line className="grid" x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text className="axis" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {Math.round(tick * 100)} %
            </text>
          </g>
        ))}
        {slots.map(({ beginn, zeitraum }, index) => {
          const rate = zeitraum?.kennzahlen.quoteEingehalten;
          const x = PAD.left + slot * index + (slot - barWidth) / 2;
          return (
            <g key={beginn}>
              {zeitraum && rate != null && (
                <rect
                  className={rate >= 0.9 ? 'bar good' : rate >= 0.75 ? 'bar fair' : 'bar poor'}
                  x={x}
                  y={y(rate)}
                  width={barWidth}
                  height={plotHeight * rate}
                >
                  <title>
                    {zeitraumName(zeitraum, gruppierung)} ({datum(zeitraum.beginn)}–{datum(zeitraum.ende)}):{' '}
                    {alsProzent(rate)} fristgerecht, {zeitraum.kennzahlen.beschieden} von{' '}
                    {zeitraum.kennzahlen.eingegangen} beschieden
                  </title>
                </rect>
              )}
              {index % every === 0 && (
                <text className="axis" x={x + barWidth / 2} y={height - PAD.bottom + 16} textAnchor="middle">
                  {zeitraumName({ beginn }, gruppierung)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        Anteil der bis zum Stichtag beschiedenen Paket-Anträge, die innerhalb von 10 Arbeitstagen beschieden wurden.
        Grün ab 90 %, gelb ab 75 %, sonst rot. Ohne Balken: kein Eingang oder noch kein Bescheid.
      </figcaption>
    </figure>
  );
}
