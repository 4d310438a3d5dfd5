"""Dateline settings: one module, read from environment variables with safe defaults.

With nothing set, Dateline runs on SQLite and the local-memory cache with DEBUG off.
DATABASE_URL and REDIS_URL switch to PostgreSQL and Redis.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_pair(name: str) -> tuple[str, str] | None:
    """Two comma-separated values, e.g. "HTTP_X_FORWARDED_PROTO,https"; None when unset."""
    values = env_list(name)
    if not values:
        return None
    if len(values) != 2:
        raise ValueError(f"{name} takes two comma-separated values, got {values!r}")
    return values[0], values[1]


DEBUG = env_bool("DATELINE_DEBUG")
# A fixed key is fine for a local demo; production must set SECRET_KEY (see the system check).
SECRET_KEY = env_str("SECRET_KEY", "dateline-insecure-development-key")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "dateline.newsroom",
    "dateline.public",
    "dateline.directory",
    "dateline.weather",
    "dateline.ops",
    "dateline.wire",
    "dateline.search",
    "dateline.pagecache",
    "dateline.publishing",
    "axes",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a cached page for an anonymous reader skips everything below.
    "dateline.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response Django makes, and stored with a cached page above.
    "dateline.lib.securityheaders.ContentSecurityPolicyMiddleware",
    "dateline.lib.securityheaders.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in refused for too many failures into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dateline" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker write while the site reads.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compiling: the planner's estimates for a search's words can be far off, and a
    # query it thinks costly is compiled first (90 ms added to a 25 ms search at a million
    # articles). Web pages ask short queries; JIT pays off only for long reports.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache that shrugs off an outage (pages render uncached,
            # publishing goes on) and uses Redis again once it answers.
            "BACKEND": "dateline.lib.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "dateline"),
            "TIMEOUT": 300,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "TIMEOUT": 300}
    }

# Wagtail looks up each picture's rendition in the "renditions" cache: in this process's
# memory that is a dictionary lookup (a rendition never changes), where Redis would cost a
# round trip per picture — some thirty on an edition home.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 24 * 3600,
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}

# Background work goes through the database queue; `manage.py worker` runs it (and the
# periodic schedule below). Wagtail's own tasks (search and reference index) use it too.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# dotted path of a django-tasks task: seconds between runs (each also runs at worker start).
PERIODIC_TASKS = {
    "dateline.newsroom.tasks.release_scheduled": 30,
    "dateline.weather.tasks.refresh_weather": 15 * 60,
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Editions: one language each. Django's own catalogue calls Chinese "zh-hans"; the
# edition's URL prefix and content language is plain "zh".
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("be", "Беларуская"),
    ("zh", "中文"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "dateline" / "locale"]
TIME_ZONE = "Europe/Minsk"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# The demo serves uploaded images itself; production lets nginx do it.
SERVE_MEDIA = env_bool("DATELINE_SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env_str(
            "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Dateline")
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# The agency's logo for search engines (schema.org publisher.logo): a URL, or a path on this site.
PUBLISHER_LOGO_URL = env_str("PUBLISHER_LOGO_URL")
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("ru", "Русский")]

EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@dateline.invalid")

# --- Weather (dateline/weather) --------------------------------------------------------------
# The header's weather comes from "metno" (MET Norway: free, credit shown) or "openmeteo"
# (its free host is non-commercial: use the paid host with an API key, or a self-hosted one).
WEATHER_PROVIDER = env_str("WEATHER_PROVIDER", "metno")
# MET Norway blocks anonymous clients: name the application and a contact, e.g.
# "Dateline/0.1 https://agency.example newsroom@agency.example" (see `check --deploy`).
WEATHER_USER_AGENT = env_str("WEATHER_USER_AGENT", "Dateline/0.1")
# Seconds a provider may take to answer, connecting and reading included (not a DNS lookup).
WEATHER_TIMEOUT = float(env_str("WEATHER_TIMEOUT", "5"))
METNO_BASE_URL = env_str("METNO_BASE_URL", "https://api.met.no/weatherapi/locationforecast/2.0")
OPEN_METEO_BASE_URL = env_str("OPEN_METEO_BASE_URL", "https://api.open-meteo.com")
OPEN_METEO_API_KEY = env_str("OPEN_METEO_API_KEY")
# --- end of weather ---------------------------------------------------------------------------

# --- Wire (dateline/wire) ------------------------------------------------------------------
# Absolute links in wire items (pictures, article pages) start with this.
WIRE_BASE_URL = env_str("WIRE_BASE_URL", WAGTAILADMIN_BASE_URL)
# Requests per key per window (seconds) on the partner API; over it, 429 with Retry-After.
WIRE_RATE_LIMIT = env_int("WIRE_RATE_LIMIT", 120)
WIRE_RATE_WINDOW = env_int("WIRE_RATE_WINDOW", 60)
# Refused keys per client address per window (seconds); over it, every key from that address
# is answered 429 until the window ends, so keys cannot be guessed.
WIRE_KEY_REFUSAL_LIMIT = env_int("WIRE_KEY_REFUSAL_LIMIT", 10)
WIRE_KEY_REFUSAL_WINDOW = env_int("WIRE_KEY_REFUSAL_WINDOW", 600)
# Webhook pushes: attempts before giving up, the first retry's delay in seconds (doubling
# after each failure up to the longest), and how long a partner's server may take to answer.
WIRE_PUSH_MAX_ATTEMPTS = env_int("WIRE_PUSH_MAX_ATTEMPTS", 10)
WIRE_PUSH_RETRY_BASE = float(env_str("WIRE_PUSH_RETRY_BASE", "30"))
WIRE_PUSH_RETRY_LONGEST = float(env_str("WIRE_PUSH_RETRY_LONGEST", "3600"))
WIRE_PUSH_TIMEOUT = float(env_str("WIRE_PUSH_TIMEOUT", "10"))
# Pushes go to public internet addresses only; these host names and networks (CIDR, or single
# addresses) are allowed too, for partners on premises: e.g. "cms.partner.lan,10.20.0.0/16".
WIRE_PUSH_ALLOWED_HOSTS = env_list("WIRE_PUSH_ALLOWED_HOSTS")
# --- end of wire -------------------------------------------------------------------------------

# --- Search (dateline/search) ----------------------------------------------------------------
# Wagtail's database search (PostgreSQL full-text or SQLite FTS5), stemming each edition's
# language; `manage.py update_index` rebuilds it.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "dateline.search.backends"}}
# Searches per client (IP address) per window (seconds); over it, 429 with Retry-After.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 30)
SEARCH_RATE_WINDOW = env_int("SEARCH_RATE_WINDOW", 60)
# Behind a proxy, the request header (as in request.META) that holds the client's address,
# e.g. HTTP_X_REAL_IP; empty: the address of the connection.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
# --- end of search -------------------------------------------------------------------------------

# --- Page cache (dateline/pagecache) -----------------------------------------------------------
# Anonymous readers' pages are cached this many seconds (0: off). Publishing invalidates them at
# once; the time only bounds what changes unannounced (the date at midnight, the end of a
# breaking-news banner).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 120)
PAGE_CACHE_ALIAS = "default"
# The parts every page shows (menus, weather, breaking banner, latest articles) are cached this
# long under the same generations (0: computed on every request).
PAGE_PARTS_CACHE_SECONDS = env_int("PAGE_PARTS_CACHE_SECONDS", 60)
# An article's own text, rendered once per published version (dateline/public/article_part.py) and
# cached across the edition's publishes (0: rendered with every page).
ARTICLE_CACHE_SECONDS = env_int("ARTICLE_CACHE_SECONDS", 3600)
# s-maxage for nginx or a CDN in front. They are purged by URL (FRONTEND_CACHE_PURGE_URL) for
# the pages an article is on; blocks elsewhere (Recent news on other articles) may lag this long.
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 60)
# How often each process re-reads the cache generations: a publish in another process is
# seen within this time.
PAGE_CACHE_GENERATION_SECONDS = float(env_str("PAGE_CACHE_GENERATION_SECONDS", "0.25"))
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/api/", "/documents/", "/media/", "/static/")
# nginx (the recipe in docs/production.md) or Varnish accepting PURGE at this address.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
WAGTAILFRONTENDCACHE = (
    {
        "nginx": {
            "BACKEND": "dateline.pagecache.frontends.HTTPPurgeBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    if FRONTEND_CACHE_PURGE_URL
    else {}
)
PAGE_PURGE_MAX_ATTEMPTS = env_int("PAGE_PURGE_MAX_ATTEMPTS", 8)
# --- end of page cache ---------------------------------------------------------------------------

# How long a flash (IPTC urgency 1) or urgent (3) article stays in the breaking-news banner.
BREAKING_NEWS_MINUTES = {
    1: env_int("BREAKING_FLASH_MINUTES", 60),
    3: env_int("BREAKING_URGENT_MINUTES", 30),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Security (docs/production.md, "Security settings") ------------------------------------
# Off by default so `make demo` works over plain http; production behind TLS turns them on.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE")
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE")
# nginx ends TLS and tells Django the scheme: "HTTP_X_FORWARDED_PROTO,https". Only behind a
# proxy that sets the header itself, or a client could claim https.
SECURE_PROXY_SSL_HEADER = env_pair("SECURE_PROXY_SSL_HEADER")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview shows the page in a frame of the admin: same origin, not DENY. CSP's
# frame-ancestors says the same to browsers that read it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Reader pages run no script of ours and load everything from this site; JSON-LD is data, not
# a script. Pictures may be data: URLs (Wagtail's placeholders).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin writes inline scripts (date pickers, inline panels) and styles, shows
# Gravatar pictures and asks releases.wagtail.io for the latest version: added under ADMIN_PATH.
ADMIN_PATH = "/admin/"
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["blob:", "https://www.gravatar.com"],
    "connect-src": ["'self'", "https://releases.wagtail.io"],
}
# Powerful browser features no page of ours uses, and no interest-based ad tracking.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# Sign-in throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user
# from one address, that pair is refused (429) for LOGIN_COOLOFF_MINUTES, even with the right
# password; other users and addresses go on. `manage.py axes_reset` lifts all lockouts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "dateline.public.errors.login_locked_out"
# The client's address as the search limit sees it (CLIENT_IP_HEADER behind a proxy).
AXES_CLIENT_IP_CALLABLE = "dateline.lib.ratelimit.client_address"
# --- end of security -----------------------------------------------------------------------
