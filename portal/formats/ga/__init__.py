"""Irish: the formats Django lacks."""
