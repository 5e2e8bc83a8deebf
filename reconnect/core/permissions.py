"""The one way views check access.

Every view starts with one of these: a decorator that admits a role, or a `get_*_for(user, ...)`
helper that fetches and authorises in one call. An object the user may not see is a 404 (so that
its existence does not leak); an action the user may see but not do is a 403. The URL x role
matrix test (tests/security) holds every route to these rules.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from reconnect.accounts.models import Role, User

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])

PEER_SPACE_ROLES = (Role.MEMBER, Role.MODERATOR)


class SignedInRequest(HttpRequest):
    """The request a view behind `login_required` (or a role decorator) gets: its user is signed in.
    Only for the type checker; Django passes an ordinary HttpRequest."""

    user: User


def public[ViewFunc: Callable[..., HttpResponse]](view: ViewFunc) -> ViewFunc:
    """Mark a view as open to everyone, on purpose."""
    view.access_rule = "public"  # type: ignore[attr-defined]  # a marker on the view function
    return view


def login_required[ViewFunc: Callable[..., HttpResponse]](view: ViewFunc) -> ViewFunc:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapper.access_rule = "login"  # type: ignore[attr-defined]  # a marker on the view function
    return wrapper  # type: ignore[return-value]  # wraps() keeps the signature


def role_required(*roles: str) -> Callable[[ViewFunc], ViewFunc]:
    """Admit signed-in users with one of `roles`; others get 403, anonymous users the login page.

    A role that has no business in a space gets 403 rather than 404: the space itself is no secret,
    only the objects inside it are.
    """
    allowed = frozenset(roles)

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in allowed or not request.user.is_active:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.access_rule = f"roles:{','.join(sorted(allowed))}"  # type: ignore[attr-defined]  # a marker on the view function
        return wrapper  # type: ignore[return-value]  # wraps() keeps the signature

    return decorator


member_required = role_required(Role.MEMBER)
peer_required = role_required(*PEER_SPACE_ROLES)
moderator_required = role_required(Role.MODERATOR, Role.ADMIN)
provider_required = role_required(Role.PROVIDER)
admin_required = role_required(Role.ADMIN)


def is_portal_admin(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff and user.role == Role.ADMIN)


def admin_site_required[ViewFunc: Callable[..., HttpResponse]](view: ViewFunc) -> ViewFunc:
    """For pages inside the Django admin (the usage report): only the portal admin.

    Everyone else, signed in or not, is sent to the admin's sign-in page, as on every admin page.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_portal_admin(request.user):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    wrapper.access_rule = "admin-site"  # type: ignore[attr-defined]  # a marker on the view function
    return wrapper  # type: ignore[return-value]  # wraps() keeps the signature


M = TypeVar("M", bound=Model)


def get_visible_or_404[M: Model](queryset: QuerySet[M], **lookup: Any) -> M:
    """Fetch one object from a queryset already narrowed to what the user may see, or 404.

    Malformed ids (a string where a number belongs) are a 404 too, never a 500.
    """
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def require(condition: bool) -> None:
    """Refuse an action on an object the user can see but may not change (403)."""
    if not condition:
        raise PermissionDenied


def has_role(user: Any, roles: Iterable[str]) -> bool:
    return bool(user.is_authenticated and user.role in set(roles))
