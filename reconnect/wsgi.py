import os

from django.core.wsgi import get_wsgi_application

from reconnect.core.wsgi import whole_bodies_only

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reconnect.settings")
application = whole_bodies_only(get_wsgi_application())
