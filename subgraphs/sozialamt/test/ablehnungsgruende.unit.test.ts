import { enumValuesOf } from '@ip/kit/testing';
import { describe, expect, it } from 'vitest';
import { ABLEHNUNGSGRUENDE } from '../src/errors.ts';

const schema = new URL('../schema.graphql', import.meta.url);

describe('the reasons of a refusal (extensions.grund)', () => {
  it('are the values of enum AblehnungsgrundSozialamt in schema.graphql, each described', () => {
    const values = enumValuesOf(schema, 'AblehnungsgrundSozialamt');
    expect(values.map((value) => value.name).sort()).toEqual([...ABLEHNUNGSGRUENDE].sort());
    expect(values.filter((value) => !value.description?.trim())).toEqual([]);
  });
});
