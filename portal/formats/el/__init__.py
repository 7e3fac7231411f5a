"""Greek: month names in the genitive (29 Νοεμβρίου 2026), 24-hour clock."""
