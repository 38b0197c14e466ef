"""newsrecon: reconcile news reports across outlets, with every finding pointing at its evidence."""

from newsrecon.version import PIPELINE_VERSION, __version__

__all__ = ["PIPELINE_VERSION", "__version__"]
