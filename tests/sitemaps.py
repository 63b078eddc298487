"""Reading sitemap.xml the way a search engine does: the index, then every part."""

from urllib.parse import urlsplit

from defusedxml import ElementTree

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def part_addresses(client):
    """The addresses of the parts the index at /sitemap.xml lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ElementTree.fromstring(response.content).findall("s:sitemap/s:loc", NAMESPACE)]


def part_locations(client, address):
    parts = urlsplit(address)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert response.status_code == 200
    return [loc.text for loc in ElementTree.fromstring(response.content).findall("s:url/s:loc", NAMESPACE)]


def sitemap_locations(client):
    """Every address in every part, in order, repeats kept."""
    return [location for address in part_addresses(client) for location in part_locations(client, address)]
