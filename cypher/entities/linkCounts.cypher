// How many links each of a batch of entities has (the links $choice means, as links.cypher reads them):
// the totalCount of a relationship field's connection, and where its last page starts.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH id, n, $choice AS choice
RETURN id, COUNT {
  MATCH (n)-[r]-(m:Entity)
  WHERE {{linkOfChoice}}
} AS total
