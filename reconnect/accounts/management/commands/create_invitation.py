from django.core.management.base import BaseCommand, CommandError

from reconnect.accounts import services
from reconnect.accounts.models import Community, Role, User


class Command(BaseCommand):
    help = "Invite someone to the portal: sends a single-use link by email and prints it."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", choices=Role.values, default=Role.MEMBER)
        parser.add_argument("--community", help="The community's slug (for example nordvik).")
        parser.add_argument("--provider", help="Email of a provider who joins the member's care team on signup.")
        parser.add_argument("--days", type=int, default=None, help="How many days the link works.")

    def handle(self, *args, email, role, community=None, provider=None, days=None, **options):
        community_obj = None
        if community:
            community_obj = Community.objects.filter(slug=community).first()
            if community_obj is None:
                raise CommandError(f"No community with the slug {community!r}.")
        provider_obj = None
        if provider:
            provider_obj = User.objects.filter(email__iexact=provider, role=Role.PROVIDER).first()
            if provider_obj is None:
                raise CommandError(f"No provider with the email {provider!r}.")
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        try:
            invitation = services.create_invitation(
                email=email, role=role, community=community_obj, care_provider=provider_obj, valid_days=days
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(services.invitation_link(invitation))
