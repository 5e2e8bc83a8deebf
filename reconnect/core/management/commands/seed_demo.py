import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from reconnect.accounts import demo as accounts_demo


class Command(BaseCommand):
    help = "Create the demo portal (communities, accounts and content for every feature). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (never on a real portal).")
        parser.add_argument("--quiet", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args, force: bool = False, quiet: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a public password. Refusing to run with DEBUG off; use --force on a throw-away portal."
            )
        ctx: dict = {}
        with transaction.atomic():
            accounts_demo.seed(ctx)
            # Each app that has a `demo` module adds its own content, in INSTALLED_APPS order.
            for config in apps.get_app_configs():
                if config.name == "reconnect.accounts":
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(ctx)
        if not quiet:
            self.print_logins()

    def print_logins(self) -> None:
        self.stdout.write(
            self.style.SUCCESS("Demo portal ready. Every account's password: " + accounts_demo.DEMO_PASSWORD)
        )
        self.stdout.write(
            f"Two-factor (TOTP) secret for the moderator, providers and admin: {accounts_demo.DEMO_TOTP_SECRET}"
        )
        for email, role, name in accounts_demo.logins():
            self.stdout.write(f"  {email:<22} {role:<16} {name}")
        if settings.EID_ENABLED:
            self.stdout.write(
                f"Sign-in with eID is on ({settings.EID_ISSUER}): link it to a demo account under My account, "
                "Sign-in methods (/me/sign-in/), or join through a new invitation (manage.py create_invitation)."
            )
