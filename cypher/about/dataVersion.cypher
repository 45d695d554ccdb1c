// The hash of the data files last loaded (written by the loader in the same transaction as the data).
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
RETURN m.dataHash AS dataHash, m.loadedAt AS loadedAt, m.loaderVersion AS loaderVersion
