"""The window's dialogs: each opened by a screen or a menu, modal, laid out and reacting only."""
