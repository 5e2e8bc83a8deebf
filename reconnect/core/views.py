from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from reconnect.accounts.models import Invitation, Role, User
from reconnect.core import home as home_cards
from reconnect.core import services
from reconnect.core.beat import beat_state
from reconnect.core.models import ContentPage, Notification
from reconnect.core.permissions import SignedInRequest, get_visible_or_404, login_required, public


@public
def home(request: HttpRequest) -> HttpResponse:
    """The person's day: cards that apps register per role (reconnect.core.home), one query each."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "core/home_anonymous.html")
    context: dict[str, object] = {"cards": home_cards.cards_for(user)}
    if user.role == Role.MEMBER:
        template = "core/home_member.html"
    elif user.role == Role.MODERATOR:
        template = "core/home_moderator.html"
    elif user.role == Role.PROVIDER:
        template = "core/home_provider.html"
    else:
        context["portal_state"] = _portal_state()
        context["recent_notifications"] = Notification.objects.for_user(user)[:5]
        template = "core/home_admin.html"
    return render(request, template, context)


def _portal_state() -> dict[str, int]:
    """Active people per role, and invitations still open."""
    state = User.objects.filter(is_active=True).aggregate(
        members=Count("pk", filter=Q(role=Role.MEMBER)),
        moderators=Count("pk", filter=Q(role=Role.MODERATOR)),
        providers=Count("pk", filter=Q(role=Role.PROVIDER)),
    )
    state["open_invitations"] = Invitation.objects.usable().count()
    return state


def _broker_ok() -> bool:
    from reconnect.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # noqa: BLE001 - any failure to reach the broker means "down"
        return False
    return True


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure to reach the database means "down"
        return False
    return True


@public
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database_ok()
    broker = _broker_ok()
    healthy = database and broker
    # A late beat is reported but does not make this web process unhealthy: a load balancer must
    # not take the web out of service because the scheduler stopped (its own check does that).
    beat, beat_age = _beat_state()
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if database else "down",
            "broker": "ok" if broker else "down",
            "beat": beat,
            "beat_seconds_ago": beat_age,
        },
        status=200 if healthy else 503,
    )


def _beat_state() -> tuple[str, float | None]:
    try:
        return beat_state()
    except Exception:  # noqa: BLE001 - the cache is down: beat's state is unknown, not an error page
        return "unknown", None


@login_required
def notification_list(request: SignedInRequest) -> HttpResponse:
    page = Paginator(Notification.objects.for_user(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "core/notifications.html", {"page": page})


@require_POST
@login_required
def notification_open(request: SignedInRequest, pk: int) -> HttpResponse:
    note = get_visible_or_404(Notification.objects.for_user(request.user), pk=pk)
    services.mark_read(notification=note)
    target = note.url or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@require_POST
@login_required
def notification_read_all(request: SignedInRequest) -> HttpResponse:
    services.mark_all_read(user=request.user)
    return redirect("core:notifications")


@public
def content_page(request: HttpRequest, slug: str) -> HttpResponse:
    language = (get_language() or "en").split("-")[0]
    pages = {p.language: p for p in ContentPage.objects.filter(slug=slug, published=True)}
    page = pages.get(language) or pages.get("en") or next(iter(pages.values()), None)
    if page is None:
        raise Http404
    return render(request, "core/content_page.html", {"page": page})


# --- Installable portal and the offline crisis plan -------------------------------------------------
# The worker is served from the site's root so that its scope covers the crisis plan page; it is
# a file of static/ (no template), read once per process.
_SERVICE_WORKER = finders.find("sw.js")


@public
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    if _SERVICE_WORKER is None:
        raise Http404
    with open(_SERVICE_WORKER, encoding="utf-8") as source:
        response = HttpResponse(source.read(), content_type="text/javascript; charset=utf-8")
    # The browser checks for a new worker on each visit; no copy of the script may go stale.
    response.headers["Cache-Control"] = "no-cache"
    return response


THEME_COLOUR = "#1d5c63"


@public
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: ReConnect can be added to the home screen of a phone."""
    icons = [
        {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
        for size in (192, 512)
        for purpose in ("any", "maskable")
    ]
    data = {
        "name": "ReConnect",
        "short_name": "ReConnect",
        "description": str(_("Peer support, cafés, your care team and your recovery toolbox.")),
        "lang": get_language() or "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfcfc",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response.headers["Content-Type"] = "application/manifest+json"
    return response
