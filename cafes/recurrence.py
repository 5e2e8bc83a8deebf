"""The small explicit recurrence rules of café series: the nth (or last) weekday of every month,
or every week, at a wall-clock time in the portal's time zone (Europe/Oslo).

Times are built with zoneinfo from the local date and time, so 18:00 stays 18:00 for the people
coming whether it is summer or winter time; the UTC instant moves by an hour across a change.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

MAX_MEETINGS = 60


def portal_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Rule:
    frequency: str  # "monthly" or "weekly"
    weekday: int  # 0 = Monday
    start_time: time
    first_date: date
    last_date: date
    nth: int | None = None  # 1..5, or -1 for the last one of the month

    def dates(self) -> list[date]:
        if self.last_date < self.first_date:
            return []
        if self.frequency == "weekly":
            return self._weekly()
        return self._monthly()

    def _weekly(self) -> list[date]:
        day = self.first_date + timedelta(days=(self.weekday - self.first_date.weekday()) % 7)
        result: list[date] = []
        while day <= self.last_date and len(result) < MAX_MEETINGS:
            result.append(day)
            day += timedelta(days=7)
        return result

    def _monthly(self) -> list[date]:
        result: list[date] = []
        year, month = self.first_date.year, self.first_date.month
        while date(year, month, 1) <= self.last_date and len(result) < MAX_MEETINGS:
            day = nth_weekday(year, month, self.weekday, self.nth or 1)
            if day is not None and self.first_date <= day <= self.last_date:
                result.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def starts(self) -> list[datetime]:
        """The aware start of each meeting, in the portal's time zone."""
        zone = portal_zone()
        return [datetime.combine(day, self.start_time, tzinfo=zone) for day in self.dates()]


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth `weekday` of a month (nth=-1: the last), or None when the month has no such day."""
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    if nth == -1:
        return date(year, month, days[-1])
    if nth > len(days):
        return None
    return date(year, month, days[nth - 1])
