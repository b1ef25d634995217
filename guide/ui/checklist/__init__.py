"""The checklist view: profile, milestones, coming up, export, import, delete my data."""
