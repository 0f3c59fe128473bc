import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** A calendar day as 'YYYY-MM-DD'. Legal deadlines count days, not instants, so no time zone belongs here. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function invalid(value: unknown): GraphQLError {
  return new GraphQLError(`Date must be a calendar day as YYYY-MM-DD, got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

export const DateScalar = new GraphQLScalarType<IsoDate, IsoDate>({
  name: 'Date',
  description: 'A calendar day in ISO 8601 form, YYYY-MM-DD.',
  serialize(value) {
    if (isIsoDate(value)) return value;
    throw invalid(value);
  },
  parseValue(value) {
    if (isIsoDate(value)) return value;
    throw invalid(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isIsoDate(ast.value)) return ast.value;
    throw invalid(ast.kind === Kind.STRING ? ast.value : ast.kind);
  },
});
