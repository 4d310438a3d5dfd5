import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings")
django_application = get_wsgi_application()

from dateline.pagecache.wsgi import CachedPagesApp  # noqa: E402 (needs Django set up)

# Cached pages for anonymous readers are answered before Django (dateline/pagecache/wsgi.py).
application = CachedPagesApp(django_application)
