import type { LoadOnStart } from '../config.js';
import type { Database } from '../db/database.js';
import { formatReport } from './report.js';
import { loadGraph } from './load.js';
import { readGraph } from './validate.js';

/**
 * At start: `auto` loads when the graph is empty or data/ changed (the loader compares the data hash),
 * `always` reloads, `never` serves whatever the graph holds. Invalid data stops the start with every problem listed.
 */
export async function loadOnStart(db: Database, dataDir: string, mode: LoadOnStart, log: (line: string) => void): Promise<void> {
  if (mode === 'never') return;
  const graph = readGraph(dataDir);
  const report = await loadGraph(db, graph, { force: mode === 'always', log });
  if (!report.skipped) log(formatReport(report));
}
