/**
 * A DataLoader whose keys carry options (direction, filters, limit) besides the id: keys with the same
 * options are fetched together, so a batch is one round trip per distinct option set, never per id.
 */
import DataLoader from 'dataloader';

export function groupedLoader<Options, Value>(
  fetch: (ids: string[], options: Options) => Promise<Map<string, Value>>,
  empty: () => Value,
): DataLoader<{ id: string; options: Options }, Value, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { options: Options; ids: Set<string> }>();
      for (const key of keys) {
        const group = JSON.stringify(key.options);
        const entry = groups.get(group) ?? { options: key.options, ids: new Set<string>() };
        entry.ids.add(key.id);
        groups.set(group, entry);
      }
      const results = new Map<string, Map<string, Value>>();
      await Promise.all([...groups].map(async ([group, { options, ids }]) => results.set(group, await fetch([...ids], options))));
      return keys.map((key) => results.get(JSON.stringify(key.options))!.get(key.id) ?? empty());
    },
    { cacheKeyFn: (key) => `${key.id}\u0000${JSON.stringify(key.options)}` },
  );
}
