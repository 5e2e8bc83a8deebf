"""Medicine and network names are encrypted at rest, and the pages still list them by name."""

from django.db import connection

from tests.toolbox.factories import MedicationFactory, NetworkPersonFactory
from toolbox import selectors


def test_medicine_names_are_not_stored_in_plain_text_and_lists_stay_sorted_by_name(member):
    for name in ("Sertraline", "aripiprazole", "Melatonin"):
        MedicationFactory(member=member, name=name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM toolbox_medication")
        stored = [row[0] for row in cursor.fetchall()]
    assert not {"Sertraline", "aripiprazole", "Melatonin"} & set(stored)
    current, ended = selectors.medicines_of(member)
    assert [m.name for m in current] == ["aripiprazole", "Melatonin", "Sertraline"]
    assert ended == []


def test_network_people_are_sorted_by_closeness_kind_and_name(member):
    NetworkPersonFactory(member=member, name="Ørjan", kind="friends", closeness=1)
    NetworkPersonFactory(member=member, name="anna", kind="friends", closeness=1)
    NetworkPersonFactory(member=member, name="Mum", kind="family", closeness=1)
    NetworkPersonFactory(member=member, name="Boss", kind="work", closeness=3)
    assert [p.name for p in selectors.network_of(member)] == ["Mum", "anna", "Ørjan", "Boss"]
