"""What is stored about one resident, for their own page, the export and the
personal-data register."""

from .kinds import all_kinds, specific


def resident_data(resident):
    kinds = all_kinds()
    items = specific(resident.contributions.all())
    return {
        "resident": {
            "email": resident.email,
            "name": resident.name,
            "phone": resident.phone,
            "language": resident.language,
            "first_seen": resident.created_at.isoformat(),
            "address_confirmed": resident.confirmed_at.isoformat() if resident.confirmed_at else None,
        },
        "contributions": [describe(item, kinds[item.kind]) for item in items.values()],
    }


def _iso(moment):
    return moment.isoformat() if moment else None


def describe(contribution, kind):
    """One contribution, as its kind's model, for the export."""
    return {
        "kind": contribution.kind,
        "code": contribution.code,
        "title": contribution.title,
        "state": contribution.state,
        "created": _iso(contribution.created_at),
        "published": _iso(contribution.published_at),
        "expires": _iso(contribution.expires_at),
        "consent": contribution.consent_text,
        "consent_given": _iso(contribution.consented_at),
        "confirmed": _iso(contribution.confirmed_at),
        "confirmed_from": contribution.confirmed_from,
        "entered_on_behalf": bool(contribution.entered_by_id),
        "reason_given": contribution.reason,
        **kind.describe(contribution),
    }
