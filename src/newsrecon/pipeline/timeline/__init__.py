"""The story timeline: events on normalised dates, and publication dates known or estimated.

``mentions`` finds the dated expressions of each article with their sentence and event,
``constraints`` turns their anchor-free values into constraints and solves them (a weekday named
by one outlet and a calendar date named by another for the same event fix the year),
``estimate`` bounds each undated article's publication from that evidence, and ``stage``
resolves every expression against its article's (known or estimated) publication date and
merges the same date and event across outlets.
"""
