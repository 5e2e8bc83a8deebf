"""Moderation views: the queue and its actions for peer moderators and admins; reporting, "my
reports", notes from the moderators and the crisis resources for members."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum.models import Post
from forum.permissions import get_post_for
from moderation import selectors, services
from moderation.forms import (
    DutyForm,
    EditForm,
    HideForm,
    MessageForm,
    MoveForm,
    ReasonForm,
    ReportForm,
    SanctionForm,
    SavedReplyForm,
    SlowModeForm,
    WatchedWordForm,
)
from moderation.models import (
    CheckIn,
    HideNotice,
    ModerationAction,
    QueueItem,
    Report,
    Sanction,
    SavedReply,
    WatchedWord,
)
from reconnect.core.context_processors import crisis_contacts_for
from reconnect.core.permissions import get_visible_or_404, moderator_required, peer_required, public

# --- The queue -----------------------------------------------------------------------------------


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    items, total = selectors.queue()
    context = {"items": items, "total": total, **selectors.duty(request.user)}
    return render(request, "moderation/queue.html", context)


@require_POST
@moderator_required
def duty(request: HttpRequest) -> HttpResponse:
    """Go on or off duty: crisis flags reach the moderators on duty at once."""
    form = DutyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose whether you go on or off duty."))
        return redirect("moderation:queue")
    on_duty = form.cleaned_data["on_duty"] == "on"
    try:
        services.set_on_duty(moderator=request.user, on_duty=on_duty)
    except services.ModerationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("You are on duty: crisis flags reach you at once.")
            if on_duty
            else _("You are off duty. Thank you for your time."),
        )
    return redirect("moderation:queue")


def _item_for(pk) -> QueueItem:
    return get_visible_or_404(
        QueueItem.objects.select_related(
            "post__thread__topic", "post__thread__circle", "post__author", "claimed_by", "resolved_by", "author"
        ),
        pk=pk,
    )


def _ids(action: str) -> str:
    # Several action forms share field names (reason, body) on one page; ids stay unique per action.
    return f"id_{action.replace('-', '_')}_%s"


def _item_forms(item: QueueItem, bound: dict | None = None) -> dict:
    forms = {
        "hide": HideForm(auto_id=_ids("hide")),
        "edit": EditForm(initial={"body": item.post.body}, auto_id=_ids("edit")),
        "reply": MessageForm(prefix="reply"),
        "check-in": MessageForm(prefix="checkin", initial={"resolve": False}),
        "dismiss": ReasonForm(prefix="dismiss"),
        "escalate": ReasonForm(prefix="escalate"),
        "move": MoveForm(initial={"topic": item.post.thread.topic_id}, auto_id=_ids("move")),
        "slow-mode": SlowModeForm(initial={"minutes": 10}, auto_id=_ids("slow-mode")),
        "sanction": SanctionForm(auto_id=_ids("sanction")),
    }
    forms.update(bound or {})
    return {f"{name.replace('-', '_')}_form": form for name, form in forms.items()}


def _render_item(request: HttpRequest, item: QueueItem, *, bound: dict | None = None, status: int = 200):
    context = selectors.item_detail(item)
    context.update(_item_forms(item, bound))
    context["saved_replies"] = list(SavedReply.objects.all())
    context["claimed_by_other"] = bool(item.claimed_by_id and item.claimed_by_id != request.user.pk)
    return render(request, "moderation/item.html", context, status=status)


@moderator_required
def item(request: HttpRequest, pk) -> HttpResponse:
    return _render_item(request, _item_for(pk))


def _act_hide(request, item, form):
    services.hide(moderator=request.user, item=item, reason=form.cleaned_data["reason"])
    return _("The post is hidden. Its author can read your reason.")


def _act_edit(request, item, form):
    services.edit(moderator=request.user, item=item, body=form.cleaned_data["body"], note=form.cleaned_data["note"])
    return _("The post is changed. The original is kept in the log.")


def _act_reply(request, item, form):
    services.reply_as_moderator(
        moderator=request.user, item=item, body=form.text(), resolve=form.cleaned_data["resolve"]
    )
    return _("Your reply is posted with your peer moderator badge.")


def _act_check_in(request, item, form):
    services.send_check_in(moderator=request.user, item=item, body=form.text(), resolve=form.cleaned_data["resolve"])
    return _("Your private message is sent.")


def _act_dismiss(request, item, form):
    services.dismiss(moderator=request.user, item=item, reason=form.cleaned_data["reason"])
    return _("The item is dismissed.")


def _act_escalate(request, item, form):
    services.escalate(moderator=request.user, item=item, reason=form.cleaned_data["reason"])
    return _("The admins are told.")


def _act_move(request, item, form):
    services.move_thread(
        moderator=request.user,
        thread=item.post.thread,
        topic=form.cleaned_data["topic"],
        item=item,
        reason=form.cleaned_data["reason"],
    )
    return _("The thread is moved.")


def _act_slow_mode(request, item, form):
    services.set_slow_mode(
        moderator=request.user, thread=item.post.thread, minutes=form.cleaned_data["minutes"], item=item
    )
    return _("Slow mode is changed.")


def _act_sanction(request, item, form):
    services.sanction_member(
        moderator=request.user,
        member=item.author,
        kind=form.cleaned_data["kind"],
        reason=form.cleaned_data["reason"],
        ends_at=form.cleaned_data["ends_at"],
        item=item,
    )
    return _("The member is told, with your reason.")


def _simple(service, message, **kwargs):
    def act(request, item, form):
        service(moderator=request.user, item=item, **kwargs)
        return message

    return act


def _thread_action(service, message, **kwargs):
    def act(request, item, form):
        service(moderator=request.user, thread=item.post.thread, item=item, **kwargs)
        return message

    return act


# action: (form class, form prefix, what to do)
ACTIONS = {
    "claim": (None, None, _simple(services.claim_item, "claimed")),
    "release": (None, None, _simple(services.release_item, "released")),
    "approve": (None, None, _simple(services.approve, "approved")),
    "hide": (HideForm, None, _act_hide),
    "edit": (EditForm, None, _act_edit),
    "reply": (MessageForm, "reply", _act_reply),
    "check-in": (MessageForm, "checkin", _act_check_in),
    "dismiss": (ReasonForm, "dismiss", _act_dismiss),
    "escalate": (ReasonForm, "escalate", _act_escalate),
    "lock": (None, None, _thread_action(services.set_locked, "locked", locked=True)),
    "unlock": (None, None, _thread_action(services.set_locked, "unlocked", locked=False)),
    "pin": (None, None, _thread_action(services.set_pinned, "pinned", pinned=True)),
    "unpin": (None, None, _thread_action(services.set_pinned, "unpinned", pinned=False)),
    "move": (MoveForm, None, _act_move),
    "slow-mode": (SlowModeForm, None, _act_slow_mode),
    "sanction": (SanctionForm, None, _act_sanction),
}


def _done_message(action: str, result: str) -> str:
    simple = {
        "claimed": _("You claimed this item. The other moderators see that you are on it."),
        "released": _("You released this item."),
        "approved": _("Approved."),
        "locked": _("The thread is locked."),
        "unlocked": _("The thread is open for replies again."),
        "pinned": _("The thread is pinned."),
        "unpinned": _("The thread is no longer pinned."),
    }
    return simple.get(result, result)


@require_POST
@moderator_required
def item_action(request: HttpRequest, pk, action: str) -> HttpResponse:
    current = _item_for(pk)
    if action not in ACTIONS:
        raise Http404
    form_class, prefix, act = ACTIONS[action]
    form = (
        form_class(request.POST, prefix=prefix, auto_id=_ids(action) if prefix is None else "id_%s")
        if form_class
        else None
    )
    if form is not None and not form.is_valid():
        messages.error(request, _("Please check the form."))
        return _render_item(request, current, bound={action: form}, status=400)
    try:
        result = act(request, current, form)
    except services.ModerationError as exc:
        messages.error(request, exc.message)
        current = _item_for(pk)
        return _render_item(request, current, bound={action: form} if form is not None else None, status=409)
    messages.success(request, _done_message(action, result))
    current.refresh_from_db(fields=["status"])
    if current.status == QueueItem.Status.RESOLVED:
        return redirect("moderation:queue")
    return redirect(current)


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    entries = ModerationAction.objects.select_related("actor", "subject", "thread").order_by("-created_at", "-pk")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "moderation/log.html", {"page": page})


@require_POST
@moderator_required
def lift_sanction(request: HttpRequest, pk) -> HttpResponse:
    sanction = get_visible_or_404(Sanction.objects.select_related("member"), pk=pk)
    try:
        services.lift_sanction(moderator=request.user, sanction=sanction, reason=request.POST.get("reason", ""))
        messages.success(request, _("The sanction is lifted."))
    except services.ModerationError as exc:
        messages.error(request, exc.message)
    return redirect(_safe_next(request, reverse("moderation:queue")))


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


# --- Saved replies and watched words -------------------------------------------------------------


@moderator_required
def saved_replies(request: HttpRequest) -> HttpResponse:
    form = SavedReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reply = form.save(commit=False)
        reply.created_by = request.user
        reply.save()
        messages.success(request, _("The saved reply is added."))
        return redirect("moderation:saved_replies")
    return render(
        request,
        "moderation/saved_replies.html",
        {"replies": SavedReply.objects.all(), "form": form},
        status=400 if form.errors else 200,
    )


@moderator_required
def saved_reply_edit(request: HttpRequest, pk) -> HttpResponse:
    reply = get_visible_or_404(SavedReply.objects.all(), pk=pk)
    form = SavedReplyForm(request.POST or None, instance=reply)
    if request.method == "POST" and form.is_valid():
        reply = form.save(commit=False)
        reply.updated_at = timezone.now()
        reply.save()
        messages.success(request, _("The saved reply is updated."))
        return redirect("moderation:saved_replies")
    return render(
        request, "moderation/saved_reply_edit.html", {"reply": reply, "form": form}, status=400 if form.errors else 200
    )


@require_POST
@moderator_required
def saved_reply_delete(request: HttpRequest, pk) -> HttpResponse:
    reply = get_visible_or_404(SavedReply.objects.all(), pk=pk)
    reply.delete()  # a template, not content: the log keeps every text that was sent
    messages.success(request, _("The saved reply is removed."))
    return redirect("moderation:saved_replies")


@moderator_required
def watched_words(request: HttpRequest) -> HttpResponse:
    form = WatchedWordForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_watched_word(moderator=request.user, **form.cleaned_data)
            except services.ModerationError as exc:
                messages.error(request, exc.message)
                status = 400
            else:
                messages.success(request, _("The phrase is added."))
                return redirect("moderation:watched_words")
        else:
            status = 400
    words = WatchedWord.objects.all()
    return render(request, "moderation/watched_words.html", {"words": words, "form": form}, status=status)


@require_POST
@moderator_required
def watched_word_toggle(request: HttpRequest, pk) -> HttpResponse:
    word = get_visible_or_404(WatchedWord.objects.all(), pk=pk)
    try:
        services.set_watched_word_active(moderator=request.user, word=word, active=request.POST.get("active") == "on")
    except services.ModerationError as exc:
        messages.error(request, exc.message)
    return redirect("moderation:watched_words")


# --- Members -------------------------------------------------------------------------------------


@peer_required
def report(request: HttpRequest, pk) -> HttpResponse:
    post = get_post_for(request.user, pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report_post(
                    reporter=request.user,
                    post=post,
                    reason=form.cleaned_data["reason"],
                    details=form.cleaned_data["details"],
                )
            except services.ModerationError as exc:
                messages.error(request, exc.message)
                status = 400
            else:
                messages.success(
                    request,
                    _("Thank you. A peer moderator will look at it. The writer is not told who reported it."),
                )
                return redirect("moderation:my_reports")
        else:
            status = 400
    return render(request, "moderation/report.html", {"post": post, "form": form}, status=status)


@peer_required
def my_reports(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.filter(reporter=request.user).select_related("post__thread").order_by("-created_at")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    return render(request, "moderation/my_reports.html", {"page": page})


@peer_required
def notices(request: HttpRequest) -> HttpResponse:
    """Notes from the moderators to this member: hidden posts and why, sanctions, check-ins."""
    user = request.user
    context = {
        "hidden": list(
            HideNotice.objects.filter(post__author=user, post__status=Post.Status.HIDDEN)
            .select_related("post__thread")
            .order_by("-created_at")[:50]
        ),
        "edits": list(
            ModerationAction.objects.filter(subject=user, action=ModerationAction.Action.EDIT)
            .select_related("thread")
            .order_by("-created_at")[:50]
        ),
        "sanctions": list(Sanction.objects.filter(member=user).order_by("-starts_at")[:50]),
        "in_force": set(Sanction.objects.in_force().filter(member=user).values_list("pk", flat=True)),
        "check_ins": list(CheckIn.objects.filter(member=user).select_related("moderator").order_by("-created_at")[:50]),
    }
    return render(request, "moderation/notices.html", context)


@peer_required
def check_in(request: HttpRequest, pk) -> HttpResponse:
    message = get_visible_or_404(CheckIn.objects.filter(member=request.user).select_related("moderator"), pk=pk)
    if message.read_at is None:
        CheckIn.objects.filter(pk=message.pk).update(read_at=timezone.now())
    return render(request, "moderation/check_in.html", {"message": message})


@public
def support(request: HttpRequest) -> HttpResponse:
    """The crisis resources, shown at once to a writer whose words matched the crisis list."""
    fallback = reverse("forum:index") if request.user.is_authenticated else "/"
    return render(
        request,
        "moderation/support.html",
        {"contacts": crisis_contacts_for(request.user), "next": _safe_next(request, fallback)},
    )
