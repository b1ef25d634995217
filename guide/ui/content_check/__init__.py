"""Content problems, told quietly to the people who edit the files."""
