/**
 * The tabular views of the export, one CSV each (GET /export/<name>.csv): what a spreadsheet or a
 * portal's table wants, in the API's vocabulary (global ids, enum values as GraphQL spells them). Lists
 * of keys are joined with "; ".
 */
import { routeOf } from '../analysis/foundation.js';
import { toGlobalId } from '../graphql/ids.js';
import { enumValueOf } from '../model/sdl.js';

type Row = Record<string, unknown>;
export interface Table {
  /** cypher/export/<statement>.cypher */
  statement: string;
  columns: readonly string[];
  cells(row: Row): unknown[];
}

const keys = (value: unknown) => (Array.isArray(value) ? value.join('; ') : '');
const enumOf = (value: unknown) => (typeof value === 'string' ? enumValueOf(value) : null);

export const TABLES: Record<string, Table> = {
  activities: {
    statement: 'export/activitiesTable',
    columns: ['id', 'key', 'name', 'status', 'theme', 'startYear', 'endYear', 'programmes', 'taxa', 'basis', 'changedAt'],
    cells: (r) => [
      toGlobalId('Activity', String(r.key)),
      r.key,
      r.name,
      enumOf(r.status),
      enumOf(r.theme),
      r.startYear,
      r.endYear,
      keys(r.programmes),
      keys(r.taxa),
      enumOf(r.basis),
      r.changedAt,
    ],
  },
  contributions: {
    statement: 'export/contributionsTable',
    columns: ['aichiTarget', 'aichiTargetNumber', 'activity', 'activityName', 'activityStatus', 'foundation', 'route', 'via', 'steps'],
    cells: (r) => {
      const steps = r.steps as string[];
      return [
        r.target,
        r.targetNumber,
        r.activity,
        r.activityName,
        enumOf(r.status),
        r.foundation,
        routeOf(steps.length, String(r.viaKind)),
        steps.length === 1 ? null : r.via,
        keys(steps),
      ];
    },
  },
  listings: {
    statement: 'export/listingsTable',
    columns: ['taxon', 'scientificName', 'convention', 'appendix', 'since', 'asOf', 'populations', 'annotation', 'basis', 'sources'],
    cells: (r) => [
      r.taxon,
      r.scientificName,
      r.convention,
      r.appendix,
      r.since,
      r.asOf,
      r.populations,
      r.annotation,
      enumOf(r.basis),
      keys(r.citations),
    ],
  },
};
