"""Demo: a member who left (their posts stay under "Former member N") and a ready data export."""

from django.db import transaction

from forum import demo as forum_demo
from forum.models import Thread
from reconnect.accounts.models import Role, User
from reconnect.privacy import services
from reconnect.privacy.models import DataExport, ErasureRequest

FORMER_POSTS = [
    "Thank you all for this thread. Reading it on bad evenings helped more than I can say.",
    "I started walking to the harbour after dinner, like someone here suggested. Small, but it helps.",
    "I am moving away for a new job. I will miss the café in Nordvik. Take care of each other.",
]


def seed(ctx: dict) -> None:
    users = ctx["users"]
    if not ErasureRequest.objects.exists():
        thread = Thread.objects.filter(circle__isnull=True).order_by("pk").first()
        if thread is not None:
            leaver = User.objects.create_user(
                "leaving-demo@example.org",
                None,
                role=Role.MEMBER,
                pseudonym="Driftwood",
                real_name="Demo Leaver",
                community=ctx["communities"]["nordvik"],
            )
            User.objects.filter(pk=leaver.pk).update(onboarded_at=thread.created_at)
            for body in FORMER_POSTS:
                forum_demo._write(author=leaver, thread=thread, body=body)
            services.erase_account(user=leaver, keep_post_text=True)
    ingrid = users["ingrid@example.org"]
    if not DataExport.objects.filter(user=ingrid, status=DataExport.Status.READY).exists():
        export = DataExport.objects.create(user=ingrid)
        services.record_own_action(user=ingrid, action="export_requested")
        # Prepared here rather than by the worker, so the demo shows a copy ready to download.
        transaction.on_commit(lambda: services.prepare_export(export_id=export.pk))
