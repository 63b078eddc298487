"""Core's one table: when each periodic job last became due (core/schedule.py). The
cache table is made by `createcachetable`, not by a model."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    last_due = models.DateTimeField(_("last due"))

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
