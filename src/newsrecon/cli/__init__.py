"""Command line (Typer + Rich). Turns every NewsreconError into one line and an exit code."""
