"""System checks of the portal's own: `manage.py check --deploy` fails when the security headers
are missing or weakened, or when field encryption is not configured."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

_REQUIRED_DIRECTIVES = ("default-src", "script-src", "style-src", "frame-ancestors", "object-src", "base-uri")
_FORBIDDEN_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:")


@register(Tags.security, deploy=True)
def check_content_security_policy(app_configs, **kwargs):
    errors = []
    policy = getattr(settings, "SECURE_CSP", None) or {}
    middleware = "django.middleware.csp.ContentSecurityPolicyMiddleware"
    if middleware not in settings.MIDDLEWARE:
        errors.append(Error("The Content-Security-Policy middleware is not installed.", id="reconnect.E001"))
    for directive in _REQUIRED_DIRECTIVES:
        if not policy.get(directive):
            errors.append(Error(f"SECURE_CSP has no '{directive}' directive.", id="reconnect.E002"))
    for directive in ("default-src", "script-src", "style-src"):
        weak = [source for source in policy.get(directive, []) if source in _FORBIDDEN_SOURCES]
        if weak:
            errors.append(
                Error(
                    f"SECURE_CSP '{directive}' allows {', '.join(weak)}, which weakens the policy.", id="reconnect.E003"
                )
            )
    if list(policy.get("frame-ancestors", [])) != [CSP.NONE]:
        errors.append(Error("SECURE_CSP 'frame-ancestors' must be 'none'.", id="reconnect.E004"))
    if getattr(settings, "SECURE_CSP_REPORT_ONLY", None) and not policy:
        errors.append(Error("The CSP is only reported, not enforced.", id="reconnect.E005"))
    return errors


@register(Tags.security, deploy=True)
def check_field_encryption(app_configs, **kwargs):
    from reconnect.core.crypto import get_fernet

    if not settings.FIELD_ENCRYPTION_KEYS:
        return [
            Error("FIELD_ENCRYPTION_KEYS is not set; health content cannot be stored encrypted.", id="reconnect.E010")
        ]
    try:
        get_fernet.cache_clear()
        get_fernet()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="reconnect.E011")]
    return []
