"""System checks for sign-in: `manage.py check --deploy` fails when the eID is configured without
its hash key, and any check fails when a role may sign in by no method that is available."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_eid_hash_key(app_configs, **kwargs):
    if settings.EID_ENABLED and len(settings.EID_PID_HASH_KEY) < 32:
        return [
            Error(
                "EID_PID_HASH_KEY must be set (32 characters or more) when the eID is configured: the portal "
                "recognises people by an HMAC of their identity number under this key.",
                id="reconnect.E020",
            )
        ]
    return []


@register(Tags.security)
def check_sign_in_methods(app_configs, **kwargs):
    from reconnect.accounts.signin import allowed_methods

    errors = []
    for role in settings.SIGN_IN_METHODS:
        if not allowed_methods(role):
            errors.append(
                Error(
                    f"SIGN_IN_METHODS_{role.upper()} allows only the eID, which is not configured "
                    "(EID_ISSUER, EID_CLIENT_ID): nobody in this role could sign in.",
                    id="reconnect.E021",
                )
            )
    return errors
