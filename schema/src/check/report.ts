import type { ChangeLevel, CheckResult } from './schema-checker.ts';

const ORDER: readonly ChangeLevel[] = ['breaking', 'dangerous', 'safe'];
const SHOWN_COMPOSITION_ERRORS = 3;
const SHOWN_ERROR_LINES = 12;

/** The human-readable report of one partner's check: composition, changes, operations, ownership, verdict. */
export function formatReport(result: CheckResult, operationCount: number, proposedFrom: string): string {
  const lines = [`schema check of ${result.partner} (${proposedFrom})`];
  if (result.refusals.length === 0 && result.changes.length === 0) {
    return `${lines[0]}: composes, no changes, ${operationCount} operations in use valid, ownership ok`;
  }
  if (result.compositionErrors.length > 0) {
    // Apollo's satisfiability errors run to dozens of lines each; the first few say what is wrong.
    const shown = result.compositionErrors.slice(0, SHOWN_COMPOSITION_ERRORS);
    lines.push(`  composition failed (${result.compositionErrors.length} errors):`);
    lines.push(...shown.map((error) => `    ✗ ${clipped(error).replaceAll('\n', '\n      ')}`));
    const more = result.compositionErrors.length - shown.length;
    if (more > 0) lines.push(`    … and ${more} more (--json lists all)`);
    lines.push(`  ownership: ${result.ownership.length === 0 ? 'no override' : `${result.ownership.length} refused`}`);
    for (const violation of result.ownership) lines.push(`    ✗ ${violation}`);
    lines.push(`  verdict: refused (composition failed${result.ownership.length > 0 ? ', ownership' : ''})\n`);
    return lines.join('\n');
  }
  lines.push('  composition: ok');
  const counts = ORDER.map((level) => `${result.changes.filter((change) => change.level === level).length} ${level}`);
  lines.push(`  changes of the API schema: ${result.changes.length === 0 ? 'none' : counts.join(', ')}`);
  for (const level of ORDER) {
    for (const change of result.changes.filter((candidate) => candidate.level === level)) {
      const use =
        level === 'safe'
          ? ''
          : change.usedBy.length > 0
            ? `\n        used by ${change.usedBy.join(', ')}`
            : ' (no operation in use touches it)';
      lines.push(`    ${level.padEnd(9)} ${change.message}${use}`);
    }
  }
  const invalid = result.invalidOperations.length + result.unreadable.length;
  lines.push(`  operations in use: ${operationCount}, ${invalid === 0 ? 'all valid' : `${invalid} invalid`}`);
  for (const { name, source, errors } of result.invalidOperations) {
    lines.push(`    ✗ ${name} (${source}): ${errors.join('; ')}`);
  }
  for (const { source, error } of result.unreadable) lines.push(`    ✗ ${source}: ${error}`);
  lines.push(`  ownership: ${result.ownership.length === 0 ? 'ok' : `${result.ownership.length} refused`}`);
  for (const violation of result.ownership) lines.push(`    ✗ ${violation}`);
  return [...lines, verdict(result)].join('\n');
}

function verdict(result: CheckResult): string {
  if (result.refusals.length === 0) return '  verdict: compatible\n';
  const reasons = result.refusals.map((reason) => `    - ${reason}`);
  return [`  verdict: refused (${result.refusals.length})`, ...reasons, ''].join('\n');
}

function clipped(error: string): string {
  const lines = error.split('\n');
  if (lines.length <= SHOWN_ERROR_LINES) return error;
  return [...lines.slice(0, SHOWN_ERROR_LINES), `… ${lines.length - SHOWN_ERROR_LINES} more lines`].join('\n');
}
