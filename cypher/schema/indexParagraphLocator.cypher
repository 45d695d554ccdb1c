// Citation.paragraph finds the paragraph a citation names by document and locator.
CREATE INDEX paragraph_document_locator IF NOT EXISTS FOR (p:Paragraph) ON (p.document, p.locator)
