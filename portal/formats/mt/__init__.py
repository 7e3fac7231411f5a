"""Maltese (Django has none): the CLDR formats (29 ta’ Novembru 2026, 09:30)."""
