// Records which data version the graph holds, in the same transaction as the data.
MERGE (m:GraphMeta {id: 'graph'})
SET m.dataHash = $dataHash, m.loaderVersion = $loaderVersion, m.loadedAt = $loadedAt, m.nodeCount = $nodeCount, m.relationshipCount = $relationshipCount
