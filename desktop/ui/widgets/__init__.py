"""Small widgets the screens and dialogs share: the date and number fields, the target rows, the
target results table, the outline bar."""
