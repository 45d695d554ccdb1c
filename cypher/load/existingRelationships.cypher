// What the graph holds before a load: every relationship's key, element id and content hash.
MATCH (:Entity)-[r]->(:Entity)
RETURN r.id AS id, elementId(r) AS eid, r.contentHash AS hash
