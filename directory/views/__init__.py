"""The directory's public views, reached through DirectoryPage's routes: the lists
(`lists`), the search (`search`), a provider's and an offer's page with the enquiry form
(`details`); what they read is in `queries`. The Wegweiser is `directory/printable.py`."""
