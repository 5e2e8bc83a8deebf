from django.core.management.base import BaseCommand

from reconnect.accounts.models import User
from reconnect.accounts.pseudonyms import review_existing


class Command(BaseCommand):
    help = (
        "List pseudonyms the look-alike and reserved-name rules would refuse today (chosen before the "
        "rules, or set outside the forms). Nothing is changed: ask the people to choose another name."
    )

    def handle(self, *args, **options):
        people = User.objects.filter(pseudonym__isnull=False).exclude(pseudonym="").order_by("date_joined", "pk")
        _skeletons, report = review_existing(people.values_list("pk", "pseudonym", "role"))
        for line in report:
            self.stdout.write(line)
        self.stdout.write(f"{len(report)} pseudonyms to review.")
