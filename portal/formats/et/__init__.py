"""Estonian: the formats Django lacks."""
