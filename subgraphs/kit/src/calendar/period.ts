/** A dated period as the partners record them: from its first day to its last day, or open. */
export interface Period {
  readonly gueltigAb: string;
  readonly gueltigBis: string | null;
}

/** The period in force on a day, if any; of periods that touch on the day, the later recorded wins. */
export function periodOn<T extends Period>(periods: readonly T[], day: string): T | null {
  return (
    periods.findLast((period) => period.gueltigAb <= day && (period.gueltigBis === null || day <= period.gueltigBis)) ??
    null
  );
}
