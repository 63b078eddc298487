"""The demo's event proposal waiting for review (participation's life cycle), so that
the editors' queue shows one."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from participation.models import Resident, State

from .demo_dates import next_weekday
from .models import EventProposal


def build_proposal(today):
    """One proposal waiting for review, so that the editors' queue shows one: built
    anew each time, so that its date stays ahead."""
    resident, _created = Resident.objects.get_or_create(email="kita-sonnenschein@nachbarn.lindenkiez.example")
    EventProposal.objects.filter(resident=resident).delete()
    day = next_weekday(today, 3) + timedelta(weeks=3)
    start = timezone.make_aware(datetime.combine(day, time(15, 0)))
    EventProposal.objects.create(
        resident=resident,
        state=State.IN_REVIEW,
        review_reason="first contribution of this address",
        title="Vorlesenachmittag in der Kita Sonnenschein",
        start=start,
        end=start + timedelta(hours=1, minutes=30),
        place_name="Kita Sonnenschein",
        address="Parkstraße 3, 10999 Berlin",
        organiser_name="Elternrat der Kita Sonnenschein",
        organiser_contact="030 2345678",
        cost="kostenlos",
        description="Eltern lesen Bilderbücher vor, auf Deutsch, Türkisch und Arabisch. Für Kinder ab 3 Jahren.",
        consent_text="Demo",
        consented_at=timezone.now(),
        confirmed_at=timezone.now(),
    )
