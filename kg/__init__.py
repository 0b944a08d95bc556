"""Claim graph: news articles to a validated RDF graph of who asserts or denies what."""
