"""Signed links: the confirmation of one contribution and the resident's own page.

Both are signed with the site's SECRET_KEY and expire; neither is stored. A
resident's link carries the resident's link version, so that raising it (after a
deletion, or when a resident asks) voids every link mailed before."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "participation.confirm"
RESIDENT_SALT = "participation.resident"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _load(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkInvalid from error


def confirmation_token(contribution):
    return signing.dumps(contribution.pk, salt=CONFIRM_SALT)


def read_confirmation_token(token):
    value = _load(token, CONFIRM_SALT, settings.PARTICIPATION_CONFIRM_DAYS * 86400)
    if not isinstance(value, int):
        raise LinkInvalid
    return value


def resident_token(resident):
    return signing.dumps([resident.pk, resident.link_version], salt=RESIDENT_SALT)


def read_resident_token(token):
    """(resident id, link version) of a valid link."""
    value = _load(token, RESIDENT_SALT, settings.PARTICIPATION_LINK_DAYS * 86400)
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(part, int) for part in value)):
        raise LinkInvalid
    return value
