"""Demo toolbox content: Ingrid's full toolbox (a crisis plan shared with Dr. Berg), lighter ones
for Marte and Sofie, exercises and information pages in both languages, local links per community.

Idempotent: each member's items are created only when that member has none of that kind yet, and
staff-written content is keyed by its slug or name.
"""

import calendar
import datetime
from decimal import Decimal

from django.utils import timezone

from reconnect.core.context_processors import crisis_contacts_for
from toolbox.models import (
    Activity,
    CheckIn,
    CrisisPlan,
    Exercise,
    Goal,
    LocalLink,
    Medication,
    NetworkPerson,
    Share,
    Step,
)

EXERCISES = [
    (
        "breathing-space",
        "mindfulness",
        ("Three-minute breathing space", "Tre minutters pustepause"),
        ("A short pause to notice how you are.", "En kort pause for å kjenne etter hvordan du har det."),
        (
            "Sit comfortably and close your eyes if you like.\n\nFirst minute: notice what is here – thoughts, "
            "feelings, sensations – without changing anything.\n\nSecond minute: follow your breath in and out.\n\n"
            "Third minute: let your attention widen to your whole body, then go on with your day.",
            "Sett deg godt til rette og lukk øynene hvis du vil.\n\nFørste minutt: legg merke til det som er her – "
            "tanker, følelser, kroppsfornemmelser – uten å endre noe.\n\nAndre minutt: følg pusten inn og ut.\n\n"
            "Tredje minutt: la oppmerksomheten bli bredere, til hele kroppen, og gå så videre med dagen.",
        ),
    ),
    (
        "five-senses",
        "coping",
        ("Five things you can see", "Fem ting du kan se"),
        ("Grounding when feelings run high.", "Jording når følelsene blir sterke."),
        (
            "Name five things you can see, four you can touch, three you can hear, two you can smell and one you "
            "can taste.\n\nTake your time. It is fine to start again.",
            "Nevn fem ting du kan se, fire du kan ta på, tre du kan høre, to du kan lukte og én du kan smake.\n\n"
            "Ta den tiden du trenger. Det er greit å begynne på nytt.",
        ),
    ),
    (
        "sleep-routine",
        "symptoms",
        ("A calmer evening for better sleep", "En roligere kveld for bedre søvn"),
        ("Small habits that help sleep.", "Små vaner som hjelper søvnen."),
        (
            "Go to bed and get up at about the same time every day.\n\nPut the phone away an hour before bed.\n\n"
            "If you lie awake for long, get up and do something quiet until you feel sleepy.",
            "Legg deg og stå opp omtrent til samme tid hver dag.\n\nLegg bort telefonen en time før leggetid.\n\n"
            "Hvis du ligger våken lenge, stå opp og gjør noe rolig til du blir trøtt.",
        ),
    ),
    (
        "personal-recovery",
        "information",
        ("What is personal recovery?", "Hva er personlig bedring?"),
        ("Living a good life, with or without symptoms.", "Å leve et godt liv, med eller uten symptomer."),
        (
            "Personal recovery is about hope, connection with others, a sense of who you are, meaning, and "
            "having a say in your own life.\n\nIt is your own journey, at your own pace.",
            "Personlig bedring handler om håp, tilhørighet til andre, en følelse av hvem du er, mening og å ha "
            "innflytelse over eget liv.\n\nDet er din egen vei, i ditt eget tempo.",
        ),
    ),
    (
        "working-with-providers",
        "information",
        ("Working with your care team", "Samarbeid med behandlerne dine"),
        ("How sharing from your toolbox works.", "Slik fungerer deling fra verktøykassen."),
        (
            "You decide what your care team sees. Share an item with one provider, several, or nobody; you can "
            "change it any time.\n\nEvery time a provider opens something you shared, you see it in your access log.",
            "Du bestemmer hva behandlerne dine ser. Del noe med én behandler, flere eller ingen; du kan endre det "
            "når som helst.\n\nHver gang en behandler åpner noe du har delt, ser du det i tilgangsloggen din.",
        ),
    ),
]

LOCAL_LINKS = {
    "nordvik": [
        (
            "organisation",
            "Mental Helse Nordvik",
            "https://www.mentalhelse.no/",
            "Local branch of the user organisation.",
        ),
        ("activity", "Walking group at the harbour", "https://example.org/nordvik/walks", "Tuesdays at 11."),
    ],
    "elvdal": [
        ("organisation", "LPP Elvdal", "https://www.lpp.no/", "Relatives and users together."),
        ("activity", "Recovery college Elvdal", "https://example.org/elvdal/college", "Free courses, open to all."),
    ],
}


def _seed_exercises() -> None:
    for order, (slug, kind, titles, summaries, bodies) in enumerate(EXERCISES):
        Exercise.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "order": order,
                "title_en": titles[0],
                "title_nb": titles[1],
                "summary_en": summaries[0],
                "summary_nb": summaries[1],
                "body_en": bodies[0],
                "body_nb": bodies[1],
                "published": True,
            },
        )


def _seed_links(communities) -> None:
    for slug, links in LOCAL_LINKS.items():
        community = communities.get(slug)
        if community is None:
            continue
        for order, (kind, name, url, description) in enumerate(links):
            LocalLink.objects.update_or_create(
                community=community,
                name=name,
                defaults={"kind": kind, "url": url, "description": description, "order": order},
            )


def _seed_goals(member, goals) -> None:
    if Goal.objects.filter(member=member).exists():
        return
    today = timezone.localdate()
    now = timezone.now()
    for text, area, steps, activities in goals:
        goal = Goal.objects.create(
            member=member, text=text, life_area=area, created_at=now - datetime.timedelta(days=40)
        )
        for order, (step, done_days_ago) in enumerate(steps):
            Step.objects.create(
                goal=goal,
                text=step,
                order=order,
                done_at=None if done_days_ago is None else now - datetime.timedelta(days=done_days_ago),
            )
        for title, offset, done in activities:
            Activity.objects.create(
                goal=goal,
                title=title,
                planned_on=today + datetime.timedelta(days=offset),
                done_at=now + datetime.timedelta(days=offset) if done else None,
            )


def _days_to_next_nordvik_cafe(today: datetime.date) -> int:
    """Days until the first Tuesday of a month (the Nordvik café of the demo, cafes/demo.py), so that
    Lighthouse's "Café at the library" in "Coming up" is the date the café list shows."""
    from cafes.recurrence import nth_weekday

    year, month = today.year, today.month
    while True:
        day = nth_weekday(year, month, calendar.TUESDAY, 1)
        if day is not None and day >= today:
            return (day - today).days
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _seed_network(member, people) -> None:
    if NetworkPerson.objects.filter(member=member).exists():
        return
    NetworkPerson.objects.bulk_create(
        [
            NetworkPerson(member=member, name=name, kind=kind, closeness=ring, note=note)
            for name, kind, ring, note in people
        ]
    )


def _seed_checkins(member, days: int) -> None:
    if CheckIn.objects.filter(member=member).exists():
        return
    today = timezone.localdate()
    rows = []
    for back in range(days):
        if back % 6 == 4:
            continue  # a day without a check-in: they are optional
        wave = (back * 7) % 5
        rows.append(
            CheckIn(
                member=member,
                day=today - datetime.timedelta(days=back),
                mood=1 + (wave + back // 10) % 5,
                sleep=2 + wave % 4,
                activity=1 + (back * 3) % 5,
                note="Walked to the harbour." if back % 7 == 0 else "",
            )
        )
    CheckIn.objects.bulk_create(rows)


def seed(ctx: dict) -> None:
    users = ctx["users"]
    _seed_exercises()
    _seed_links(ctx["communities"])
    ingrid, marte, sofie = users["ingrid@example.org"], users["marte@example.org"], users["sofie@example.org"]
    berg = users["berg@example.org"]
    today = timezone.localdate()

    _seed_goals(
        ingrid,
        [
            (
                "Go to the ReConnect café in Nordvik every month",
                "connectedness",
                [
                    ("Find out when the next café is", 30),
                    ("Ask Birch if she wants to come along", 20),
                    ("Go once", None),
                ],
                [("Café at the library", _days_to_next_nordvik_cafe(today), False), ("Coffee with Anna", -3, True)],
            ),
            (
                "Sleep through the night more often",
                "health",
                [("Phone away at ten", 12), ("Evening walk", None)],
                [("Walk to the harbour", -1, True), ("Walk to the harbour", 2, False)],
            ),
            ("Start volunteering at the second-hand shop", "meaning", [("Call the shop", None)], []),
        ],
    )
    first_goal = Goal.objects.filter(member=ingrid).order_by("pk").first()
    if first_goal:
        Share.objects.get_or_create(member=ingrid, provider=berg, item_type="goal", goal=first_goal)

    professionals = "\n".join(f"{c.name} – {c.phone}" for c in crisis_contacts_for(ingrid, "en"))
    CrisisPlan.objects.get_or_create(
        member=ingrid,
        defaults={
            "warning_signs": "I stop answering the phone\nI sleep less than four hours\nEverything feels pointless",
            "coping_alone": "Breathing space exercise\nA walk along the shore\nMusic with headphones",
            "distractions": "The library café\nAnna's kitchen\nThe harbour bench",
            "helpers": "Anna – 412 34 567\nMum – 913 45 678",
            "professionals": (professionals + "\nDr. Kari Berg, DPS Nordvik – 77 00 00 00").strip(),
            "safer_surroundings": "Give the extra pills to Mum\nStay with Anna for a night",
            "reasons": "My cat Pus\nMy sister's children\nThe sea in the morning",
        },
    )
    Share.objects.get_or_create(member=ingrid, provider=berg, item_type="crisis_plan", goal=None)

    _seed_network(
        ingrid,
        [
            ("Mum", "family", 1, ""),
            ("Anna", "friends", 1, "Knows about my crisis plan"),
            ("Pus the cat", "other", 1, ""),
            ("Birch", "peers", 2, "From the forum"),
            ("Dr. Berg", "services", 2, ""),
            ("Sister", "family", 2, ""),
            ("Café group", "peers", 3, ""),
            ("NAV adviser", "services", 3, ""),
            ("Neighbour", "other", 3, ""),
            ("Old colleague", "work", 3, ""),
        ],
    )
    Share.objects.get_or_create(member=ingrid, provider=berg, item_type="network", goal=None)

    if not Medication.objects.filter(member=ingrid).exists():
        Medication.objects.create(
            member=ingrid,
            name="Sertraline",
            strength="50 mg",
            dose=Decimal("1"),
            dose_unit="tablet",
            times="Morning",
            purpose="Depression and anxiety",
            prescriber="Dr. Kari Berg",
            start_date=today - datetime.timedelta(days=200),
            notes="A little nausea the first weeks, then fine.",
        )
        Medication.objects.create(
            member=ingrid,
            name="Melatonin",
            strength="3 mg",
            dose=Decimal("1"),
            dose_unit="tablet",
            times="Half an hour before bed",
            purpose="Sleep",
            prescriber="GP",
            start_date=today - datetime.timedelta(days=30),
        )
        Medication.objects.create(
            member=ingrid,
            name="Quetiapine",
            strength="25 mg",
            dose=Decimal("0.5"),
            dose_unit="tablet",
            times="Evening",
            purpose="Sleep",
            prescriber="Dr. Kari Berg",
            start_date=today - datetime.timedelta(days=150),
            end_date=today - datetime.timedelta(days=60),
            notes="Too drowsy in the mornings; stopped together with Dr. Berg.",
        )
    Share.objects.get_or_create(member=ingrid, provider=berg, item_type="medications", goal=None)
    _seed_checkins(ingrid, 30)

    # Marte and Sofie: a little of each, nothing shared.
    _seed_goals(
        marte, [("Feel at home in my new flat", "home", [("Hang up the pictures", 3), ("Invite Mum", None)], [])]
    )
    _seed_network(marte, [("Mum", "family", 1, ""), ("Lighthouse", "peers", 2, ""), ("Dr. Berg", "services", 3, "")])
    _seed_checkins(marte, 10)
    _seed_goals(
        sofie,
        [("Get back to my studies", "work", [("Talk to the student adviser", None)], [("Library day", 3, False)])],
    )
    CrisisPlan.objects.get_or_create(
        member=sofie, defaults={"warning_signs": "Skipping meals", "helpers": "Jonas – 401 23 456"}
    )
    _seed_checkins(sofie, 14)
