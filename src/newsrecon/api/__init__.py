"""Use cases the CLI and a web API call: ingest, analyze, stories, show, eval."""
