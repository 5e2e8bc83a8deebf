from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reconnect.accounts import services, signin
from reconnect.accounts.eid import services as eid_services
from reconnect.accounts.forms import CareTeamNameForm, OnboardingForm, ProfileForm, ProviderInvitationForm
from reconnect.accounts.models import CareRelationship, Invitation, Role
from reconnect.core.notifications import EmailChoice, kinds_for_role
from reconnect.core.permissions import get_visible_or_404, login_required, member_required, provider_required, public
from reconnect.core.services import ACCESS_ACTIONS, preference_for, set_notification_preferences


def _activate_language(request: HttpRequest, response: HttpResponse, language: str) -> HttpResponse:
    from django.conf import settings

    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@public
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invite = Invitation.objects.by_token(token)
    if invite is None:
        return render(request, "accounts/invitation_invalid.html", {"reason": "unknown"}, status=404)
    if not invite.is_usable:
        reason = "used" if invite.used_at else "expired"
        return render(request, "accounts/invitation_invalid.html", {"reason": reason}, status=410)
    if invite.kind == Invitation.Kind.CARE_TEAM:
        return _care_team_request(request, invite)
    if request.user.is_authenticated:
        messages.info(request, _("You already have an account. Sign out first to use this invitation."))
        return redirect("core:home")
    services.open_invitation(request=request, invitation=invite)
    return redirect("account_signup")


def _care_team_request(request: HttpRequest, invite: Invitation) -> HttpResponse:
    """A provider asked to join this member's care team: the member signs in and confirms or declines.
    The link is theirs alone: signed in as anyone else, it does not exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.email.lower() != invite.email.lower() or not request.user.is_member:
        return render(request, "accounts/invitation_invalid.html", {"reason": "unknown"}, status=404)
    provider = invite.care_provider
    if provider is None or not provider.is_active:
        return render(request, "accounts/invitation_invalid.html", {"reason": "expired"}, status=410)
    answer = request.POST.get("answer")
    if request.method == "POST" and answer in ("accept", "decline"):
        accept = answer == "accept"
        try:
            services.answer_care_team_request(member=request.user, invitation=invite, accept=accept)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            name = provider.display_name
            if accept:
                messages.success(request, _("%(name)s is now part of your care team.") % {"name": name})
            else:
                messages.info(request, _("You declined. %(name)s is not part of your care team.") % {"name": name})
        return redirect("accounts:care_team")
    return render(request, "accounts/care_team_request.html", {"invitation": invite})


@login_required
def onboarding(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_onboarded:
        return redirect("core:home")
    form = OnboardingForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.complete_onboarding(
                user=user, pseudonym=form.cleaned_data.get("pseudonym"), language=form.cleaned_data["language"]
            )
        except IntegrityError:
            form.add_error("pseudonym", _("This pseudonym is taken. Please choose another one."))
        else:
            messages.success(request, _("Welcome to ReConnect. We are glad you are here."))
            return _activate_language(request, redirect("core:home"), form.cleaned_data["language"])
    return render(request, "accounts/onboarding.html", {"form": form})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    initial = {"pseudonym": user.pseudonym, "real_name": user.real_name, "language": user.preferred_language}
    form = ProfileForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(
                user=user,
                pseudonym=form.cleaned_data.get("pseudonym"),
                real_name=form.cleaned_data["real_name"],
                language=form.cleaned_data["language"],
            )
        except IntegrityError:
            form.add_error("pseudonym", _("This pseudonym is taken. Please choose another one."))
        else:
            messages.success(request, _("Your profile is saved."))
            return _activate_language(request, redirect("accounts:profile"), form.cleaned_data["language"])
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def sign_in_methods(request: HttpRequest) -> HttpResponse:
    """The ways this person signs in: password, passkeys, the eID; each can be added or removed."""
    from allauth.mfa.models import Authenticator
    from django.conf import settings

    user = request.user
    authenticators = list(Authenticator.objects.filter(user=user).order_by("created_at"))
    allowed = signin.allowed_methods(user.role)
    context = {
        "passkeys": [a for a in authenticators if a.type == Authenticator.Type.WEBAUTHN],
        "has_recovery_codes": any(a.type == Authenticator.Type.RECOVERY_CODES for a in authenticators),
        "eid_link": eid_services.eid_link(user),
        "eid_enabled": settings.EID_ENABLED,
        "eid_allowed": signin.EID in allowed,
        "passkey_allowed": signin.PASSKEY in allowed,
        "password_allowed": signin.PASSWORD in allowed,
        "has_password": user.has_usable_password(),
        "methods_message": signin.methods_sentence(user.role),
    }
    return render(request, "accounts/sign_in_methods.html", context)


@member_required
def care_team(request: HttpRequest) -> HttpResponse:
    form = CareTeamNameForm(
        request.POST or None, user=request.user, initial={"care_team_name": request.user.care_team_name}
    )
    if request.method == "POST" and form.is_valid():
        services.set_care_team_name(member=request.user, name=form.cleaned_data["care_team_name"])
        messages.success(
            request, _("Your care team now sees you as %(name)s.") % {"name": request.user.name_for_providers}
        )
        return redirect("accounts:care_team")
    links = (
        CareRelationship.objects.filter(member=request.user)
        .select_related("provider")
        .order_by("ended_at", "-created_at")
    )
    return render(
        request, "accounts/care_team.html", {"links": links, "form": form}, status=400 if form.errors else 200
    )


@require_POST
@member_required
def end_care_link(request: HttpRequest, pk: int) -> HttpResponse:
    # Fetch first, so that someone else's link is a 404 before any re-authentication is asked for.
    link = get_visible_or_404(CareRelationship.objects.active().filter(member=request.user), pk=pk)
    return _end_care_link_confirmed(request, link=link)


@reauthentication_required
def _end_care_link_confirmed(request: HttpRequest, *, link: CareRelationship) -> HttpResponse:
    services.end_care_link(link=link, ended_by=request.user)
    messages.success(
        request,
        _("%(name)s is no longer part of your care team and can no longer see anything of yours.")
        % {"name": link.provider.display_name},
    )
    return redirect("accounts:care_team")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    # One query for every kind's choice, not one per kind (preference_for reads this cache).
    prefetch_related_objects([user], "notification_preferences")
    kinds = kinds_for_role(user.role)
    valid_email = {choice for choice, _label in EmailChoice.choices}
    rows = []
    for kind in kinds:
        in_app, email = preference_for(user, kind)
        rows.append({"kind": kind, "in_app": in_app, "email": email, "field": kind.key.replace(".", "-")})
    if request.method == "POST":
        choices = {}
        for row in rows:
            email = request.POST.get(f"email-{row['field']}", row["email"])
            if email not in valid_email:
                messages.error(request, _("Please choose one of the email options."))
                return render(
                    request,
                    "accounts/notifications.html",
                    {"rows": rows, "email_choices": EmailChoice.choices},
                    status=400,
                )
            choices[row["kind"].key] = (request.POST.get(f"inapp-{row['field']}") == "on", email)
        set_notification_preferences(user=user, choices=choices)
        messages.success(request, _("Your notification choices are saved."))
        return redirect("accounts:notification_settings")
    return render(request, "accounts/notifications.html", {"rows": rows, "email_choices": EmailChoice.choices})


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    entries = request.user.access_log.all().order_by("-created_at", "-pk")
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    return render(
        request, "accounts/access_log.html", {"page": page, "actions": ACCESS_ACTIONS, "roles": dict(Role.choices)}
    )


@provider_required
def provider_invite(request: HttpRequest) -> HttpResponse:
    """A provider invites one of their patients: a new person joins the care team on signup, a
    member with an account confirms the link. The answer is the same either way, so the page
    never tells whether someone has an account; sending is rate-limited per provider and address."""
    form = ProviderInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not ratelimit.consume(request, action="provider_invite", key=email, user=request.user):
            form.add_error(
                None, _("You have sent many invitations in a short time. Please wait a while and try again.")
            )
            return render(request, "accounts/provider_invite.html", {"form": form}, status=429)
        services.invite_to_care_team(provider=request.user, email=email)
        messages.success(
            request,
            _(
                "We have sent an email to %(email)s. Someone new gets an invitation to join ReConnect; someone "
                "who already has an account is asked to confirm the link with you. The link works once, for "
                "two weeks."
            )
            % {"email": email},
        )
        return redirect("accounts:provider_invite")
    return render(request, "accounts/provider_invite.html", {"form": form})
