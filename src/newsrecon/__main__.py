"""``python -m newsrecon`` behaves as the ``newsrecon`` command."""

from newsrecon.cli.main import run

run()
