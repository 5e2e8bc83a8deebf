"""The floor for benchmarks/load_pages.py: a Django app with one view and nothing else.

Served by the same gunicorn as the portal (`gunicorn benchmarks.bare_app:application`), it shows
what Django and gunicorn cost on this machine, so the portal's pages can be given as a share of it.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bare-floor-benchmark-only",  # noqa: S106
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )
    django.setup()


def hello(request):
    return HttpResponse("<!DOCTYPE html><title>floor</title><p>Hello.</p>")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
