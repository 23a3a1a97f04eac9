"""Small shared widgets: a record table with native sorting, date fields, forms that show a
refusal next to the field, the confidential marker."""
