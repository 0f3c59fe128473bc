import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** A calendar day as 'YYYY-MM-DD'. Legal deadlines count days, not instants, so no time zone belongs here. */
export type IsoDate = string;

/**
 * The days a `Date` input may name. Nobody the partners serve was born before 1900 and no decision runs past
 * 2100; a day outside is a typing error (1800 for 1980) that would otherwise be stored as fact.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO days sort as strings, so the range check is two comparisons. */
export function isDateInRange(value: IsoDate): boolean {
  return value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}

// A literal's node goes into the error: graphql-js reports a thrown GraphQLError as it is, and the kit's
// input check finds the argument it belongs to by that node.
function invalid(value: unknown, node?: ValueNode): GraphQLError {
  return new GraphQLError(`Date must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function parseDay(value: unknown, node?: ValueNode): IsoDate {
  if (!isIsoDate(value)) throw invalid(value, node);
  if (!isDateInRange(value)) {
    throw new GraphQLError(
      `Date must lie between ${DATE_RANGE.min} and ${DATE_RANGE.max}, got ${JSON.stringify(value)}`,
      {
        ...(node ? { nodes: node } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return value;
}

/**
 * Input is checked for form and range; output only for form, so that a day stored before the range existed
 * can still be read. The kit's input check (`input/`) names the argument of a refused day.
 */
export const DateScalar = new GraphQLScalarType<IsoDate, IsoDate>({
  name: 'Date',
  description: `A calendar day in ISO 8601 form, YYYY-MM-DD; as input between ${DATE_RANGE.min} and ${DATE_RANGE.max}.`,
  serialize(value) {
    if (isIsoDate(value)) return value;
    throw invalid(value);
  },
  parseValue: (value) => parseDay(value),
  parseLiteral(ast) {
    return parseDay(ast.kind === Kind.STRING ? ast.value : ast.kind, ast);
  },
});
