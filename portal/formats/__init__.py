"""Date and time formats per language where Django's own (django/conf/locale/*/formats.py) are
not the European ones readers expect: English as "29 November 2026, 09:30" (not "Nov. 29,
2026, 9:30 a.m."), 24-hour clocks everywhere, and the formats Django lacks for Bulgarian,
Estonian, Irish, Arabic and Maltese. Found through FORMAT_MODULE_PATH; every other format
comes from Django. Templates use the named formats only (DATE_FORMAT, TIME_FORMAT,
DATETIME_FORMAT, YEAR_MONTH_FORMAT…), never literal patterns.
"""
