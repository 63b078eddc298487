"""schema.org JSON-LD and Open Graph data for articles and events.

Built as dictionaries here and written into the page by the `json_ld` template filter,
which escapes them for a <script> element.
"""

import re

from django.utils import timezone

from wagtail.models import Site

from core.addresses import absolute

SHARE_IMAGE_FILTER = "fill-1200x630"


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or "Quartier"


def share_image(page, request):
    """The image for link previews and structured data, as an absolute URL."""
    if not page.image_id or page.image is None:
        return None
    rendition = page.image.get_rendition(SHARE_IMAGE_FILTER)
    return {
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": page.image_description,
    }


def news_article_data(page, request):
    image = share_image(page, request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.teaser,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "datePublished": page.published_at.isoformat(),
        "publisher": {"@type": "Organization", "name": site_name(request)},
        "author": {"@type": "Organization", "name": site_name(request)},
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    if image:
        data["image"] = [image["url"]]
    tags = [tag.name for tag in page.tag_list]
    if tags:
        data["keywords"] = ", ".join(tags)
    return {"json_ld": data, "open_graph": _open_graph(page, request, "article", image)}


POSTCODE_AND_TOWN = re.compile(r"^(\d{5})\s+(.+)$")


def postal_address(lines):
    """A PostalAddress from the lines editors type ("Lindenstraße 12", "10999 Berlin"):
    the line with a German postcode gives postcode and town, the others the street."""
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    street = []
    for line in lines:
        if match := POSTCODE_AND_TOWN.match(line):
            address["postalCode"], address["addressLocality"] = match[1], match[2]
        else:
            street.append(line)
    if street:
        address["streetAddress"] = ", ".join(street)
    return address


def event_data(page, request, next_occurrence):
    """An Event with the next date (or the first one, once all are past); a repeating
    event also carries its rule as an eventSchedule."""
    image = share_image(page, request)
    occurrence = next_occurrence
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.teaser,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": page.is_free,
    }
    if occurrence is not None:
        if occurrence.all_day:
            data["startDate"] = occurrence.start_date.isoformat()
            data["endDate"] = occurrence.end_date.isoformat()
        else:
            data["startDate"] = occurrence.start.isoformat()
            if occurrence.end:
                data["endDate"] = occurrence.end.isoformat()
    if page.place_name or page.address:
        location = {"@type": "Place", "name": page.place_name or page.address_lines[0]}
        if page.address:
            location["address"] = postal_address(page.address_lines)
        data["location"] = location
    if organiser := page.organiser:
        data["organizer"] = {"@type": "Organization", "name": organiser["name"]}
        if organiser["url"]:
            data["organizer"]["url"] = absolute(organiser["url"])
    if page.is_free or page.price is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": "0" if page.is_free else f"{page.price:.2f}",
            "priceCurrency": "EUR",
            "url": page.get_full_url(request),
        }
    if image:
        data["image"] = [image["url"]]
    if page.rule.repeats:
        schedule = {
            "@type": "Schedule",
            "scheduleTimezone": str(page.local_start.tzinfo),
            "startDate": page.local_start.date().isoformat(),
            "repeatFrequency": page.schedule_frequency,
        }
        if not page.all_day:
            schedule["startTime"] = page.local_start.strftime("%H:%M")
            if page.end:
                schedule["endTime"] = page.local_end.strftime("%H:%M")
        if page.repeat_until:
            schedule["endDate"] = page.repeat_until.isoformat()
        elif page.repeat_count:
            schedule["repeatCount"] = page.repeat_count
        if page.exception_dates:
            schedule["exceptDate"] = [day.isoformat() for day in sorted(page.exception_dates)]
        data["eventSchedule"] = schedule
    return {"json_ld": data, "open_graph": _open_graph(page, request, "website", image)}


def _open_graph(page, request, kind, image):
    properties = [
        ("og:type", kind),
        ("og:title", page.seo_title or page.title),
        ("og:description", page.search_description or page.teaser),
        ("og:url", page.get_full_url(request)),
        ("og:site_name", site_name(request)),
        ("og:locale", page.locale.language_code.replace("-", "_")),
    ]
    if image:
        properties += [
            ("og:image", image["url"]),
            ("og:image:width", str(image["width"])),
            ("og:image:height", str(image["height"])),
            ("og:image:alt", image["alt"]),
        ]
    if kind == "article":
        properties.append(("article:published_time", page.published_at.isoformat()))
        properties += [("article:tag", tag.name) for tag in page.tag_list]
    return properties
