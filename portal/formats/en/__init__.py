"""English (European): day before month, 24-hour clock."""
