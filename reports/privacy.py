"""What the usage report keeps about a person: the times they signed in."""

from django.utils.translation import gettext_lazy as _

from reconnect.privacy.registry import Item, Section, register
from reports.models import LoginEvent

# Sign-in times stay with the anonymous account when it is deleted: the usage report counts
# them, and they hold no name, address or content.
register(
    Section(
        key="sign_ins",
        title=_("Sign-ins"),
        order=95,
        items=(
            Item(
                "sign_ins",
                _("Times I signed in"),
                LoginEvent,
                lambda u: LoginEvent.objects.filter(user=u),
                fields=("at",),
            ),
        ),
    )
)
