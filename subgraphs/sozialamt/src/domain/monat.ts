import type { IsoDate } from '@ip/kit';
import { addDays, addMonths } from '@ip/kit/calendar';

/** The last day of the day's month: where § 1 Abs. 3 AsylbLG ends an entitlement and § 37 Abs. 2 S. 2 SGB II a month. */
export const monatsende = (tag: IsoDate): IsoDate => addDays(addMonths(`${tag.slice(0, 7)}-01`, 1), -1);
