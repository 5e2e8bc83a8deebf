# One date style for English pages: "3 Dec 2026", "3 Dec 2026, 14:00", "Thu 3 Dec".
DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "D j M"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
