"""Corpus loaders in the published layouts, metrics, and the eval use cases' scoring."""
