import json
import logging

from django.test import RequestFactory

from core.logging import JsonFormatter


def test_json_lines_without_the_request():
    request = RequestFactory().post("/de/", {"email": "anwohnerin@example.org"})
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/de/",), None
    )
    record.request = request
    record.status_code = 500
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "Internal Server Error: /de/"
    assert entry["level"] == "ERROR"
    assert entry["status_code"] == 500
    assert "request" not in entry
    assert "anwohnerin" not in json.dumps(entry)
