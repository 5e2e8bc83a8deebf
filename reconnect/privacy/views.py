import logging

from allauth.account.decorators import reauthentication_required
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from reconnect.core.permissions import get_visible_or_404, login_required, member_required, peer_required, public
from reconnect.privacy import services
from reconnect.privacy.forms import DeleteAccountForm, ProfilePrivacyForm
from reconnect.privacy.models import DataExport

logger = logging.getLogger(__name__)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/overview.html", {"sections": services.overview(user=request.user)})


@peer_required
def privacy_settings(request: HttpRequest) -> HttpResponse:
    form = ProfilePrivacyForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.set_profile_privacy(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your privacy choices are saved."))
        return redirect("privacy:settings")
    return render(request, "privacy/settings.html", {"form": form})


@login_required
@reauthentication_required(allow_get=True)
def export(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            services.request_export(user=request.user)
        except services.PrivacyError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("We are preparing a copy of your data. You will get a notification when it is ready.")
            )
        return redirect("privacy:export")
    exports = DataExport.objects.filter(user=request.user)[:10]
    return render(
        request, "privacy/export.html", {"exports": exports, "valid_hours": settings.PRIVACY_EXPORT_VALID_HOURS}
    )


@login_required
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    # Fetch first: someone else's export is a 404 before any password is asked for.
    export = get_visible_or_404(DataExport.objects.filter(user=request.user), pk=pk)
    return _download_confirmed(request, export=export)


def _no_longer_available(request: HttpRequest) -> HttpResponse:
    messages.error(
        request,
        _("This copy is no longer available: copies can be downloaded for a limited time. Please ask for a new one."),
    )
    return redirect("privacy:export")


@reauthentication_required
def _download_confirmed(request: HttpRequest, *, export: DataExport) -> HttpResponse:
    if not export.is_downloadable:
        if export.status == DataExport.Status.PENDING and not export.is_stuck:
            messages.info(request, _("This copy is still being prepared. Please try again in a little while."))
            return redirect("privacy:export")
        return _no_longer_available(request)
    try:
        content = services.read_export(export)
    except (OSError, InvalidToken):
        # The file went between the page and the click (the nightly retention, a key rotation).
        logger.warning("Data export %s could not be read", export.pk, exc_info=True)
        return _no_longer_available(request)
    services.record_download(export=export)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="reconnect-data-{export.ready_at:%Y-%m-%d}.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@member_required
@reauthentication_required(allow_get=True)
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_account(user=request.user, keep_post_text=form.keep_post_text)
        except services.PrivacyError as exc:
            messages.error(request, exc.message)
            return redirect("privacy:delete")
        logout(request)
        return redirect("privacy:deleted")
    context = {
        "form": form,
        "messages_kept_days": settings.PRIVACY_MESSAGES_KEPT_DAYS,
        # Whole years, shown only for a year or more ("about 0 years" reads oddly).
        "messages_kept_years": round(settings.PRIVACY_MESSAGES_KEPT_DAYS / 365),
        "few_posts": settings.PRIVACY_FEW_POSTS,
    }
    return render(request, "privacy/delete.html", context, status=400 if form.errors else 200)


@public
def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/deleted.html", {"messages_kept": settings.PRIVACY_MESSAGES_KEPT_DAYS > 0})
