// Indexes fill asynchronously; the loader waits so the API never serves a half-built search index.
CALL db.awaitIndexes(300)
