"""The fee of a room in words, as the form shows it and the request stores it."""

from django.utils.formats import number_format
from django.utils.translation import gettext

from .models import FeeKind


def euros(amount):
    return f"{number_format(amount, decimal_pos=2)} €"


def _price(room, club):
    if room.fee_kind == FeeKind.FREE:
        return gettext("Free of charge")
    amount = room.fee_club if club else room.fee_private
    if amount is None:
        amount = room.fee_private if club else room.fee_club
    unit = gettext("per hour") if room.fee_kind == FeeKind.PER_HOUR else gettext("per booking")
    return f"{euros(amount)} {unit}"


def _extras(room):
    text = ""
    if room.deposit:
        text += "; " + gettext("deposit %(amount)s") % {"amount": euros(room.deposit)}
    if room.fee_note:
        text += f" ({room.fee_note})"
    return text


def fee_text(room, club):
    """What a club (club=True) or a private person pays for this room."""
    return _price(room, club) + _extras(room)


def fee_summary(room):
    """Both fees in one line, for the room's page and the request form."""
    club, private = _price(room, True), _price(room, False)
    if club == private:
        return club + _extras(room)
    both = gettext("%(club)s for clubs and groups, %(private)s for private use") % {"club": club, "private": private}
    return both + _extras(room)
