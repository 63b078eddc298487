"""One JSON object per log line, for log collectors on multi-machine deployments."""

import datetime
import json
import logging

# Attributes every LogRecord has; anything else was passed in `extra=` and is kept.
_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# Django attaches the request to error records; it holds cookies and form data, which
# are personal data and never belong in a log.
_NEVER_LOGGED = {"request"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRIBUTES and key not in _NEVER_LOGGED:
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
