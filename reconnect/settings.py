"""ReConnect settings: one module, configured only through environment variables (12-factor).

Without DATABASE_URL and REDIS_URL the portal runs on embedded defaults (a SQLite file and a
filesystem Celery broker) so that it starts on a machine with nothing but Python.
"""

import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from reconnect.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(envstr("RECONNECT_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", False)
# pytest sets this on its own, so that the suite needs no environment of its own.
TESTING = envbool("RECONNECT_TESTING", False) or "pytest" in sys.modules

SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-only-for-debug-and-tests-0123456789"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value (or SECRET_KEY_FILE to a file holding one), "
            "or set DEBUG=true for local development."
        )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG or TESTING else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "reconnect.core",
    "reconnect.accounts",
    "forum",
    "moderation",
    "messaging",
    "toolbox",
    "cafes",
    "reports",
    "reconnect.privacy",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "allauth.socialaccount",
    # allauth's OpenID Connect provider, replaced by the portal's subclass (reconnect.accounts.eid).
    "allauth.socialaccount.providers.openid_connect",
    "crispy_forms",
    "crispy_bootstrap5",
]

MIDDLEWARE = [
    "reconnect.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # In place of allauth's UserSessionsMiddleware: the same tracking, written at most once a minute.
    "reconnect.core.middleware.SessionActivityMiddleware",
    "reconnect.core.middleware.RejectUnusableTextMiddleware",
    "reconnect.core.middleware.PortalGateMiddleware",
    "reconnect.core.middleware.NoStoreForPrivatePagesMiddleware",
    "reconnect.accounts.middleware.ClearSiteDataOnSignOutMiddleware",
]

ROOT_URLCONF = "reconnect.urls"
WSGI_APPLICATION = "reconnect.wsgi.application"
ASGI_APPLICATION = "reconnect.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Django's own choice (cached, files then apps), with the HTML's indentation dropped
            # once as a template is loaded (reconnect.core.template_loaders).
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "reconnect.core.template_loaders.FilesystemLoader",
                        "reconnect.core.template_loaders.AppDirectoriesLoader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reconnect.core.context_processors.portal",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
# Two roles on PostgreSQL: DATABASE_URL is the least-privilege application role every web and worker
# process uses; MIGRATE_DATABASE_URL is the owner role that `migrate` (and the retention cut-off,
# through a function it owns) runs as. Without MIGRATE_DATABASE_URL one role does both.
DATABASE_URL = envstr("DATABASE_URL")
MIGRATE_DATABASE_URL = envstr("MIGRATE_DATABASE_URL")
DATABASE_OWNER: dict | None = None
if MIGRATE_DATABASE_URL and not DATABASE_URL:
    raise ImproperlyConfigured("MIGRATE_DATABASE_URL is set but DATABASE_URL is not: set both, or neither.")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60))}
    if MIGRATE_DATABASE_URL:
        DATABASE_OWNER = dict(dj_database_url.parse(MIGRATE_DATABASE_URL))
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "reconnect.sqlite3"),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and broker -----------------------------------------------------------------------------
REDIS_URL = envstr("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "reconnect.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": envstr("CACHE_KEY_PREFIX", "reconnect"),
        }
    }
else:
    # allauth's rate limits need a cache shared by every process; the database cache is that
    # on the embedded default (created by `manage.py createcachetable`).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "reconnect_cache"}}

CELERY_BROKER_URL = envstr("CELERY_BROKER_URL", REDIS_URL or "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    # Every process that sends a task needs the folders (seed_demo runs before any worker).
    for _folder in ("queue", "control"):
        (_broker_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Only one beat sends, however many run; it writes the heartbeat /healthz reports (reconnect.core.beat).
CELERY_BEAT_SCHEDULER = "reconnect.core.beat:LockedScheduler"
CELERY_TIMEZONE = envstr("TIME_ZONE", "Europe/Oslo")
# Each app adds its periodic tasks to the beat schedule in its apps.py, the daily digest in
# reconnect/celery.py (beat runs once, in its own process).
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}

# --- Email ----------------------------------------------------------------------------------------
EMAIL_URL = envstr("EMAIL_URL")
if EMAIL_URL.startswith(("smtp://", "smtp+tls://", "smtps://")):
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    _mailer: dict[str, object] = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _email.hostname or "localhost",
            "port": _email.port or 25,
            "username": unquote(_email.username or ""),
            "password": unquote(_email.password or ""),
            "use_tls": _email.scheme == "smtp+tls",
            "use_ssl": _email.scheme == "smtps",
            "timeout": 20,
        },
    }
elif EMAIL_URL.startswith("file://"):
    _mailer = {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": EMAIL_URL.removeprefix("file://")},
    }
elif EMAIL_URL in ("", "console://"):
    _mailer = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
else:
    raise ImproperlyConfigured(
        f"EMAIL_URL must start with smtp://, smtp+tls://, smtps://, file:// or console://, not {EMAIL_URL!r}."
    )
MAILERS = {"default": _mailer}
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "ReConnect <no-reply@reconnect.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Authentication (allauth) ---------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "reconnect.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_FORMS = {"signup": "reconnect.accounts.forms.InvitationSignupForm"}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = envint("REAUTHENTICATION_TIMEOUT", 300, minimum=30)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "ReConnect: "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    # /provider/invite/: per provider, and per invited address (whoever sends).
    "provider_invite": "20/h/user,3/d/key",
}
MFA_ADAPTER = "reconnect.accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "ReConnect"
# Accept the code of the 30-second window before and after the current one (RFC 6238 allows for
# this): a code typed as its window ends, or on a phone whose clock is a little off, still works.
# A code is still accepted only once.
MFA_TOTP_TOLERANCE = 1
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# "Sign in with a passkey" on the sign-in page: a passkey is a password and a second factor in one.
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_FORMS = {"add_webauthn": "reconnect.accounts.passkeys.AddPasskeyForm"}
USERSESSIONS_TRACK_ACTIVITY = True

# --- National eID (OpenID Connect; ID-porten or another provider) ---------------------------------
# Off unless EID_ISSUER and EID_CLIENT_ID are set. The portal keeps no identity number, only an HMAC
# of it under EID_PID_HASH_KEY (required when the eID is on: `check --deploy` fails without it).
from reconnect.accounts.eid.config import TOKEN_AUTH_METHODS, allauth_providers, eid_app, origin_of  # noqa: E402

EID_ISSUER = envstr("EID_ISSUER").rstrip("/")
EID_CLIENT_ID = envstr("EID_CLIENT_ID")
EID_ENABLED = bool(EID_ISSUER and EID_CLIENT_ID)
EID_PID_HASH_KEY = envstr("EID_PID_HASH_KEY")
EID_TOKEN_AUTH_METHOD = envstr("EID_TOKEN_AUTH_METHOD")
if EID_TOKEN_AUTH_METHOD and EID_TOKEN_AUTH_METHOD not in TOKEN_AUTH_METHODS:
    raise ImproperlyConfigured(
        f"EID_TOKEN_AUTH_METHOD must be one of {', '.join(TOKEN_AUTH_METHODS)}, not {EID_TOKEN_AUTH_METHOD!r}."
    )
SOCIALACCOUNT_PROVIDERS = allauth_providers(
    eid_app(
        issuer=EID_ISSUER,
        client_id=EID_CLIENT_ID,
        client_secret=envstr("EID_CLIENT_SECRET"),
        private_key=envstr("EID_PRIVATE_KEY"),
        private_key_id=envstr("EID_PRIVATE_KEY_ID"),
        token_auth_method=EID_TOKEN_AUTH_METHOD,
        acr=envstr("EID_ACR", "idporten-loa-high"),
        scopes=envlist("EID_SCOPES", ["openid", "profile"]),
        pid_claim=envstr("EID_PID_CLAIM", "pid"),
        name=envstr("EID_NAME", "eID"),
    )
    if EID_ENABLED
    else None
)
SOCIALACCOUNT_ADAPTER = "reconnect.accounts.eid.adapter.EidAccountAdapter"
# An eID account joins a person only through their invitation or their own linking from /me/,
# never through a matching email address.
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_REQUIRED = False
SOCIALACCOUNT_QUERY_EMAIL = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = envint("EID_TIMEOUT_SECONDS", 5, minimum=1)

# Which ways of signing in each role may use: any of `eid`, `passkey`, `password`.
SIGN_IN_METHOD_CHOICES = ("eid", "passkey", "password")
SIGN_IN_METHODS: dict[str, frozenset[str]] = {}
for _role in ("member", "moderator", "provider", "admin"):
    _methods = envlist(f"SIGN_IN_METHODS_{_role.upper()}", list(SIGN_IN_METHOD_CHOICES))
    _unknown = sorted(set(_methods) - set(SIGN_IN_METHOD_CHOICES))
    if _unknown or not _methods:
        raise ImproperlyConfigured(
            f"SIGN_IN_METHODS_{_role.upper()} must list one or more of {', '.join(SIGN_IN_METHOD_CHOICES)}"
            f"{'; unknown: ' + ', '.join(_unknown) if _unknown else ''}."
        )
    SIGN_IN_METHODS[_role] = frozenset(_methods)

# Sessions end after inactivity and when the browser closes. Activity renews the idle timer at
# most once every SESSION_ACTIVITY_REFRESH_SECONDS (reconnect.core.middleware.SessionActivityMiddleware),
# so that reading a page writes nothing; a session then ends after between
# SESSION_IDLE_MINUTES minus that interval and SESSION_IDLE_MINUTES of inactivity.
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_ACTIVITY_REFRESH_SECONDS = min(
    envint("SESSION_ACTIVITY_REFRESH_SECONDS", 60, minimum=1), SESSION_COOKIE_AGE // 2
)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# With Redis, a session is read from the cache (and written to both): no query to load it.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

# --- Security headers -----------------------------------------------------------------------------
# Signing in and out sends a form on to the eID (its authorisation and end-session endpoints):
# the Content-Security-Policy's form-action must allow its origins. The issuer's origin by
# default; add others when the endpoints live elsewhere (ID-porten: https://login.idporten.no).
EID_FORM_ACTION_ORIGINS = envlist("EID_FORM_ACTION_ORIGINS", [origin_of(EID_ISSUER)] if EID_ENABLED else [])
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # The service worker that keeps the crisis plan offline, and the web app manifest: own origin only.
    "worker-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "form-action": [CSP.SELF, *EID_FORM_ACTION_ORIGINS],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
_behind_tls = envbool("HTTPS", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = _behind_tls
CSRF_COOKIE_SECURE = _behind_tls
LANGUAGE_COOKIE_SECURE = _behind_tls
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", _behind_tls)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if _behind_tls else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _behind_tls
SECURE_HSTS_PRELOAD = _behind_tls
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if envbool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Field encryption -----------------------------------------------------------------------------
# Comma-separated Fernet keys, newest first. Debug and test runs derive one from SECRET_KEY;
# production refuses to start without them (see reconnect.core.crypto).
FIELD_ENCRYPTION_KEYS = envlist("FIELD_ENCRYPTION_KEYS")

# --- Internationalisation -------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nb", _("Norwegian Bokmål"))]
# One date style per language (templates use the named formats: DATE_FORMAT, DATETIME_FORMAT...).
FORMAT_MODULE_PATH = ["reconnect.formats"]
# The portal's own catalogue, then its overrides of allauth's texts (one term for two-factor sign-in).
LOCALE_PATHS = [BASE_DIR / "reconnect" / "locale", BASE_DIR / "reconnect" / "allauth_locale"]
TIME_ZONE = envstr("TIME_ZONE", "Europe/Oslo")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(VAR_DIR / "media")))
# Private files (attachments, exports) live encrypted in the database (reconnect.core.files), so
# every process on every host sees them; views stream them after a permission check. The folder
# is only where `manage.py move_private_files` finds files written by earlier versions.
PRIVATE_STORAGE_ROOT = Path(envstr("PRIVATE_STORAGE_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "reconnect.core.files.DatabaseStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# One JSON object per line on stderr (reconnect.core.logs); LOG_FORMAT=text for reading by eye.
LOG_FORMAT = envstr("LOG_FORMAT", "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "reconnect.core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Django's own "GET /path" lines of runserver; the portal logs each request itself.
        "django.server": {"level": "WARNING"},
        # gunicorn's error log through the same formatter (its access log is off: see gunicorn.conf.py).
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
# Celery workers and beat log through LOGGING too, instead of their own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# --- Portal behaviour -----------------------------------------------------------------------------
INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", 14, minimum=1)
# A new member's first posts wait for a moderator; crisis posts are published and flagged unless
# the portal chooses to hold them too.
MODERATION_HOLD_FIRST_POSTS = envint("MODERATION_HOLD_FIRST_POSTS", 2, minimum=0)
MODERATION_CRISIS_HOLDS = envbool("MODERATION_CRISIS_HOLDS", False)
# A crisis item nobody has claimed after this many minutes is escalated to the admins and the
# escalation contacts (once per item), by a beat task that looks every ..._CHECK_SECONDS.
MODERATION_CRISIS_ESCALATE_MINUTES = envint("MODERATION_CRISIS_ESCALATE_MINUTES", 15, minimum=1)
MODERATION_ESCALATION_CHECK_SECONDS = envint("MODERATION_ESCALATION_CHECK_SECONDS", 60, minimum=1)
# Café reminders: beat claims due ones in batches of ..._BATCH_SIZE (one send task each, over one
# mail connection), a task commits its bookkeeping every ..._CHUNK_SIZE reminders, and a claimed
# reminder not sent within ..._LEASE_SECONDS is claimed again (its worker is presumed lost).
CAFES_REMINDER_BATCH_SIZE = envint("CAFES_REMINDER_BATCH_SIZE", 500, minimum=1)
CAFES_REMINDER_CHUNK_SIZE = envint("CAFES_REMINDER_CHUNK_SIZE", 50, minimum=1)
CAFES_REMINDER_LEASE_SECONDS = envint("CAFES_REMINDER_LEASE_SECONDS", 300, minimum=1)
# The usage report shows counts below this as "fewer than N" in its monthly and per-community
# breakdowns, so that small communities cannot be re-identified.
REPORTS_SMALL_CELL_THRESHOLD = envint("REPORTS_SMALL_CELL_THRESHOLD", 5, minimum=1)
# The forum: how long an author may edit a post, and how many posts, support reactions and other
# actions (mutes and blocks, reveals, circles) one person may make in five minutes: generous for people,
# tight for scripts and stuck buttons.
FORUM_EDIT_WINDOW = timedelta(minutes=envint("FORUM_EDIT_WINDOW_MINUTES", 30, minimum=1))
FORUM_RATE_WINDOW_SECONDS = 300
FORUM_RATE_LIMITS: dict[str, tuple[int, int]] = {
    "post": (envint("FORUM_POSTS_PER_5_MINUTES", 10, minimum=1), FORUM_RATE_WINDOW_SECONDS),
    "react": (envint("FORUM_REACTIONS_PER_5_MINUTES", 60, minimum=1), FORUM_RATE_WINDOW_SECONDS),
    "action": (envint("FORUM_ACTIONS_PER_5_MINUTES", 30, minimum=1), FORUM_RATE_WINDOW_SECONDS),
}

# --- Privacy and data rights (see README, "Privacy and your data") ------------------------------
# Messages between a member and their providers may belong to the health record. When a member
# deletes their account, their conversations are kept (anonymised, still encrypted) for this many
# days and then removed by `manage.py apply_retention`; 0 removes them with the account.
PRIVACY_MESSAGES_KEPT_DAYS = envint("MESSAGES_KEPT_DAYS", 3650, minimum=0)
# Access-log lines older than this are removed by `apply_retention`; 0 keeps them for ever.
PRIVACY_ACCESS_LOG_KEPT_DAYS = envint("ACCESS_LOG_KEPT_DAYS", 1825, minimum=0)
# How long a prepared data export can be downloaded.
PRIVACY_EXPORT_VALID_HOURS = envint("EXPORT_VALID_HOURS", 72, minimum=1)
# A member with fewer forum posts than this has them removed outright when the account is
# deleted (a handful of posts under a new name is easy to recognise).
PRIVACY_FEW_POSTS = envint("ERASURE_FEW_POSTS", 3, minimum=0)
