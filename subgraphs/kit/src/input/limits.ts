import { GraphQLError, getNamedType, type GraphQLInputType } from 'graphql';
import { z } from 'zod';
import { ErrorCode } from '../errors.ts';

/**
 * How long a string input may be. Every String and ID a caller sends is checked against these, wherever it
 * sits (an argument, a variable, an input object, a list, an entity representation): PostgreSQL stores a
 * megabyte of text as readily as a name, and a field nobody reads is no reason to keep it.
 */
export interface InputLimits {
  /** Free text and every other string, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Values of type ID: ids, keys and references are short. */
  readonly maxIdLength: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({ maxStringLength: 10_000, maxIdLength: 200 });

/** `INPUT_MAX_STRING_LENGTH` (default 10000) and `INPUT_MAX_ID_LENGTH` (default 200), shared by every subgraph. */
export const inputLimitsSchema = {
  INPUT_MAX_STRING_LENGTH: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_INPUT_LIMITS.maxStringLength),
  INPUT_MAX_ID_LENGTH: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_INPUT_LIMITS.maxIdLength),
};

export function isIdType(type: GraphQLInputType): boolean {
  return getNamedType(type).name === 'ID';
}

/** Why a string input is refused, or null; checked on every request, so one pass over the string at most. */
export function stringProblem(value: string, isId: boolean, limits: InputLimits): string | null {
  const max = isId ? limits.maxIdLength : limits.maxStringLength;
  if (value.length > max) return `is longer than ${max} characters (${value.length})`;
  // PostgreSQL text cannot hold U+0000; refused here, it is the caller's input and not a failing database.
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  return null;
}

/** The `extensions.field` of a nested input: dotted for input-object fields, `[i]` for list items. */
export const childPath = (path: string, name: string): string => (path ? `${path}.${name}` : name);
export const itemPath = (path: string, index: number): string => `${path}[${index}]`;

/** A refused input before execution: HTTP 400, nothing ran, nothing was written. */
export function inputError(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } } });
}
