"""The network map and the check-in chart, tested as pictures: valid SVG, a title and a text
alternative, and a known set of people on the right circles."""

import math
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from tests.toolbox.factories import CheckInFactory, NetworkPersonFactory
from toolbox import svg
from toolbox.models import Closeness, NetworkPerson, PersonKind

NS = {"svg": "http://www.w3.org/2000/svg"}


def parse(markup) -> ET.Element:
    root = ET.fromstring(str(markup))  # noqa: S314 - markup our own code drew
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def people(*specs):
    return [NetworkPerson(pk=i + 1, name=name, kind=kind, closeness=ring) for i, (name, kind, ring) in enumerate(specs)]


def ring_of(circle: ET.Element) -> Closeness:
    """Which ring a dot lies on, measured from the picture itself."""
    x, y = float(circle.get("cx")), float(circle.get("cy"))
    distance = math.hypot(x - svg.CENTRE, y - svg.CENTRE)
    return min(svg.RING_RADII, key=lambda ring: abs(svg.RING_RADII[ring] - distance))


def test_network_map_is_valid_svg_with_title_and_description():
    root = parse(svg.network_map(people(("Mum", PersonKind.FAMILY, Closeness.CLOSE)), owner_label="Lighthouse"))
    assert root.get("role") == "img"
    assert root.find("svg:title", NS).text == "Network map of Lighthouse"
    desc = root.find("svg:desc", NS).text
    assert "1 close, 0 in the middle circle and 0 in the outer circle" in desc
    assert root.get("aria-labelledby") == "network-map-title network-map-desc"


def test_network_map_places_a_known_set_of_people_on_the_right_circles():
    known = people(
        ("Mum", PersonKind.FAMILY, Closeness.CLOSE),
        ("Anna", PersonKind.FRIENDS, Closeness.CLOSE),
        ("Dr. Berg", PersonKind.SERVICES, Closeness.MIDDLE),
        ("Café group", PersonKind.PEERS, Closeness.MIDDLE),
        ("Boss", PersonKind.WORK, Closeness.OUTER),
        ("Neighbour", PersonKind.OTHER, Closeness.OUTER),
        ("Uncle Per", PersonKind.FAMILY, Closeness.OUTER),
    )
    root = parse(svg.network_map(known, owner_label="Lighthouse"))
    placed = {}
    for group in root.iterfind(".//svg:g[@class='person']", NS):
        circle = group.find("svg:circle", NS)
        label = group.find("svg:text", NS).text
        placed[group.get("data-name")] = (ring_of(circle), group.get("data-ring"), label)
    assert placed == {
        "Mum": (Closeness.CLOSE, "close", "Mum"),
        "Anna": (Closeness.CLOSE, "close", "Anna"),
        "Dr. Berg": (Closeness.MIDDLE, "middle", "Dr. Berg"),
        "Café group": (Closeness.MIDDLE, "middle", "Café group"),
        "Boss": (Closeness.OUTER, "outer", "Boss"),
        "Neighbour": (Closeness.OUTER, "outer", "Neighbour"),
        "Uncle Per": (Closeness.OUTER, "outer", "Uncle Per"),
    }


def test_network_map_groups_people_of_one_kind_next_to_each_other_on_a_ring():
    mixed = people(
        ("A", PersonKind.OTHER, Closeness.OUTER),
        ("B", PersonKind.FAMILY, Closeness.OUTER),
        ("C", PersonKind.OTHER, Closeness.OUTER),
        ("D", PersonKind.FAMILY, Closeness.OUTER),
    )
    root = parse(svg.network_map(mixed, owner_label="Me"))
    kinds = [g.get("data-kind") for g in root.iterfind(".//svg:g[@class='person']", NS)]
    assert kinds == ["family", "family", "other", "other"]


def test_network_map_with_hundreds_of_people_stays_readable_and_counts_the_rest():
    crowd = people(*[(f"Person {i}", PersonKind.PEERS, Closeness.OUTER) for i in range(300)])
    root = parse(svg.network_map(crowd, owner_label="Me"))
    shown = root.findall(".//svg:g[@class='person']", NS)
    more = root.find(".//svg:g[@class='more']", NS)
    assert len(shown) == svg.RING_CAPACITY[Closeness.OUTER] - 1
    assert int(more.get("data-hidden")) == 300 - len(shown)
    assert more.find("svg:text", NS).text == f"+{300 - len(shown)} more"


def test_network_map_escapes_names():
    root = parse(svg.network_map(people(('<b>&"x"', PersonKind.OTHER, Closeness.CLOSE)), owner_label="<Me>"))
    assert root.find(".//svg:g[@class='person']", NS).get("data-name") == '<b>&"x"'


def charts(html) -> dict[str, ET.Element]:
    """The small multiples' SVG charts by measure (the HTML around them is plain figures)."""
    found = re.findall(r"<svg .*?</svg>", str(html))
    return {root.get("data-series"): root for root in map(parse, found)}


@pytest.mark.django_db
def test_checkin_charts_are_small_multiples_with_title_description_and_gaps(member):
    end = date(2026, 11, 28)
    start = end - timedelta(days=27)
    rows = [CheckInFactory(member=member, day=start + timedelta(days=d), mood=d % 5 + 1) for d in (0, 1, 2, 10)]
    found = charts(svg.checkin_chart(rows, start=start, end=end))
    assert list(found) == ["mood", "sleep", "activity"]
    mood = found["mood"]
    assert mood.get("role") == "img"
    assert mood.find("svg:title", NS).text == "Mood from 1 Nov 2026 to 28 Nov 2026"
    assert "4 check-ins; lowest 1, highest 3 of 5." in mood.find("svg:desc", NS).text
    series = mood.find(".//svg:g[@data-series='mood']", NS)
    # Three days in a row make one line; the lone day after the gap is a marker without a line.
    assert len(series.findall("svg:polyline", NS)) == 1
    assert len(series.findall("svg:circle", NS)) == 4
    # A higher score is drawn higher up (smaller y).
    ys = [float(c.get("cy")) for c in series.findall("svg:circle", NS)]
    assert ys[0] > ys[1] > ys[2]


@pytest.mark.django_db
def test_checkin_charts_share_one_time_axis_with_dates_under_the_last(member):
    end = date(2026, 11, 28)
    start = end - timedelta(days=27)
    rows = [CheckInFactory(member=member, day=start + timedelta(days=d)) for d in (0, 5, 27)]
    found = charts(svg.checkin_chart(rows, start=start, end=end))
    mood_x = [float(c.get("cx")) for c in found["mood"].findall(".//svg:g[@class='series']/svg:circle", NS)]
    # Sleep's squares are drawn 4 units left of the day's centre: the same day, the same place.
    sleep_x = [float(r.get("x")) + 4 for r in found["sleep"].findall(".//svg:g[@class='series']/svg:rect", NS)]
    assert len(mood_x) == 3 and mood_x == pytest.approx(sleep_x, abs=0.1)
    date_labels = {
        field: [t.text for t in root.findall("svg:text", NS) if "." in (t.text or "")] for field, root in found.items()
    }
    assert date_labels["mood"] == [] and date_labels["sleep"] == []
    assert date_labels["activity"][0] == "1.11."


@pytest.mark.django_db
def test_checkin_charts_draw_and_state_the_last_seven_days_average(member):
    end = date(2026, 11, 28)
    start = end - timedelta(days=27)
    rows = [CheckInFactory(member=member, day=end - timedelta(days=d), mood=m) for d, m in ((0, 5), (3, 2), (20, 1))]
    html = str(svg.checkin_chart(rows, start=start, end=end))
    assert "Last seven days: 3.5 of 5 on average" in html
    mood = charts(html)["mood"]
    assert mood.find("svg:line[@class='week-average']", NS) is not None
    assert "The last seven days averaged 3.5 of 5." in mood.find("svg:desc", NS).text


def test_checkin_charts_without_data_say_so():
    found = charts(svg.checkin_chart([], start=date(2026, 1, 1), end=date(2026, 1, 28)))
    assert all(root.find("svg:desc", NS).text == "No check-ins in this period." for root in found.values())
    assert all(root.find("svg:line[@class='week-average']", NS) is None for root in found.values())


@pytest.mark.django_db
def test_network_page_shows_the_picture_and_the_same_people_as_text(login, member):
    for i in range(3):
        NetworkPersonFactory(member=member, name=f"Friend {i}", closeness=Closeness.CLOSE)
    response = login(member).get("/toolbox/network/")
    body = response.content.decode()
    assert body.count('class="person"') == 3
    for i in range(3):
        assert f"<strong>Friend {i}</strong>" in body
