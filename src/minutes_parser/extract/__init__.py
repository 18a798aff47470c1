"""Extraction of facts from classified paragraphs: owners, due dates, follow-ups."""
