"""Forum views: parse, check access, call a service, render. Every view is for peers only (members
and peer moderators); providers and admins get 403 on every forum URL."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forum import selectors, services
from forum.forms import (
    CONTENT_NOTE_SUGGESTIONS,
    CircleForm,
    EditPostForm,
    FoldedTopicsForm,
    InviteForm,
    PostForm,
    RevealForm,
    SearchForm,
    ThreadForm,
)
from forum.models import Boundary, CircleMembership, FoldedTopic, Post, Reaction, Reveal, Topic
from forum.permissions import (
    get_boundary_for,
    get_circle_for,
    get_invitation_for,
    get_peer_or_404,
    get_post_for,
    get_thread_for,
)
from forum.text import find_identifying_details, quote_markdown
from reconnect.core import hooks
from reconnect.core.permissions import get_visible_or_404, peer_required, require


def after_post_written(request: HttpRequest, post: Post, *, next_url: str) -> HttpResponse | None:
    """What the writer sees after posting: "waiting for a moderator" for a held post, and at once the
    crisis resources when the screen found crisis language. None when the usual answer fits."""
    held = post.status == Post.Status.HELD
    if held:
        messages.info(
            request,
            _("Your post is waiting for a peer moderator. Only you can see it until it is approved."),
        )
    support = hooks.crisis_support_url(obj=post, next_url=next_url)
    if support:
        return redirect(support)
    return redirect(next_url) if held else None


def _language() -> str:
    return get_language() or "en"


def _topics():
    language = _language()
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.label = topic.localized_name(language)
        topic.blurb = topic.localized_description(language)
    return topics


def _form_context(form, findings=None) -> dict:
    return {"form": form, "findings": findings or [], "note_suggestions": [str(s) for s in CONTENT_NOTE_SUGGESTIONS]}


def _needs_confirmation(request: HttpRequest, form) -> list:
    """The identifying-details reminder: shown once, until the writer chooses "post anyway"."""
    if request.POST.get("post_anyway"):
        return []
    text = " ".join([form.cleaned_data.get("title", ""), form.cleaned_data["body"]])
    return find_identifying_details(text)


def _refuse(request, exc: services.ForumError, template: str, context: dict) -> HttpResponse:
    messages.error(request, exc.message)
    status = 429 if isinstance(exc, services.RateLimited) else 400
    return render(request, template, context, status=status)


# --- Lists ---------------------------------------------------------------------------------------


@peer_required
def index(request: HttpRequest) -> HttpResponse:
    listing = selectors.thread_list(request.user, cursor=request.GET.get("after"))
    return render(
        request,
        "forum/index.html",
        {"topics": _topics(), "listing": listing, "search_form": SearchForm()},
    )


@peer_required
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_visible_or_404(Topic.objects.all(), slug=slug)
    current.label = current.localized_name(_language())
    current.blurb = current.localized_description(_language())
    listing = selectors.thread_list(request.user, topic=current, cursor=request.GET.get("after"))
    return render(
        request,
        "forum/topic.html",
        {"topic": current, "topics": _topics(), "listing": listing, "search_form": SearchForm()},
    )


# --- Writing -------------------------------------------------------------------------------------


def _new_thread(request: HttpRequest, *, topic=None, circle=None, template_context: dict) -> HttpResponse:
    form = ThreadForm(request.POST or None)
    context = {**template_context, **_form_context(form)}
    if request.method == "POST" and form.is_valid():
        findings = _needs_confirmation(request, form)
        if findings:
            return render(request, "forum/new_thread.html", {**context, "findings": findings})
        try:
            thread = services.start_thread(
                author=request.user,
                topic=topic,
                circle=circle,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                content_note=form.cleaned_data["content_note"],
                client_token=form.cleaned_data["client_token"],
            )
        except services.ForumError as exc:
            return _refuse(request, exc, "forum/new_thread.html", context)
        opening = thread.posts.get(position=1)
        moderated = after_post_written(request, opening, next_url=thread.get_absolute_url())
        if moderated is not None:
            return moderated
        messages.success(request, _("Your thread is posted. You will be told about replies."))
        return redirect(thread)
    return render(request, "forum/new_thread.html", context, status=400 if form.errors else 200)


@peer_required
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    current = get_visible_or_404(Topic.objects.filter(is_active=True), slug=slug)
    current.label = current.localized_name(_language())
    return _new_thread(request, topic=current, template_context={"topic": current})


@peer_required
def thread(request: HttpRequest, pk) -> HttpResponse:
    current = get_thread_for(request.user, pk)
    reading = selectors.reader_state(request.user, current)
    if reading is None:  # the first visit
        reading = services.reading_position(user=request.user, thread=current)
        reading.watching = selectors.is_watching(request.user, current)
        reading.topic_folded = None
    if "page" in request.GET:
        try:
            page = int(request.GET["page"])
        except ValueError:
            raise Http404 from None
        if not 1 <= page <= current.page_count:
            raise Http404
    else:
        # Open where the reader stopped reading.
        page = selectors.first_unread_page(current, reading.last_read_position)
    data = selectors.page_of_thread(request.user, current, page, topic_folded=reading.topic_folded)
    last_on_page = min(page * selectors.POSTS_PER_PAGE, current.post_count)
    read_before = services.record_reading(
        user=request.user, thread=current, up_to_position=last_on_page, position=reading
    )
    posts = selectors.build_post_views(request.user, data, read_before=read_before)
    if current.topic_id:
        current.topic.label = current.topic.localized_name(_language())
    return render(
        request,
        "forum/thread.html",
        {
            "thread": current,
            "posts": posts,
            "page": page,
            "pages": selectors.page_window(page, current.page_count),
            "watching": reading.watching,
            **_form_context(PostForm()),
        },
    )


@peer_required
def post(request: HttpRequest, pk) -> HttpResponse:
    """A post's permanent address: its page of the thread."""
    target = get_post_for(request.user, pk)
    return redirect(f"{target.thread.get_absolute_url()}?page={target.page_number}#post-{target.pk}")


@peer_required
def reply(request: HttpRequest, pk) -> HttpResponse:
    current = get_thread_for(request.user, pk)
    quote_of = None
    if request.method == "POST":
        form = PostForm(request.POST)
        quote_id = request.POST.get("quote_of")
    else:
        quote_id = request.GET.get("quote")
        form = PostForm()
    if quote_id:
        try:
            quote_of = get_post_for(request.user, quote_id)
        except Http404:
            quote_of = None
        if quote_of is not None and (quote_of.thread_id != current.pk or not quote_of.is_published):
            quote_of = None
    if request.method != "POST" and quote_of is not None:
        form = PostForm(initial={"body": quote_markdown(quote_of.author.display_name, quote_of.body)})
    context = {"thread": current, "quote_of": quote_of, **_form_context(form)}
    if request.method == "POST" and form.is_valid():
        findings = _needs_confirmation(request, form)
        if findings:
            return render(request, "forum/reply.html", {**context, "findings": findings})
        try:
            new = services.post_reply(
                author=request.user,
                thread=current,
                body=form.cleaned_data["body"],
                content_note=form.cleaned_data["content_note"],
                quote_of=quote_of,
                client_token=form.cleaned_data["client_token"],
            )
        except services.ForumError as exc:
            return _refuse(request, exc, "forum/reply.html", context)
        return after_post_written(request, new, next_url=new.get_absolute_url()) or redirect(new)
    return render(request, "forum/reply.html", context, status=400 if form.errors else 200)


@peer_required
def edit_post(request: HttpRequest, pk) -> HttpResponse:
    target = get_post_for(request.user, pk)
    require(target.can_edit(request.user))
    if request.method == "POST":
        form = EditPostForm(request.POST)
    else:
        form = EditPostForm(initial={"body": target.body, "content_note": target.content_note})
    context = {"post": target, **_form_context(form)}
    if request.method == "POST" and form.is_valid():
        findings = _needs_confirmation(request, form)
        if findings:
            return render(request, "forum/edit_post.html", {**context, "findings": findings})
        try:
            services.edit_post(
                post=target,
                editor=request.user,
                body=form.cleaned_data["body"],
                content_note=form.cleaned_data["content_note"],
            )
        except services.ForumError as exc:
            return _refuse(request, exc, "forum/edit_post.html", context)
        moderated = after_post_written(request, target, next_url=target.get_absolute_url())
        if moderated is not None:
            return moderated
        messages.success(request, _("Your post is updated."))
        return redirect(target)
    return render(request, "forum/edit_post.html", context, status=400 if form.errors else 200)


@peer_required
def delete_post(request: HttpRequest, pk) -> HttpResponse:
    target = get_post_for(request.user, pk)
    if target.is_removed:
        # Already removed (a second click): nothing more to do.
        return redirect(target)
    require(target.can_delete(request.user))
    if request.method == "POST":
        services.remove_own_post(post=target, user=request.user)
        messages.success(request, _("Your post is removed. The thread stays readable for the others."))
        return redirect(target)
    return render(request, "forum/delete_post.html", {"post": target})


@require_POST
@peer_required
def react(request: HttpRequest, pk) -> HttpResponse:
    target = get_post_for(request.user, pk)
    removing = request.POST.get("action") == "remove"
    return _react(request, target, request.POST.get("kind", ""), removing=removing)


@require_POST
@peer_required
def react_in_thread(request: HttpRequest, pk) -> HttpResponse:
    """The thread page's one reaction form: the pressed button is named "add" or "remove" and
    its value is "<post id>:<kind>", so that twenty posts need no twenty forms and CSRF tokens."""
    current = get_thread_for(request.user, pk)
    removing = "remove" in request.POST
    post_id, _sep, kind = request.POST.get("remove" if removing else "add", "").partition(":")
    if not post_id.isdigit():
        messages.error(request, _("Unknown reaction."))
        return redirect(current)
    target = get_post_for(request.user, post_id)
    if target.thread_id != current.pk:
        raise Http404
    return _react(request, target, kind, removing=removing)


def _react(request: HttpRequest, target, kind: str, *, removing: bool) -> HttpResponse:
    if kind not in Reaction.Kind.values:
        messages.error(request, _("Unknown reaction."))
        return redirect(target)
    try:
        if removing:
            services.remove_reaction(user=request.user, post=target, kind=kind)
        else:
            services.add_reaction(user=request.user, post=target, kind=kind)
    except services.ForumError as exc:
        messages.error(request, exc.message)
    return redirect(target)


@require_POST
@peer_required
def watch(request: HttpRequest, pk) -> HttpResponse:
    current = get_thread_for(request.user, pk)
    watching = request.POST.get("watch") == "on"
    services.set_watching(user=request.user, thread=current, watching=watching)
    if watching:
        messages.success(request, _("You will be told about new replies in this thread."))
    else:
        messages.success(request, _("You will no longer be told about replies in this thread."))
    return redirect(current)


# --- Search --------------------------------------------------------------------------------------


@peer_required
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = selectors.search_posts(
            request.user, form.cleaned_data["q"], language=_language(), page=request.GET.get("page", 1)
        )
        muted = set(Boundary.objects.filter(owner=request.user).values_list("target_id", flat=True))
        for result in results.posts:
            result.muted = result.author_id in muted
    return render(request, "forum/search.html", {"search_form": form, "results": results})


# --- People --------------------------------------------------------------------------------------


@peer_required
def profile(request: HttpRequest, pseudonym: str) -> HttpResponse:
    person = get_peer_or_404(pseudonym)
    is_self = person.pk == request.user.pk
    context = {
        "person": person,
        "is_self": is_self,
        "post_count": selectors.visible_post_count(request.user, person)
        if is_self or (person.show_post_count and not person.profile_hidden)
        else None,
        "reveal": Reveal.objects.shown_to(request.user).filter(owner=person).select_related("cafe_community").first(),
    }
    if not is_self:
        my_reveal = Reveal.objects.filter(owner=request.user, viewer=person).first()
        context.update(
            boundary=Boundary.objects.filter(owner=request.user, target=person).values_list("kind", flat=True).first(),
            my_reveal=my_reveal,
            reveal_form=RevealForm(
                initial={"first_name": my_reveal.first_name, "show_cafe": bool(my_reveal.cafe_community_id)}
                if my_reveal
                else None
            ),
            my_community=request.user.community,
        )
    return render(request, "forum/profile.html", context)


@require_POST
@peer_required
def boundary(request: HttpRequest, pseudonym: str) -> HttpResponse:
    person = get_peer_or_404(pseudonym)
    kind = request.POST.get("kind")
    if kind not in (*Boundary.Kind.values, "none"):
        messages.error(request, _("Please choose again."))
        return redirect("forum:profile", pseudonym=person.pseudonym)
    try:
        services.set_boundary(owner=request.user, target=person, kind=None if kind == "none" else kind)
    except services.ForumError as exc:
        messages.error(request, exc.message)
        return redirect("forum:profile", pseudonym=person.pseudonym)
    done = {
        "mute": _("You muted %(name)s: their posts are folded and they never notify you."),
        "block": _("You blocked %(name)s: in addition, they cannot reply to you in circles or see what you shared."),
        "none": _("%(name)s is no longer muted or blocked."),
    }[kind]
    messages.success(request, done % {"name": person.display_name})
    return redirect("forum:profile", pseudonym=person.pseudonym)


@require_POST
@peer_required
def boundary_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a mute or block from the settings page: the only way once the other person's account is deleted."""
    chosen = get_boundary_for(request.user, pk)
    try:
        services.set_boundary(owner=request.user, target=chosen.target, kind=None)
    except services.ForumError as exc:
        messages.error(request, exc.message)
        return redirect("forum:settings")
    messages.success(request, _("%(name)s is no longer muted or blocked.") % {"name": chosen.target.display_name})
    return redirect("forum:settings")


@require_POST
@peer_required
def reveal(request: HttpRequest, pseudonym: str) -> HttpResponse:
    person = get_peer_or_404(pseudonym)
    form = RevealForm(request.POST)
    if form.is_valid():
        try:
            services.reveal_identity(
                owner=request.user,
                viewer=person,
                first_name=form.cleaned_data["first_name"],
                cafe_community=request.user.community if form.cleaned_data["show_cafe"] else None,
            )
        except services.ForumError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Only %(name)s can see what you shared. You can take it back at any time.")
                % {"name": person.display_name},
            )
    else:
        for error in form.non_field_errors():
            messages.error(request, error)
    return redirect("forum:profile", pseudonym=person.pseudonym)


@require_POST
@peer_required
def revoke_reveal(request: HttpRequest, pseudonym: str) -> HttpResponse:
    person = get_peer_or_404(pseudonym)
    services.revoke_reveal(owner=request.user, viewer=person)
    messages.success(request, _("%(name)s no longer sees what you shared.") % {"name": person.display_name})
    if request.POST.get("next") == "settings":
        return redirect("forum:settings")
    return redirect("forum:profile", pseudonym=person.pseudonym)


@peer_required
def forum_settings(request: HttpRequest) -> HttpResponse:
    language = _language()
    chosen = FoldedTopic.objects.filter(user=request.user).values_list("topic_id", flat=True)
    form = FoldedTopicsForm(request.POST or None, language=language, initial={"topics": list(chosen)})
    if request.method == "POST" and form.is_valid():
        services.set_folded_topics(user=request.user, topics=form.cleaned_data["topics"])
        messages.success(request, _("Your choices are saved."))
        return redirect("forum:settings")
    return render(
        request,
        "forum/settings.html",
        {
            "form": form,
            "boundaries": Boundary.objects.filter(owner=request.user)
            .select_related("target")
            .order_by("target__pseudonym"),
            "reveals": Reveal.objects.filter(owner=request.user)
            .select_related("viewer", "cafe_community")
            .order_by("viewer__pseudonym"),
        },
    )


# --- Circles -------------------------------------------------------------------------------------


def _circles_page(request, form, status=200) -> HttpResponse:
    mine = CircleMembership.objects.active().filter(user=request.user).select_related("circle").order_by("circle__name")
    invitations = (
        CircleMembership.objects.filter(user=request.user, status=CircleMembership.Status.INVITED)
        .select_related("circle", "invited_by")
        .order_by("-created_at")
    )
    return render(
        request,
        "forum/circles.html",
        {"memberships": mine, "invitations": invitations, "form": form},
        status=status,
    )


@peer_required
def circles(request: HttpRequest) -> HttpResponse:
    return _circles_page(request, CircleForm())


@require_POST
@peer_required
def circle_create(request: HttpRequest) -> HttpResponse:
    form = CircleForm(request.POST)
    if not form.is_valid():
        return _circles_page(request, form, status=400)
    try:
        created = services.create_circle(
            creator=request.user, name=form.cleaned_data["name"], client_token=form.cleaned_data["client_token"]
        )
    except services.ForumError as exc:
        messages.error(request, exc.message)
        return _circles_page(request, form, status=429 if isinstance(exc, services.RateLimited) else 400)
    messages.success(request, _("Your circle is ready. Invite the people you want in it."))
    return redirect(created)


def _circle_page(request, current, invite_form, status=200) -> HttpResponse:
    people = (
        CircleMembership.objects.filter(
            circle=current, status__in=[CircleMembership.Status.ACTIVE, CircleMembership.Status.INVITED]
        )
        .select_related("user")
        .only("status", "user__pseudonym", "user__role", "user__is_active", "user__erased_at", "user__former_number")
        .order_by("user__pseudonym")
    )
    return render(
        request,
        "forum/circle.html",
        {
            "circle": current,
            "people": people,
            "listing": selectors.thread_list(request.user, circle=current, cursor=request.GET.get("after")),
            "invite_form": invite_form,
        },
        status=status,
    )


@peer_required
def circle(request: HttpRequest, pk) -> HttpResponse:
    current = get_circle_for(request.user, pk)
    return _circle_page(request, current, InviteForm())


@require_POST
@peer_required
def circle_invite(request: HttpRequest, pk) -> HttpResponse:
    current = get_circle_for(request.user, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _circle_page(request, current, form, status=400)
    try:
        services.invite_to_circle(circle=current, inviter=request.user, pseudonym=form.cleaned_data["pseudonym"])
    except services.ForumError as exc:
        form.add_error("pseudonym", exc.message)
        return _circle_page(request, current, form, status=429 if isinstance(exc, services.RateLimited) else 400)
    messages.success(request, _("Invitation sent. They can accept or decline."))
    return redirect(current)


@require_POST
@peer_required
def circle_respond(request: HttpRequest, pk) -> HttpResponse:
    membership = get_invitation_for(request.user, pk)
    accept = request.POST.get("answer") == "accept"
    services.respond_to_invitation(membership=membership, accept=accept)
    if accept:
        messages.success(request, _("Welcome to the circle."))
        return redirect(membership.circle)
    messages.success(request, _("You declined the invitation."))
    return redirect("forum:circles")


@require_POST
@peer_required
def circle_leave(request: HttpRequest, pk) -> HttpResponse:
    current = get_circle_for(request.user, pk)
    services.leave_circle(circle=current, user=request.user)
    messages.success(request, _("You left the circle."))
    return redirect("forum:circles")


@peer_required
def circle_new_thread(request: HttpRequest, pk) -> HttpResponse:
    current = get_circle_for(request.user, pk)
    return _new_thread(request, circle=current, template_context={"circle": current})
