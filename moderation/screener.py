"""The moderation app's answer to reconnect.core.hooks: what happens to text people write.

- forum (posts, thread titles with their first post, circle posts, edits): first posts,
  pre-moderation, the built-in screen and watched words decide hold / flag / crisis; the post is
  queued once it exists.
- message (to one's care team): crisis language puts a note on the message for the providers;
  moderators never see messages.
- cafe (company notes): crisis language shows the writer the crisis resources at once; notes are
  short and answered by people who meet, so they are not queued.
- check_in (private toolbox notes): never flagged to anyone; crisis language shows the writer the
  crisis contacts and their own crisis plan.
"""

from urllib.parse import urlencode

from django.urls import reverse

from moderation import services
from reconnect.core import hooks


class ModerationScreener:
    def screen_text(self, *, author, text: str, where: str, editing: bool = False) -> hooks.Screening:
        if where == hooks.FORUM:
            decision = services.screen(author=author, text=text, editing=editing)
            return hooks.Screening(hold=decision.hold, crisis=decision.crisis, flags=decision.flags, detail=decision)
        crisis = services.is_crisis_text(author=author, text=text)
        if where == hooks.MESSAGE:
            return hooks.Screening(crisis=crisis, flags=("crisis",) if crisis else (), detail=crisis or None)
        return hooks.Screening(crisis=crisis)

    def text_stored(self, *, screening: hooks.Screening, obj, where: str) -> None:
        if where == hooks.FORUM:
            services.record_screening(post=obj, decision=screening.detail)
        elif where == hooks.MESSAGE and screening.crisis:
            services.flag_crisis_message(message=obj)

    def check_may_write(self, *, author, place=None) -> None:
        try:
            services.check_may_post(author=author, thread=place)
        except services.ModerationError as exc:
            raise hooks.WriteRefused(exc.message) from exc

    def crisis_support_url(self, *, obj, next_url: str) -> str | None:
        from forum.models import Post

        if isinstance(obj, Post) and not services.needs_crisis_support(obj):
            return None
        return f"{reverse('moderation:support')}?{urlencode({'next': next_url})}"
