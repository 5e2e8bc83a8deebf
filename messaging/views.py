"""Member pages (/messages/), the provider dashboard (/provider/) and attachment downloads."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reconnect.accounts.models import Role
from reconnect.core.files import CorruptPrivateFile, private_file_response
from reconnect.core.permissions import member_required, provider_required, role_required
from reconnect.core.services import log_access

from . import permissions, selectors, services
from .forms import AvailabilityForm, MessageForm, NewConversationForm
from .models import Conversation, ProviderAvailability

logger = logging.getLogger(__name__)
PAGE_SIZE = 20


_member_conversation = permissions.get_conversation_for_member
_provider_conversation = permissions.get_conversation_for_provider


def _send_from_form(request: HttpRequest, conversation: Conversation, form: MessageForm) -> bool:
    """Send the reply in `form` (either side's); False, with the reason on the form, when it is
    invalid or the service refuses it."""
    if not form.is_valid():
        return False
    try:
        services.send_message(
            author=request.user,
            conversation=conversation,
            body=form.cleaned_data["body"],
            uploads=form.cleaned_data["attachments"],
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


# --- Member ------------------------------------------------------------------------------------


@member_required
def inbox(request: HttpRequest, *, archived: bool = False) -> HttpResponse:
    conversations = selectors.member_conversations(request.user, archived=archived)
    page = Paginator(conversations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "messaging/inbox.html", {"page": page, "archived": archived})


@member_required
def archived_inbox(request: HttpRequest) -> HttpResponse:
    return inbox(request, archived=True)


@member_required
def new_conversation(request: HttpRequest) -> HttpResponse:
    care_team = services.active_care_team(request.user)
    form = NewConversationForm(request.POST or None, request.FILES or None, care_team=care_team)
    if request.method == "POST" and care_team and form.is_valid():
        try:
            conversation = services.start_conversation(
                member=request.user,
                providers=form.cleaned_data["providers"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                uploads=form.cleaned_data["attachments"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(conversation)
    return render(
        request,
        "messaging/new.html",
        {"form": form, "team": selectors.providers_with_availability(care_team)},
    )


def _conversation_context(conversation, *, viewer) -> dict:
    participants = selectors.participants_with_availability(conversation)
    return {
        "conversation": conversation,
        "conversation_messages": selectors.conversation_messages(conversation),
        "participants": participants,
        "viewer_is_member": viewer.pk == conversation.member_id,
    }


@member_required
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _member_conversation(request.user, pk)
    services.open_as_member(member=request.user, conversation=conversation)
    return _render_member_conversation(request, conversation, MessageForm())


def _render_member_conversation(request, conversation, form, status=200) -> HttpResponse:
    context = _conversation_context(conversation, viewer=request.user)
    reachable = services.reachable_providers(conversation)
    context.update(form=form if reachable else None, reply_url="messaging:reply")
    return render(request, "messaging/conversation.html", context, status=status)


@require_POST
@member_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _member_conversation(request.user, pk)
    form = MessageForm(request.POST, request.FILES)
    if _send_from_form(request, conversation, form):
        messages.success(request, _("Your message has been sent."))
        return redirect(conversation)
    return _render_member_conversation(request, conversation, form)


@require_POST
@member_required
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _member_conversation(request.user, pk)
    services.archive(member=request.user, conversation=conversation)
    messages.success(request, _("The conversation is in your archive now. New answers bring it back."))
    return redirect("messaging:inbox")


@require_POST
@member_required
def unarchive(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _member_conversation(request.user, pk)
    services.unarchive(member=request.user, conversation=conversation)
    messages.success(request, _("The conversation is back in your inbox."))
    return redirect(conversation)


# --- Both sides: attachments -----------------------------------------------------------------


@role_required(Role.MEMBER, Role.PROVIDER)
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_attachment_for(request.user, pk)
    conversation = item.message.conversation
    try:
        response = private_file_response(
            item.file_name, filename=item.original_name or "attachment", content_type=item.content_type
        )
    except FileNotFoundError as exc:
        raise Http404 from exc
    except (DatabaseError, CorruptPrivateFile):
        logger.exception("Attachment %s could not be read", item.pk)
        messages.error(request, _("This file cannot be opened right now. Please try again in a few minutes."))
        is_provider = request.user.role == Role.PROVIDER
        return redirect(conversation.get_provider_url() if is_provider else conversation.get_absolute_url())
    if request.user.role == Role.PROVIDER:
        log_access(
            actor=request.user,
            subject=conversation.member,
            obj=item,
            label=f"{item} · {conversation}",
        )
    return response


# --- Provider ----------------------------------------------------------------------------------


@provider_required
def dashboard(request: HttpRequest) -> HttpResponse:
    rows = selectors.dashboard_rows(request.user)
    availability = ProviderAvailability.objects.filter(provider=request.user).first()
    return render(request, "messaging/dashboard.html", {"rows": rows, "availability": availability})


@provider_required
def member_detail(request: HttpRequest, member_id: int) -> HttpResponse:
    try:
        member = selectors.care_team_member_or_none(request.user, int(member_id))
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    if member is None:
        raise Http404
    conversations = selectors.provider_conversations(request.user).filter(member=member)
    page = Paginator(conversations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "messaging/member.html", {"member": member, "page": page})


@provider_required
def provider_conversation(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _provider_conversation(request.user, pk)
    services.open_as_provider(provider=request.user, conversation=conversation)
    return _render_provider_conversation(request, conversation, MessageForm())


def _render_provider_conversation(request, conversation, form) -> HttpResponse:
    context = _conversation_context(conversation, viewer=request.user)
    mine = next((p for p in context["participants"] if p.provider_id == request.user.pk), None)
    context.update(form=form, reply_url="provider:reply", participation=mine)
    return render(request, "messaging/conversation.html", context)


@require_POST
@provider_required
def provider_reply(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _provider_conversation(request.user, pk)
    form = MessageForm(request.POST, request.FILES)
    if _send_from_form(request, conversation, form):
        messages.success(request, _("Your answer has been sent."))
        return redirect("provider:conversation", pk=conversation.pk)
    return _render_provider_conversation(request, conversation, form)


@require_POST
@provider_required
def mark_handled(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _provider_conversation(request.user, pk)
    services.mark_handled(provider=request.user, conversation=conversation)
    messages.success(request, _("Marked as handled. It no longer counts as waiting for you."))
    return redirect("provider:dashboard")


@require_POST
@provider_required
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = _provider_conversation(request.user, pk)
    services.reopen(provider=request.user, conversation=conversation)
    messages.success(request, _("The conversation counts as waiting again."))
    return redirect("provider:conversation", pk=conversation.pk)


@provider_required
def availability(request: HttpRequest) -> HttpResponse:
    current = ProviderAvailability.objects.filter(provider=request.user).first()
    form = AvailabilityForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.set_availability(
            provider=request.user,
            expected_reply_time=form.cleaned_data["expected_reply_time"],
            out_of_office_note=form.cleaned_data["out_of_office_note"],
            away_until=form.cleaned_data["away_until"],
        )
        messages.success(request, _("Saved. Members see this before they write to you."))
        return redirect("provider:dashboard")
    return render(request, "messaging/availability.html", {"form": form})
