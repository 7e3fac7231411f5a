"""Bulgarian: the formats Django lacks."""
