"""Arabic: 24-hour clock, as in the European countries the portal serves."""
