"""Who said what: attributions (source, cue, content) in each article, and the same
statement grouped across outlets."""
