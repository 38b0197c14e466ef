"""The published dossier model (JSON Schema) and its renderings (JSON, Markdown, HTML).

Renderers read only :class:`newsrecon.report.schema.Document`; nothing here imports the
pipeline or the store.
"""
