"""The demo's community rooms: three houses of the Lindenkiez with their rooms, the
fixed times of a few groups, and requests of the demo's residents in different states,
all relative to today so that the week view is never empty or out of date."""

from datetime import time, timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Site

from exchange.demo import DEMO_RESIDENT_DOMAIN
from home.demo import add_home_teaser, publish_child
from participation import lifecycle
from participation.models import Resident, State

from . import booking
from .models import FeeKind, GroupTime, House, Repeat, RequesterKind, Room, RoomRequest, RoomsPage

RULES = (
    "<ul><li>Bitte verlassen Sie den Raum so, wie Sie ihn vorgefunden haben: Tische und Stühle zurück, "
    "Müll mitnehmen.</li><li>Ab 22 Uhr ist Ruhe im Haus; Musik nur bei geschlossenen Fenstern.</li>"
    "<li>Kein Verkauf von Alkohol, keine kommerziellen Veranstaltungen.</li><li>Den Schlüssel holen Sie "
    "im Büro ab und geben ihn am nächsten Werktag zurück.</li></ul>"
)

HOUSES = [
    {
        "slug": "nachbarschaftshaus-linde",
        "name": "Nachbarschaftshaus Linde",
        "description": "Das Haus der Nachbarschaftsarbeit mitten im Kiez: Café im Erdgeschoss, Räume für "
        "Gruppen, Kurse und Feste.",
        "street": "Lindenstraße 12",
        "phone": "030 23125 417",
        "email": "raeume@lindenkiez.example",
        "step_free": True,
        "accessible_toilet": True,
        "accessibility_note": "Aufzug zu allen Etagen; Parkplatz für Menschen mit Behinderung vor dem Haus.",
        "open_weekdays": "012345",
        "rooms": [
            (
                "saal",
                "Großer Saal",
                60,
                90,
                "Beamer und Leinwand\nMikrofonanlage\nBühne\nTeeküche",
                True,
                True,
                FeeKind.PER_HOUR,
                "10.00",
                "25.00",
                "100.00",
            ),
            ("gruppenraum", "Gruppenraum", 16, 35, "Flipchart\nWLAN", True, False, FeeKind.FREE, None, None, None),
            (
                "kueche",
                "Lehrküche",
                10,
                40,
                "Sechs Kochstellen\nGeschirr für 30 Personen",
                True,
                False,
                FeeKind.PER_BOOKING,
                "15.00",
                "30.00",
                "50.00",
            ),
        ],
    },
    {
        "slug": "gemeinschaftshaus-hafenstrasse",
        "name": "Gemeinschaftshaus Hafenstraße",
        "description": "Das Gemeinschaftshaus der Wohnungsbaugenossenschaft: offen für alle Nachbarinnen "
        "und Nachbarn, nicht nur für Mitglieder.",
        "street": "Hafenstraße 3",
        "phone": "030 23125 430",
        "email": "",
        "step_free": False,
        "accessible_toilet": False,
        "accessibility_note": "Drei Stufen am Eingang; eine mobile Rampe ist im Büro zu haben.",
        "open_weekdays": "0123456",
        "rooms": [
            (
                "clubraum",
                "Clubraum",
                25,
                50,
                "Tische und Stühle\nKaffeemaschine",
                False,
                False,
                FeeKind.FREE,
                None,
                None,
                None,
            ),
            (
                "werkstatt",
                "Werkstatt",
                8,
                30,
                "Werkbänke\nWerkzeug für Fahrrad und Holz",
                False,
                False,
                FeeKind.PER_BOOKING,
                "5.00",
                "10.00",
                None,
            ),
        ],
    },
    {
        "slug": "gemeindehaus-st-marien",
        "name": "Gemeindehaus St. Marien",
        "description": "Das Gemeindehaus der Kirchengemeinde vermietet seine Räume auch an Gruppen aus dem Kiez.",
        "street": "Kirchplatz 1",
        "phone": "030 23125 460",
        "email": "gemeindehaus@st-marien.example",
        "step_free": True,
        "accessible_toilet": True,
        "accessibility_note": "Eingang über den Hof; Induktionsschleife im Gemeindesaal.",
        "open_weekdays": "012345",
        "rooms": [
            (
                "gemeindesaal",
                "Gemeindesaal",
                80,
                120,
                "Klavier\nBeamer\nBühne",
                True,
                True,
                FeeKind.PER_HOUR,
                "8.00",
                "20.00",
                "100.00",
            ),
            ("jugendraum", "Jugendraum", 20, 45, "Kicker\nMusikanlage", True, False, FeeKind.FREE, None, None, None),
        ],
    },
]

GROUP_TIMES = [
    # house, room, group, weekday (0 = Monday), from, until
    ("nachbarschaftshaus-linde", "gruppenraum", "Deutsch-Café", 1, time(10), time(12)),
    ("nachbarschaftshaus-linde", "saal", "Seniorengymnastik", 3, time(15), time(16, 30)),
    ("gemeinschaftshaus-hafenstrasse", "werkstatt", "Reparaturcafé", 5, time(14), time(17)),
    ("gemeindehaus-st-marien", "gemeindesaal", "Lindenchor", 2, time(19), time(21)),
]

CONSENT = (
    "Ich bin einverstanden, dass meine Anfrage, meine Adresse und meine Telefonnummer gespeichert werden, "
    "um über sie zu entscheiden und mich zu erreichen, und nach dem letzten Termin gelöscht werden."
)


def _next(weekday, after_days=1):
    """The next date with this weekday at least `after_days` from today, not a holiday."""
    day = timezone.localdate() + timedelta(days=after_days)
    while day.weekday() != weekday or booking.holiday(day):
        day += timedelta(days=1)
    return day


def _houses():
    approvers, _created = Group.objects.get_or_create(name="Raumvergabe")
    houses = {}
    for order, data in enumerate(HOUSES):
        data = dict(data)
        rooms = data.pop("rooms")
        house = House.objects.filter(slug=data["slug"], locale=Locale.get_default()).first() or House()
        for name, value in data.items():
            setattr(house, name, value)
        house.postcode, house.town, house.rules, house.sort_order = "10999", "Berlin", RULES, order
        house.approvers = approvers
        house.save()
        houses[house.slug] = house
        for room_order, row in enumerate(rooms):
            slug, name, capacity, size, equipment, step_free, loop, fee_kind, club, private, deposit = row
            room = Room.objects.filter(house=house, slug=slug).first() or Room(house=house, slug=slug)
            room.name, room.capacity, room.size_m2, room.equipment = name, capacity, size, equipment
            room.step_free, room.hearing_loop, room.fee_kind = step_free, loop, fee_kind
            room.fee_club, room.fee_private, room.deposit = club, private, deposit
            room.sort_order, room.max_hours = room_order, 8
            room.save()
    return houses


def _room(house, slug):
    return Room.objects.get(house__slug=house, slug=slug, locale=Locale.get_default())


def _group_times():
    today = timezone.localdate()
    GroupTime.objects.filter(room__house__slug__in=[house["slug"] for house in HOUSES]).delete()
    for house, room, group, weekday, starts, ends in GROUP_TIMES:
        first = today - timedelta(days=(today.weekday() - weekday) % 7)
        group_time = GroupTime.objects.create(
            room=_room(house, room),
            group=group,
            first_day=first,
            last_day=first + timedelta(weeks=26),
            starts=starts,
            ends=ends,
            repeat=Repeat.WEEKLY,
        )
        booking.place_group_time(group_time)


def _request(resident, room, title, day, starts, ends, state, **fields):
    """A request as the form stores it, moved through the life cycle to `state`."""
    start, end = booking.local(day, starts), booking.local(day, ends)
    series = booking.plan(room.house, start, end, fields.get("repeat", ""), fields.get("repeat_until"))
    stored = {}

    def make(taken):
        stored["request"] = RoomRequest.objects.create(
            resident=resident,
            title=title,
            room=room,
            starts_at=start,
            ends_at=end,
            rules_version=room.house.current_rules(),
            rules_accepted_at=timezone.now(),
            fee_accepted=room.fee_for(fields.get("requester_kind") == RequesterKind.CLUB),
            skipped=series.skipped + booking.skipped_entries(taken, "taken"),
            **fields,
        )
        return {"request": stored["request"]}

    booking.hold(room, series.dates, make_owner=make, all_or_nothing=False)
    item = stored["request"]
    lifecycle.submit(item, CONSENT, confirmed=True)
    if state == State.PUBLISHED:
        lifecycle.approve(item, None)
    elif state == State.REJECTED:
        lifecycle.reject(
            item, None, "Der Saal ist an diesem Abend für die Renovierung der Bühne gesperrt. Der Gruppenraum ist frei."
        )


def _requests():
    earlier = RoomRequest.objects.filter(resident__email__endswith="@" + DEMO_RESIDENT_DOMAIN)
    # Loaded again: the calendar's pages of the earlier demo requests go with them.
    for item in earlier.filter(event_page__isnull=False).select_related("event_page"):
        item.event_page.delete()
    earlier.delete()
    residents = {}
    for name in ("jana", "mehmet", "olena"):
        residents[name], _created = Resident.objects.get_or_create(
            email=f"{name}@{DEMO_RESIDENT_DOMAIN}", defaults={"confirmed_at": timezone.now()}
        )
    linde = "nachbarschaftshaus-linde"
    _request(
        residents["jana"], _room(linde, "saal"), "Nachbarschaftsfest-Vorbereitung", _next(4, 3), time(17), time(20),
        State.IN_REVIEW, purpose="Wir planen das nächste Nachbarschaftsfest mit allen Initiativen.", people=25,
        requester_kind=RequesterKind.CLUB, organiser="Initiative Lindenkiez", public=False,
    )  # fmt: skip
    _request(
        residents["mehmet"], _room(linde, "gruppenraum"), "Türkisch-deutscher Gesprächskreis", _next(0, 2),
        time(18), time(20), State.PUBLISHED, purpose="Wir sprechen Deutsch und Türkisch, alle sind willkommen.",
        people=12, requester_kind=RequesterKind.CLUB, organiser="Gesprächskreis Lindenkiez", public=True,
        repeat=Repeat.BIWEEKLY, repeat_until=timezone.localdate() + timedelta(weeks=16),
    )  # fmt: skip
    _request(
        residents["olena"], _room(linde, "saal"), "Geburtstagsfeier", _next(5, 10), time(15), time(19),
        State.REJECTED, purpose="Kindergeburtstag mit Familie und Nachbarn.", people=30,
        requester_kind=RequesterKind.PRIVATE, public=False,
    )  # fmt: skip


def _drop_demo_mails():
    """The demo's requests go through the life cycle like real ones; the mails that tell
    the made-up residents of each step are not sent anywhere."""
    from core.models import OutgoingMail

    OutgoingMail.objects.filter(to__endswith="@" + DEMO_RESIDENT_DOMAIN).delete()


def build(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = publish_child(
        home,
        RoomsPage,
        "raeume",
        title="Räume im Kiez",
        intro=(
            "<p>Drei Häuser im Lindenkiez öffnen ihre Räume für Gruppen, Vereine und Nachbarinnen und "
            "Nachbarn: Sehen Sie, wann ein Raum frei ist, und fragen Sie ihn ohne Anmeldung an.</p>"
        ),
        search_description="Gemeinschaftsräume im Lindenkiez: freie Zeiten sehen und einen Raum anfragen.",
    )
    add_home_teaser(page, "Räume im Kiez", "Freie Zeiten sehen und einen Raum für Ihre Gruppe anfragen.")
    _houses()
    _group_times()
    _requests()
    _drop_demo_mails()
    if stdout is not None:
        stdout.write(f"  rooms: {len(HOUSES)} houses, {len(GROUP_TIMES)} group times, 3 requests")
