"""The URL x role matrix: the vocabulary that per-app route files use.

Each file in tests/security/routes/ exports ROUTES: a dict from URL name (as `reverse` knows it,
for example "accounts:profile" or "account_login") to a Route. A URL pattern of the project with
no Route fails the suite, so every new URL must say who may reach it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("anonymous", "member", "other_member", "moderator", "provider", "other_provider", "admin")


@dataclass(frozen=True)
class Redirect:
    """A redirect whose target starts with `to` (the login page, the re-authentication page...)."""

    to: str
    status: int = 302

    def __str__(self) -> str:
        return f"redirect to {self.to}"


LOGIN = Redirect("/accounts/login/")
REAUTH = Redirect("/accounts/reauthenticate/")
ADMIN_LOGIN = Redirect("/admin/login/")
HOME = Redirect("/")
OK = 200
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405

Expectation = int | Redirect | tuple


@dataclass(frozen=True)
class Route:
    """How to call one URL and what each role gets.

    `path` is a string or a function of the world (to create the object the URL points at).
    `expect` maps every role in ROLES to an int status or a Redirect.
    """

    path: str | Callable[[Any], str]
    expect: dict[str, Expectation]
    method: str = "get"
    data: dict | Callable[[Any], dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = set(ROLES) - set(self.expect)
        extra = set(self.expect) - set(ROLES)
        if missing or extra:
            raise ValueError(
                f"Route {self.path!r} must give exactly the roles {ROLES}; missing {missing}, extra {extra}"
            )


def roles(
    *,
    anonymous: Expectation,
    member: Expectation,
    other_member: Expectation | None = None,
    moderator: Expectation,
    provider: Expectation,
    other_provider: Expectation | None = None,
    admin: Expectation,
) -> dict[str, Expectation]:
    """Expectations per role; `other_*` default to the same as their counterpart."""
    return {
        "anonymous": anonymous,
        "member": member,
        "other_member": member if other_member is None else other_member,
        "moderator": moderator,
        "provider": provider,
        "other_provider": provider if other_provider is None else other_provider,
        "admin": admin,
    }


def everyone(expectation: Expectation, *, anonymous: Expectation | None = None) -> dict[str, Expectation]:
    return {role: (anonymous if role == "anonymous" and anonymous is not None else expectation) for role in ROLES}


def only(
    allowed: Expectation, *who: str, others: Expectation = FORBIDDEN, anonymous: Expectation = LOGIN
) -> dict[str, Expectation]:
    """`allowed` for the roles in `who`, `others` for everyone else signed in, `anonymous` for visitors."""
    result: dict[str, Expectation] = {}
    for role in ROLES:
        if role == "anonymous":
            result[role] = anonymous
        else:
            result[role] = allowed if role in who else others
    return result


def post_only(**kwargs: Any) -> Route:
    """A POST-only URL called with GET: 405 for every role."""
    return Route(method="get", expect=everyone(NOT_ALLOWED), **kwargs)
