import type { ChangeLevel, CheckResult } from './schema-checker.ts';

const ORDER: readonly ChangeLevel[] = ['breaking', 'dangerous', 'safe'];

/** The human-readable report of one partner's check: composition, changes, operations, ownership, verdict. */
export function formatReport(result: CheckResult, operationCount: number, proposedFrom: string): string {
  const lines = [`schema check of ${result.partner} (${proposedFrom})`];
  if (result.compositionErrors.length > 0) {
    lines.push('  composition failed:', ...result.compositionErrors.map((error) => `    ✗ ${error}`));
    return [...lines, verdict(result)].join('\n');
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
  if (result.refusals.length === 0) return '  verdict: compatible';
  return [`  verdict: refused (${result.refusals.length})`, ...result.refusals.map((reason) => `    - ${reason}`)].join(
    '\n',
  );
}
