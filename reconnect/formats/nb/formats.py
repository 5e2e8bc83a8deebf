# One date style for Norwegian pages: "3. des. 2026", "3. des. 2026, 14:00", "tor 3. des.".
DATE_FORMAT = "j. N Y"
DATETIME_FORMAT = "j. N Y, H:i"
MONTH_DAY_FORMAT = "D j. N"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
