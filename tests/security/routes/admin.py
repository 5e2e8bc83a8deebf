"""One rule for every admin URL, computed from the admin's own registry.

Only the portal admin reaches the Django admin; everyone else (signed in or not) is sent to the
admin login, which goes through allauth. For the admin, each model's pages answer as that model's
ModelAdmin permits: 200 where allowed, 403 where the admin forbids adding, changing or deleting
(the append-only access log, people who are deactivated rather than deleted).
"""

import importlib
import pkgutil
from functools import cache

from django.contrib import admin
from django.db import models
from django.test import RequestFactory

from tests.security import routes as routes_package
from tests.security.matrix import ADMIN_LOGIN, FORBIDDEN, OK, ROLES, Redirect, Route

NOT_ADMIN = {role: ADMIN_LOGIN for role in ROLES if role != "admin"}


def _merged(attribute: str) -> dict:
    """One dict from the same-named dicts of every routes file."""
    merged: dict = {}
    for module_info in pkgutil.iter_modules(routes_package.__path__):
        module = importlib.import_module(f"{routes_package.__name__}.{module_info.name}")
        merged.update(getattr(module, attribute, {}))
    return merged


def _samples() -> dict[str, object]:
    """Makers of one object per admin model the world does not already hold, from every routes file."""
    return _merged("ADMIN_SAMPLES")


def _first_object_path(model: type[models.Model], suffix: str):
    def path(world):
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            maker = _samples().get(model._meta.label_lower)
            assert maker is not None, (
                f"Add an ADMIN_SAMPLES entry for {model._meta.label_lower} in tests/security/routes/"
            )
            obj = maker(world)
        return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{obj.pk}/{suffix}"

    return path


@cache
def admin_routes() -> dict[str, Route]:
    request = RequestFactory().get("/admin/")

    class _Superuser:
        is_active = True
        is_staff = True
        is_superuser = True

        def has_perm(self, perm, obj=None):
            return True

    request.user = _Superuser()
    result: dict[str, Route] = {
        "admin:index": Route("/admin/", {**NOT_ADMIN, "admin": OK}),
        # The admin login is allauth's: visitors go there; signed-in people without the admin role are refused.
        "admin:login": Route(
            "/admin/login/",
            {
                **dict.fromkeys(ROLES, FORBIDDEN),
                "anonymous": Redirect("/accounts/login/"),
                "admin": Redirect("/admin/"),
            },
        ),
        # Signing out through the admin works for anyone signed in, and is harmless for visitors.
        "admin:logout": Route(
            "/admin/logout/", {**{role: Redirect("/admin/") for role in ROLES}, "admin": OK}, method="post"
        ),
        "admin:password_change": Route("/admin/password_change/", {**NOT_ADMIN, "admin": OK}),
        "admin:password_change_done": Route("/admin/password_change/done/", {**NOT_ADMIN, "admin": OK}),
        "admin:jsi18n": Route("/admin/jsi18n/", {**NOT_ADMIN, "admin": OK}),
        "admin:autocomplete": Route("/admin/autocomplete/", {**NOT_ADMIN, "admin": FORBIDDEN}),
        # A content type and object that do not exist: 404 for the admin.
        "admin/(?P<url>.*)$": Route("/admin/no-such-page/", {**NOT_ADMIN, "admin": 404}),
        "admin:view_on_site": Route("/admin/r/999999/1/", {**NOT_ADMIN, "admin": 404}),
    }
    app_labels = set()
    for model, model_admin in admin.site._registry.items():
        label, name = model._meta.app_label, model._meta.model_name
        app_labels.add(label)
        base = f"/admin/{label}/{name}/"
        if f"{label}_{name}_add" not in {pattern.name for pattern in model_admin.get_urls()}:
            # A page of its own in the admin (the usage report): its routes file lists its URLs.
            result[f"admin:{label}_{name}_changelist"] = Route(base, {**NOT_ADMIN, "admin": OK})
            continue
        can_add = model_admin.has_add_permission(request)
        can_delete = model_admin.has_delete_permission(request)
        result[f"admin:{label}_{name}_changelist"] = Route(base, {**NOT_ADMIN, "admin": OK})
        result[f"admin:{label}_{name}_add"] = Route(base + "add/", {**NOT_ADMIN, "admin": OK if can_add else FORBIDDEN})
        result[f"admin:{label}_{name}_history"] = Route(
            _first_object_path(model, "history/"), {**NOT_ADMIN, "admin": OK}
        )
        result[f"admin:{label}_{name}_delete"] = Route(
            _first_object_path(model, "delete/"), {**NOT_ADMIN, "admin": OK if can_delete else FORBIDDEN}
        )
        result[f"admin:{label}_{name}_change"] = Route(_first_object_path(model, "change/"), {**NOT_ADMIN, "admin": OK})
        # The old-style object URL (no name) redirects to the change page.
        result[f"admin/{label}/{name}/<path:object_id>/"] = Route(
            _first_object_path(model, ""), {**NOT_ADMIN, "admin": Redirect(base)}
        )
        # Extra URLs some ModelAdmins add (the user admin's password form).
        for pattern in model_admin.get_urls():
            full = f"admin:{pattern.name}" if pattern.name else None
            if full and full not in result and "password" in (pattern.name or ""):
                result[full] = Route(_first_object_path(model, "password/"), {**NOT_ADMIN, "admin": OK})
    # One URL pattern serves every app's page; each app's page is checked.
    result["admin:app_list"] = Route("/admin/accounts/", {**NOT_ADMIN, "admin": OK})
    for label in sorted(app_labels):
        result[f"admin:app_list:{label}"] = Route(f"/admin/{label}/", {**NOT_ADMIN, "admin": OK})
    # Admin URLs a ModelAdmin adds beyond the standard ones, from the routes files' ADMIN_ROUTES.
    result.update(_merged("ADMIN_ROUTES"))
    return result
