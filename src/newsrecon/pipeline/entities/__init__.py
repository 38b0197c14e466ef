"""Who is who across outlets: entity mentions, resolution within and across articles, and the
conflicts outlets have about names, acronyms and ranks."""
