from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from cafes import services
from cafes.forms import (
    AttendanceForm,
    CompanionForm,
    MeetingForm,
    ReminderSettingsForm,
    RsvpForm,
    SeriesForm,
    WhoCameForm,
)
from cafes.ical import calendar_for
from cafes.models import Answer, CafeSeries, CafeSettings, CompanionPost, Meeting, Rsvp
from cafes.services import COMING, CafeError, MeetingDefaults
from reconnect.accounts.models import Role
from reconnect.core import hooks
from reconnect.core.permissions import (
    get_visible_or_404,
    moderator_required,
    peer_required,
    public,
    require,
    role_required,
)

# Peers and the admin see cafés; providers never do (a peer space is not a clinical space).
cafe_viewer_required = role_required(Role.MEMBER, Role.MODERATOR, Role.ADMIN)


def _going_count():
    return Count("rsvps", filter=Q(rsvps__answer=Answer.GOING))


def _meetings_for(user):
    return Meeting.objects.visible_to(user).select_related("series", "community", "host")


@cafe_viewer_required
def index(request: HttpRequest) -> HttpResponse:
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), user=request.user).values("answer")[:1]
    meetings = (
        _meetings_for(request.user)
        .upcoming()
        .annotate(going_count=_going_count(), my_answer=Subquery(mine))
        .order_by("starts_at", "pk")[:60]
    )
    series = []
    if request.user.role in (Role.MODERATOR, Role.ADMIN):
        series = list(CafeSeries.objects.visible_to(request.user).select_related("community"))
    return render(
        request,
        "cafes/index.html",
        {
            "meetings": meetings,
            "series_list": series,
            "answers": dict(Answer.choices),
            "did_you_come": services.unanswered_past_cafes(request.user),
        },
    )


def _detail_context(request, meeting: Meeting, *, rsvp_form=None, company_form=None) -> dict:
    user = request.user
    counts = meeting.rsvps.aggregate(
        going=Count("pk", filter=Q(answer=Answer.GOING)), maybe=Count("pk", filter=Q(answer=Answer.MAYBE))
    )
    my_rsvp = meeting.rsvps.filter(user=user).first()
    coming = my_rsvp is not None and my_rsvp.is_coming
    attendees = [
        r.user.display_name
        for r in meeting.rsvps.filter(answer=Answer.GOING, show_pseudonym=True).select_related("user").order_by("pk")
    ]
    companions = []
    if coming:
        companions = list(meeting.companion_posts.select_related("author", "accepted_by"))
    first_visits = []
    if meeting.host_id == user.pk:
        first_visits = list(meeting.rsvps.filter(first_visit=True, answer__in=COMING).select_related("user"))
    can_answer = user.role in (Role.MEMBER, Role.MODERATOR) and meeting.is_open_for_answers
    asks_who_came = coming and meeting.asks_who_came
    return {
        "meeting": meeting,
        "counts": counts,
        "my_rsvp": my_rsvp,
        "coming": coming,
        "attendees": attendees,
        "companions": companions,
        "first_visits": first_visits,
        "can_answer": can_answer,
        "asks_who_came": asks_who_came,
        "can_manage": meeting.is_managed_by(user),
        "rsvp_form": rsvp_form or RsvpForm(instance=my_rsvp, initial={} if my_rsvp else {"answer": Answer.GOING}),
        "company_form": company_form or CompanionForm(),
    }


@cafe_viewer_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    return render(request, "cafes/detail.html", _detail_context(request, meeting))


def _refuse(request, meeting, message: str, **forms) -> HttpResponse:
    messages.error(request, message)
    return render(request, "cafes/detail.html", _detail_context(request, meeting, **forms), status=400)


@require_POST
@peer_required
def rsvp(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    form = RsvpForm(request.POST)
    if not form.is_valid():
        return _refuse(request, meeting, _("Please check your answer."), rsvp_form=form)
    try:
        services.answer(meeting=meeting, user=request.user, **form.cleaned_data)
    except CafeError as exc:
        return _refuse(request, meeting, str(exc), rsvp_form=form)
    messages.success(request, _("Your answer is saved. You can change it at any time."))
    return redirect(meeting)


@require_POST
@peer_required
def who_came(request: HttpRequest, pk: int) -> HttpResponse:
    """After a café: "I was there" or "I could not come", from the café page or the café list."""
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    form = WhoCameForm(request.POST)
    if not form.is_valid():
        return _refuse(request, meeting, _("Please choose one of the two answers."))
    try:
        services.say_who_came(meeting=meeting, user=request.user, came=form.cleaned_data["came"])
    except CafeError as exc:
        return _refuse(request, meeting, str(exc))
    if form.cleaned_data["came"]:
        messages.success(request, _("Thank you for telling us. We hope the café was good to be at."))
    else:
        messages.success(request, _("Thank you for telling us. You are welcome at the next café."))
    return redirect(meeting)


@require_POST
@peer_required
def company_new(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    form = CompanionForm(request.POST)
    if not form.is_valid():
        return _refuse(request, meeting, _("Please check what you wrote."), company_form=form)
    try:
        post = services.post_company(meeting=meeting, user=request.user, **form.cleaned_data)
    except CafeError as exc:
        return _refuse(request, meeting, str(exc), company_form=form)
    messages.success(request, _("Posted. Others who are coming can now see it."))
    back = reverse("cafes:detail", args=[meeting.pk]) + "#company"
    # Crisis words in a note others read bring the writer the crisis resources at once.
    screening = hooks.screen_text(author=request.user, text=post.text, where=hooks.CAFE)
    support = hooks.crisis_support_url(obj=post, next_url=back) if screening.crisis else None
    return redirect(support or back)


def _visible_posts(user):
    """Company posts of cafés the user may see and is coming to: nobody else may see them."""
    return CompanionPost.objects.filter(
        meeting__in=Meeting.objects.visible_to(user),
        meeting__rsvps__user=user,
        meeting__rsvps__answer__in=COMING,
    ).select_related("meeting")


@require_POST
@peer_required
def company_accept(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_visible_or_404(_visible_posts(request.user), pk=pk)
    try:
        services.accept_company(post=post, user=request.user)
    except CafeError as exc:
        return _refuse(request, post.meeting, str(exc))
    messages.success(request, _("You are going together. You have both been told."))
    return redirect(reverse("cafes:detail", args=[post.meeting_id]) + "#company")


@require_POST
@peer_required
def company_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_visible_or_404(_visible_posts(request.user).filter(author=request.user), pk=pk)
    services.withdraw_company(post=post, user=request.user)
    messages.success(request, _("Your post is taken back."))
    return redirect(reverse("cafes:detail", args=[post.meeting_id]) + "#company")


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@cafe_viewer_required
def ical(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    return _ics_response(calendar_for([meeting], name=meeting.series.title), f"cafe-{meeting.pk}.ics")


@public
@cache_control(private=True, no_store=True)
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A member's private calendar feed: the secret in the address is the only key, so neither a
    calendar app's proxy nor a shared cache may keep a copy (it is fetched without a session)."""
    cafe_settings = (
        CafeSettings.objects.select_related("user")
        .filter(feed_token=token, user__is_active=True, user__role__in=[Role.MEMBER, Role.MODERATOR])
        .first()
    )
    if cafe_settings is None or not token:
        raise Http404
    user = cafe_settings.user
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(rsvps__user=user, rsvps__answer__in=COMING)
        .select_related("series")
        .order_by("starts_at")
    )
    return _ics_response(calendar_for(meetings, name=_("My ReConnect cafés")), "reconnect-cafes.ics")


@peer_required
def cafe_settings(request: HttpRequest) -> HttpResponse:
    current = services.settings_for(request.user)
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST)
        if form.is_valid():
            services.update_reminder_settings(
                user=request.user, reminders_on=form.cleaned_data["reminders_on"], offsets=form.cleaned_data["offsets"]
            )
            messages.success(request, _("Your reminder choices are saved."))
            return redirect("cafes:settings")
    else:
        form = ReminderSettingsForm(initial={"reminders_on": current.reminders_on, "offsets": current.reminder_offsets})
    feed_url = request.build_absolute_uri(reverse("cafes:feed", args=[current.feed_token]))
    return render(request, "cafes/settings.html", {"form": form, "feed_url": feed_url})


@require_POST
@peer_required
def feed_renew(request: HttpRequest) -> HttpResponse:
    services.renew_feed_token(user=request.user)
    messages.success(request, _("Your calendar feed has a new address. The old address no longer works."))
    return redirect("cafes:settings")


# --- Hosting -------------------------------------------------------------------------------------


@moderator_required
def series_new(request: HttpRequest) -> HttpResponse:
    form = SeriesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            series = services.create_series(
                community=data["community"],
                host=data["host"],
                title=data["title"],
                rule=form.rule(),
                duration_minutes=data["duration_minutes"],
                defaults=MeetingDefaults(
                    place=data["place"], address=data["address"], directions=data["directions"], theme=data["theme"]
                ),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The series is created with %(count)s cafés.") % {"count": series.meetings.count()}
            )
            return redirect(series)
    return render(request, "cafes/series_form.html", {"form": form}, status=400 if form.errors else 200)


@moderator_required
def series(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_visible_or_404(CafeSeries.objects.visible_to(request.user).select_related("community", "host"), pk=pk)
    meetings = series.meetings.annotate(going_count=_going_count()).order_by("starts_at")
    past = [m for m in meetings if m.is_past]
    recorded = [m.attendance for m in past if m.attendance is not None and not m.is_cancelled]
    return render(
        request,
        "cafes/series.html",
        {
            "series": series,
            "meetings": meetings,
            "past": past,
            "average": round(sum(recorded) / len(recorded), 1) if recorded else None,
            "can_manage": series.is_managed_by(request.user),
        },
    )


def _managed_meeting(request, pk: int) -> Meeting:
    meeting = get_visible_or_404(_meetings_for(request.user), pk=pk)
    require(meeting.is_managed_by(request.user))
    return meeting


@moderator_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed_meeting(request, pk)
    if request.method == "POST":
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                services.update_meeting(meeting=meeting, actor=request.user, changes=form.changes())
            except CafeError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The café is saved."))
                return redirect(meeting)
    else:
        form = MeetingForm(initial=MeetingForm.initial_for(meeting))
    status = 400 if form.errors else 200
    return render(request, "cafes/meeting_form.html", {"form": form, "meeting": meeting}, status=status)


@require_POST
@moderator_required
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed_meeting(request, pk)
    try:
        services.cancel_meeting(meeting=meeting, actor=request.user)
    except CafeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The café is cancelled. Everyone who answered has been told."))
    return redirect(meeting)


@moderator_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _managed_meeting(request, pk)
    form = AttendanceForm(
        request.POST or None, initial={"attendance": meeting.attendance, "note": meeting.attendance_note}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(
                meeting=meeting,
                actor=request.user,
                attendance=form.cleaned_data["attendance"],
                note=form.cleaned_data["note"],
            )
        except CafeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Attendance is recorded."))
            return redirect(meeting.series)
    status = 400 if form.errors else 200
    # Counts only: the host learns how many said they came, never who.
    said = meeting.rsvps.aggregate(
        came=Count("pk", filter=Q(attended=True)), away=Count("pk", filter=Q(attended=False))
    )
    return render(request, "cafes/attendance.html", {"form": form, "meeting": meeting, "said": said}, status=status)
