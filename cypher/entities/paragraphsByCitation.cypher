// The paragraph each of a batch of citations ("<document>#<locator>") names, through the
// paragraph_document_locator index.
UNWIND $citations AS citation
WITH citation, split(citation, '#') AS parts
MATCH (p:Paragraph {document: parts[0], locator: parts[1]})
RETURN citation, properties(p) AS node
