import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")

app = Celery("reconnect")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The daily summary goes out once a day, in the morning, in the portal's time zone.
app.conf.beat_schedule = {
    **app.conf.beat_schedule,
    "notification-digest": {"task": "core.send_daily_digests", "schedule": crontab(hour=7, minute=30)},
}
