import type { LoadReport } from './load.js';

/** Counts per label and relationship type, as a small table for the terminal. */
export function formatReport(report: LoadReport): string {
  const rows = (title: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    const width = Math.max(title.length, ...entries.map(([k]) => k.length));
    return [
      `${title.padEnd(width)}  count`,
      ...entries.map(([k, n]) => `${k.padEnd(width)}  ${String(n).padStart(5)}`),
      `${'total'.padEnd(width)}  ${String(total).padStart(5)}`,
    ].join('\n');
  };
  return [
    `data version ${report.dataHash.slice(0, 12)}${report.skipped ? ' (already loaded)' : ''}, ${(report.millis / 1000).toFixed(2)} s`,
    rows('label', report.nodesByLabel),
    rows('relationship', report.relationshipsByType),
  ].join('\n\n');
}
